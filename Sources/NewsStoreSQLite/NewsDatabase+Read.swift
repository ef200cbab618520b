internal import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.articles(_:)`.
    public func articles(_ query: ArticleQuery) async throws(StoreError) -> [Article] {
        try await read("listing articles") { db in
            let (filter, arguments) = Self.filter(query)
            return try Row.fetchAll(
                db,
                sql:
                    "SELECT \(ArticleRow.columns) FROM \(ArticleRow.from) \(filter) ORDER BY a.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [max(query.limit, 0), max(query.offset, 0)]
            ).map(ArticleRow.article)
        }
    }

    /// See `ArticleStore.articleCount(_:)`.
    public func articleCount(_ query: ArticleQuery) async throws(StoreError) -> Int {
        try await read("counting articles") { db in
            let (filter, arguments) = Self.filter(query)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(ArticleRow.from) \(filter)", arguments: arguments)
                ?? 0
        }
    }

    /// See `ArticleStore.article(_:)`.
    public func article(_ id: ArticleID) async throws(StoreError) -> Article? {
        try await read("reading an article") { db in
            try Row.fetchOne(
                db, sql: "SELECT \(ArticleRow.columns) FROM \(ArticleRow.from) WHERE a.id = ?", arguments: [id.rawValue]
            ).map(ArticleRow.article)
        }
    }

    /// See `ArticleStore.rawInput(of:)`.
    public func rawInput(of id: ArticleID) async throws(StoreError) -> [UInt8]? {
        try await read("reading an article's input") { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM article_raw WHERE article_id = ?", arguments: [id.rawValue])
                .map { Array($0) }
        }
    }

    /// See `ArticleStore.info()`.
    public func info() async throws(StoreError) -> StoreInfo {
        let location = location
        return try await read("describing the database") { db in
            var languages: [String: Int] = [:]
            for index in try FullTextIndex.all(db) {
                languages[index.algorithm] = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(index.tableName)_docsize")
            }
            var info = StoreInfo(
                location: location, engine: "sqlite",
                schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                articleCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0,
                sourceCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM source") ?? 0,
                indexedLanguages: languages)
            info.rejectionCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM rejected_input") ?? 0
            for row in try Row.fetchAll(
                db, sql: "SELECT algorithm, count(*) AS n FROM article_analysis GROUP BY algorithm")
            {
                info.analysesByAlgorithm[row["algorithm"]] = row["n"]
            }
            return info
        }
    }

    /// Runs a read and maps its errors.
    func read<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: operation)
        }
    }

    private static func filter(_ query: ArticleQuery) -> (String, StatementArguments) {
        guard let source = query.source else { return ("", []) }
        return ("WHERE s.name = ?", [source])
    }
}
