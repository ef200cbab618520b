internal import Foundation
internal import GRDB
internal import NewsCore
public import NewsStore

extension NewsDatabase: ArticleStore {
    /// Stores a batch in one write transaction with cached statements; see `ArticleStore.add(_:)`.
    public func add(_ batch: [IncomingArticle]) async throws(StoreError) -> [AddResult] {
        guard !batch.isEmpty else { return [] }
        do {
            return try await writer.write { db in try Self.insert(batch, db) }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "adding articles")
        }
    }

    private static func insert(_ batch: [IncomingArticle], _ db: Database) throws -> [AddResult] {
        let insertArticle = try db.cachedStatement(
            sql: """
                INSERT INTO article (content_hash, title, body, source_id, url, published_at, ingested_at,
                    language, authors, input_name, input_format, charset)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let existing = try db.cachedStatement(sql: "SELECT id FROM article WHERE content_hash = ?")
        let insertRaw = try db.cachedStatement(sql: "INSERT INTO article_raw (article_id, bytes) VALUES (?, ?)")
        var sourceIDs: [String: Int64] = [:]
        var indexStatements: [String: Statement] = [:]
        var results: [AddResult] = []
        results.reserveCapacity(batch.count)

        for item in batch {
            let draft = item.draft
            let hash = Data(draft.contentHash.digest)
            var sourceID: Int64?
            if let source = draft.source {
                sourceID = try sourceIDs[source] ?? sourceRowID(named: source, db)
                sourceIDs[source] = sourceID
            }
            // NB: a lookup then a plain INSERT, not `ON CONFLICT DO NOTHING RETURNING id`: SQLite runs RETURNING
            // through its trigger machinery, which made the upsert cost as much as the whole FTS5 indexing.
            // Duplicates inside one batch are found too, since the lookup sees the transaction's own rows.
            if let old = try Int64.fetchOne(existing, arguments: [hash]) {
                results.append(.duplicate(of: ArticleID(old)))
                continue
            }
            try insertArticle.execute(
                arguments: [
                    hash, draft.title, draft.text, sourceID, draft.url, draft.published.map(StoredDate.text),
                    StoredDate.text(item.ingested),
                    draft.language?.rawValue, ArticleRow.authorsJSON(draft.authors), item.inputName,
                    draft.format.rawValue, draft.charset,
                ])
            let id = db.lastInsertedRowID
            try insertRaw.execute(arguments: [id, Data(draft.raw)])
            let index = FullTextIndex(language: draft.language)
            let indexInsert: Statement
            if let statement = indexStatements[index.algorithm] {
                indexInsert = statement
            } else {
                try index.create(db)
                indexInsert = try db.cachedStatement(
                    sql: "INSERT INTO \(index.tableName) (rowid, title, body) VALUES (?, ?, ?)")
                indexStatements[index.algorithm] = indexInsert
            }
            try indexInsert.execute(arguments: [id, draft.title, draft.text])
            results.append(.added(ArticleID(id)))
        }
        return results
    }

    private static func sourceRowID(named name: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO source (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [name])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE name = ?", arguments: [name]) else {
            throw DatabaseError(message: "source '\(name)' vanished while being added")
        }
        return id
    }
}
