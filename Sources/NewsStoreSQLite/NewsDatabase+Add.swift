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
        var insertArticle = BoundStatement(
            try db.cachedStatement(
                sql: """
                    INSERT INTO article (content_hash, title, body, source_id, url, published_at, ingested_at,
                        language, authors, input_name, input_format, charset)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """), in: db)
        var existing = BoundStatement(
            try db.cachedStatement(sql: "SELECT id FROM article WHERE content_hash = ?"), in: db)
        var insertRaw = BoundStatement(
            try db.cachedStatement(sql: "INSERT INTO article_raw (article_id, bytes) VALUES (?, ?)"), in: db)
        var sourceIDs: [String: Int64] = [:]
        var indexStatements: [String: BoundStatement] = [:]
        var results: [AddResult] = []
        results.reserveCapacity(batch.count)

        for item in batch {
            let draft = item.draft
            let hash = draft.contentHash.digest
            var sourceID: Int64?
            if let source = draft.source {
                sourceID = try sourceIDs[source] ?? sourceRowID(named: source, db)
                sourceIDs[source] = sourceID
            }
            // NB: a lookup then a plain INSERT, not `ON CONFLICT DO NOTHING RETURNING id`: SQLite runs RETURNING
            // through its trigger machinery, which made the upsert cost as much as the whole FTS5 indexing.
            // Duplicates inside one batch are found too, since the lookup sees the transaction's own rows.
            existing.bind(hash)
            if let old = try existing.fetchInt64() {
                results.append(.duplicate(of: ArticleID(old)))
                continue
            }
            insertArticle.bind(hash)
            insertArticle.bind(draft.title)
            insertArticle.bind(draft.text)
            insertArticle.bind(sourceID)
            insertArticle.bind(draft.url)
            insertArticle.bind(draft.published.map(StoredDate.text))
            insertArticle.bind(StoredDate.text(item.ingested))
            insertArticle.bind(draft.language?.rawValue)
            insertArticle.bind(ArticleRow.authorsJSON(draft.authors))
            insertArticle.bind(item.inputName)
            insertArticle.bind(draft.format.rawValue)
            insertArticle.bind(draft.charset)
            try insertArticle.execute()
            let id = db.lastInsertedRowID
            insertRaw.bind(id)
            insertRaw.bind(draft.raw)
            try insertRaw.execute()

            let index = FullTextIndex(language: draft.language)
            var indexInsert: BoundStatement
            if let statement = indexStatements[index.algorithm] {
                indexInsert = statement
            } else {
                try index.create(db)
                indexInsert = BoundStatement(
                    try db.cachedStatement(sql: "INSERT INTO \(index.tableName) (rowid, title, body) VALUES (?, ?, ?)"),
                    in: db)
                indexStatements[index.algorithm] = indexInsert
            }
            indexInsert.bind(id)
            indexInsert.bind(draft.title)
            indexInsert.bind(draft.text)
            try indexInsert.execute()
            results.append(.added(ArticleID(id)))
        }
        return results
    }

    static func sourceRowID(named name: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO source (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [name])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE name = ?", arguments: [name]) else {
            throw DatabaseError(message: "source '\(name)' vanished while being added")
        }
        return id
    }
}
