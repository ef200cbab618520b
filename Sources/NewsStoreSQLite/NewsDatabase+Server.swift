public import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.savedSearches()`.
    public func savedSearches() async throws(StoreError) -> [SavedSearch] {
        try await read("listing saved searches") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM saved_search ORDER BY name COLLATE NOCASE").map(Self.savedSearch)
        }
    }

    /// See `ArticleStore.saveSearch(name:query:at:)`.
    public func saveSearch(name: String, query: String, at date: Date) async throws(StoreError) -> SavedSearch {
        do {
            return try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO saved_search (name, query, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET query = excluded.query
                        """,
                    arguments: [name, query, StoredDate.text(date)])
                guard
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM saved_search WHERE name = ?", arguments: [name])
                else { throw DatabaseError(message: "saved search \(name) vanished while being saved") }
                return Self.savedSearch(row)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "saving the search \(name)")
        }
    }

    /// See `ArticleStore.removeSavedSearch(_:)`.
    public func removeSavedSearch(_ id: Int64) async throws(StoreError) -> SavedSearch? {
        do {
            return try await writer.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM saved_search WHERE id = ?", arguments: [id])
                else { return nil }
                try db.execute(sql: "DELETE FROM saved_search WHERE id = ?", arguments: [id])
                return Self.savedSearch(row)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "removing saved search \(id)")
        }
    }

    /// See `ArticleStore.addToken(name:hash:at:)`.
    public func addToken(name: String, hash: String, at date: Date) async throws(StoreError) -> APITokenRecord {
        do {
            return try await writer.write { db in
                try db.execute(
                    sql: "INSERT INTO api_token (name, hash, created_at) VALUES (?, ?, ?)",
                    arguments: [name, hash, StoredDate.text(date)])
                return APITokenRecord(id: db.lastInsertedRowID, name: name, hash: hash, created: date)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "adding a token")
        }
    }

    /// See `ArticleStore.tokens()`.
    public func tokens() async throws(StoreError) -> [APITokenRecord] {
        try await read("listing tokens") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id").map(Self.token)
        }
    }

    /// See `ArticleStore.removeToken(_:)`.
    public func removeToken(_ id: Int64) async throws(StoreError) -> APITokenRecord? {
        do {
            return try await writer.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id])
                else { return nil }
                try db.execute(sql: "DELETE FROM api_token WHERE id = ?", arguments: [id])
                return Self.token(row)
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "revoking token \(id)")
        }
    }

    /// See `ArticleStore.cachedRendering(story:kind:fingerprint:)`.
    public func cachedRendering(
        story: ArticleID, kind: String, fingerprint: String
    ) async throws(StoreError) -> Data? {
        try await read("reading a kept rendering") { db in
            try Data.fetchOne(
                db.cachedStatement(
                    sql: "SELECT body FROM story_rendering WHERE story_id = ? AND kind = ? AND fingerprint = ?"),
                arguments: [story.rawValue, kind, fingerprint])
        }
    }

    /// See `ArticleStore.saveRendering(_:)`.
    public func saveRendering(_ rendering: CachedRendering) async throws(StoreError) {
        do {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO story_rendering (story_id, kind, fingerprint, body) VALUES (?, ?, ?, ?)
                        ON CONFLICT (story_id, kind) DO UPDATE SET fingerprint = excluded.fingerprint,
                            body = excluded.body
                        """,
                    arguments: [rendering.story.rawValue, rendering.kind, rendering.fingerprint, rendering.body])
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "keeping a story's rendering")
        }
    }

    private static func savedSearch(_ row: Row) -> SavedSearch {
        SavedSearch(id: row["id"], name: row["name"], query: row["query"], created: row["created_at"])
    }

    private static func token(_ row: Row) -> APITokenRecord {
        APITokenRecord(id: row["id"], name: row["name"], hash: row["hash"], created: row["created_at"])
    }
}
