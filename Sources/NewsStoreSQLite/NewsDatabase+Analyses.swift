internal import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.saveAnalyses(_:)`.
    public func saveAnalyses(_ analyses: [StoredAnalysis]) async throws(StoreError) {
        guard !analyses.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let rows: [(Int64, String, String, Data)]
        do {
            rows = try analyses.map {
                (
                    $0.articleID.rawValue, $0.analysis.algorithm, StoredDate.text($0.analysedAt),
                    try encoder.encode($0.analysis)
                )
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "encoding analyses")
        }
        do {
            try await writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO article_analysis (article_id, algorithm, analysed_at, analysis) VALUES (?, ?, ?, ?)
                        ON CONFLICT (article_id) DO UPDATE SET
                            algorithm = excluded.algorithm, analysed_at = excluded.analysed_at,
                            analysis = excluded.analysis
                        """)
                for row in rows { try statement.execute(arguments: [row.0, row.1, row.2, row.3]) }
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "saving analyses")
        }
    }

    /// See `ArticleStore.analysis(of:)`.
    public func analysis(of id: ArticleID) async throws(StoreError) -> StoredAnalysis? {
        let stored: (date: Date, json: Data)? = try await read("reading an analysis") { db in
            try Row.fetchOne(
                db, sql: "SELECT analysed_at, analysis FROM article_analysis WHERE article_id = ?",
                arguments: [id.rawValue]
            ).map { ($0["analysed_at"] as Date, $0["analysis"] as Data) }
        }
        guard let stored else { return nil }
        do {
            let analysis = try JSONDecoder().decode(ArticleAnalysis.self, from: stored.json)
            return StoredAnalysis(articleID: id, analysis: analysis, analysedAt: stored.date)
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "decoding the analysis of \(id)")
        }
    }

    /// See `ArticleStore.idsNeedingAnalysis(algorithm:after:limit:)`.
    public func idsNeedingAnalysis(
        algorithm: String, after: ArticleID?, limit: Int
    ) async throws(StoreError)
        -> [ArticleID]
    {
        try await read("finding articles to analyse") { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT article.id FROM article
                    LEFT JOIN article_analysis ON article_analysis.article_id = article.id
                    WHERE (article_analysis.algorithm IS NULL OR article_analysis.algorithm != ?) AND article.id > ?
                    ORDER BY article.id LIMIT ?
                    """,
                arguments: [algorithm, after?.rawValue ?? 0, max(0, limit)]
            ).map { ArticleID($0) }
        }
    }

    /// See `ArticleStore.countNeedingAnalysis(algorithm:)`.
    public func countNeedingAnalysis(algorithm: String) async throws(StoreError) -> Int {
        try await read("counting articles to analyse") { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM article
                    LEFT JOIN article_analysis ON article_analysis.article_id = article.id
                    WHERE article_analysis.algorithm IS NULL OR article_analysis.algorithm != ?
                    """,
                arguments: [algorithm]) ?? 0
        }
    }
}
