internal import Foundation
public import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.saveAnalyses(_:)`.
    public func saveAnalyses(_ analyses: [StoredAnalysis]) async throws(StoreError) {
        guard !analyses.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let documents: [Data]
        do {
            documents = try analyses.map { try encoder.encode($0.analysis) }
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: "encoding analyses")
        }
        try await transaction("saving analyses") { [logger] connection in
            try await connection.all(
                """
                INSERT INTO article_analysis (article_id, algorithm, analysed_at, analysis)
                SELECT * FROM unnest(\(analyses.map(\.articleID.rawValue)), \(analyses.map(\.analysis.algorithm)),
                    \(analyses.map(\.analysedAt)), \(documents.map(\.buffer)))
                ON CONFLICT (article_id) DO UPDATE SET algorithm = excluded.algorithm,
                    analysed_at = excluded.analysed_at, analysis = excluded.analysis
                """, logger)
        }
    }

    /// See `ArticleStore.analysis(of:)`.
    public func analysis(of id: ArticleID) async throws(StoreError) -> StoredAnalysis? {
        let rows = try await rows(
            "reading an analysis",
            "SELECT analysed_at, analysis FROM article_analysis WHERE article_id = \(id.rawValue)")
        guard let stored = try decoded("reading an analysis", rows, { try $0.decode((Date, Data).self) }).first
        else { return nil }
        do {
            let analysis = try JSONDecoder().decode(ArticleAnalysis.self, from: stored.1)
            return StoredAnalysis(articleID: id, analysis: analysis, analysedAt: stored.0)
        } catch {
            throw PostgresErrorMapping.map(error, location: location, operation: "decoding the analysis of \(id)")
        }
    }

    /// See `ArticleStore.idsNeedingAnalysis(algorithm:after:limit:)`.
    public func idsNeedingAnalysis(
        algorithm: String, after: ArticleID?, limit: Int
    ) async throws(StoreError) -> [ArticleID] {
        let rows = try await rows(
            "finding articles to analyse",
            """
            SELECT article.id FROM article
            LEFT JOIN article_analysis ON article_analysis.article_id = article.id
            WHERE (article_analysis.algorithm IS NULL OR article_analysis.algorithm <> \(algorithm))
                AND article.id > \(after?.rawValue ?? 0)
            ORDER BY article.id LIMIT \(max(0, limit))
            """)
        return try decoded("finding articles to analyse", rows) { ArticleID(try $0.decode(Int64.self)) }
    }

    /// See `ArticleStore.countNeedingAnalysis(algorithm:)`.
    public func countNeedingAnalysis(algorithm: String) async throws(StoreError) -> Int {
        let rows = try await rows(
            "counting articles to analyse",
            """
            SELECT count(*) FROM article
            LEFT JOIN article_analysis ON article_analysis.article_id = article.id
            WHERE article_analysis.algorithm IS NULL OR article_analysis.algorithm <> \(algorithm)
            """)
        return try decoded("counting articles to analyse", rows) { try $0.decode(Int.self) }.first ?? 0
    }

    /// See `ArticleStore.recordRejections(_:)`.
    public func recordRejections(_ rejections: [RejectedInput]) async throws(StoreError) {
        guard !rejections.isEmpty else { return }
        try await transaction("recording rejected inputs") { [logger] connection in
            for rejection in rejections {
                try await connection.all(
                    """
                    INSERT INTO rejected_input
                        (input_name, location, code, reason, input_format, raw, raw_size, rejected_at)
                    VALUES (\(rejection.inputName), \(rejection.location), \(rejection.code), \(rejection.reason),
                        \(rejection.format?.rawValue), \(rejection.raw.map { Data($0) }), \(rejection.rawSize),
                        \(rejection.rejectedAt))
                    ON CONFLICT (input_name, location, code) DO UPDATE SET
                        reason = excluded.reason, input_format = excluded.input_format, raw = excluded.raw,
                        raw_size = excluded.raw_size, rejected_at = excluded.rejected_at
                    """, logger)
            }
        }
    }

    /// See `ArticleStore.rejections(limit:offset:)`.
    public func rejections(limit: Int, offset: Int) async throws(StoreError) -> [RejectedInput] {
        let rows = try await rows(
            "listing rejected inputs",
            """
            SELECT input_name, location, code, reason, input_format, raw, raw_size, rejected_at
            FROM rejected_input ORDER BY rejected_at DESC, id DESC LIMIT \(max(limit, 0)) OFFSET \(max(offset, 0))
            """)
        return try decoded("listing rejected inputs", rows) { row in
            let (name, location, code, reason, format, raw, size, rejected) = try row.decode(
                (String, String, String, String, String?, Data?, Int?, Date).self)
            return RejectedInput(
                inputName: name, location: location, code: code, reason: reason,
                format: format.flatMap(InputFormat.init(rawValue:)), raw: raw.map { Array($0) }, rawSize: size,
                rejectedAt: rejected)
        }
    }
}
