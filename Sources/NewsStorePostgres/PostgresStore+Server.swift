public import Foundation
public import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.sources()`.
    public func sources() async throws(StoreError) -> [SourceRecord] {
        let rows = try await rows(
            "listing outlets", PostgresQuery(unsafeSQL: Self.sourceColumns + " ORDER BY lower(source.name)"))
        return try decoded("listing outlets", rows, Self.sourceRecord)
    }

    /// See `ArticleStore.updateSource(named:_:)`.
    public func updateSource(named name: String, _ update: SourceUpdate) async throws(StoreError) -> SourceRecord? {
        try await transaction("updating the outlet \(name)") { [logger] connection in
            guard
                let id = try await connection.all("SELECT id FROM source WHERE lower(name) = lower(\(name))", logger)
                    .first?.decode(Int64.self)
            else { return nil }
            func set(_ column: String, _ value: String?) async throws {
                guard let value else { return }
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                try await connection.all(
                    "UPDATE source SET \(unescaped: column) = \(trimmed.isEmpty ? nil : trimmed) WHERE id = \(id)",
                    logger)
            }
            try await set("domain", update.domain)
            try await set("country", update.country)
            try await set("owner", update.owner)
            if let kind = update.kind { try await set("kind", kind?.rawValue ?? "") }
            // Owners decide origins, so every kept rendering may now be wrong.
            try await connection.all("DELETE FROM story_rendering", logger)
            return try await connection.all(
                PostgresQuery(unsafeSQL: Self.sourceColumns + " WHERE source.id = $1", binds: Self.binds(id)), logger
            ).map(Self.sourceRecord).first
        }
    }

    private static let sourceColumns = """
        SELECT source.name, source.domain, source.country, source.owner, source.kind,
            (SELECT count(*) FROM article WHERE article.source_id = source.id) AS articles
        FROM source
        """

    private static func sourceRecord(_ row: PostgresRow) throws -> SourceRecord {
        let (name, domain, country, owner, kind, articles) = try row.decode(
            (String, String?, String?, String?, String?, Int).self)
        return SourceRecord(
            name: name, domain: domain, country: country, owner: owner, kind: kind.flatMap(SourceKind.init(rawValue:)),
            articleCount: articles)
    }

    /// Bindings of one integer.
    static func binds(_ value: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }

    /// See `ArticleStore.savedSearches()`.
    public func savedSearches() async throws(StoreError) -> [SavedSearch] {
        let rows = try await rows(
            "listing saved searches", "SELECT id, name, query, created_at FROM saved_search ORDER BY lower(name), name")
        return try decoded("listing saved searches", rows, Self.savedSearch)
    }

    /// See `ArticleStore.saveSearch(name:query:at:)`.
    public func saveSearch(name: String, query: String, at date: Date) async throws(StoreError) -> SavedSearch {
        let rows = try await rows(
            "saving the search \(name)",
            """
            INSERT INTO saved_search (name, query, created_at) VALUES (\(name), \(query), \(date))
            ON CONFLICT (name) DO UPDATE SET query = excluded.query
            RETURNING id, name, query, created_at
            """)
        guard let saved = try decoded("saving the search \(name)", rows, Self.savedSearch).first else {
            throw StoreError.failed("\(location)", operation: "saving the search \(name)", reason: "it vanished")
        }
        return saved
    }

    /// See `ArticleStore.removeSavedSearch(_:)`.
    public func removeSavedSearch(_ id: Int64) async throws(StoreError) -> SavedSearch? {
        let rows = try await rows(
            "removing saved search \(id)",
            "DELETE FROM saved_search WHERE id = \(id) RETURNING id, name, query, created_at")
        return try decoded("removing saved search \(id)", rows, Self.savedSearch).first
    }

    /// See `ArticleStore.addToken(name:hash:at:)`.
    public func addToken(name: String, hash: String, at date: Date) async throws(StoreError) -> APITokenRecord {
        let rows = try await rows(
            "adding a token",
            "INSERT INTO api_token (name, hash, created_at) VALUES (\(name), \(hash), \(date)) RETURNING id")
        let id = try decoded("adding a token", rows) { try $0.decode(Int64.self) }.first ?? 0
        return APITokenRecord(id: id, name: name, hash: hash, created: date)
    }

    /// See `ArticleStore.tokens()`.
    public func tokens() async throws(StoreError) -> [APITokenRecord] {
        let rows = try await rows("listing tokens", "SELECT id, name, hash, created_at FROM api_token ORDER BY id")
        return try decoded("listing tokens", rows, Self.token)
    }

    /// See `ArticleStore.removeToken(_:)`.
    public func removeToken(_ id: Int64) async throws(StoreError) -> APITokenRecord? {
        let rows = try await rows(
            "revoking token \(id)", "DELETE FROM api_token WHERE id = \(id) RETURNING id, name, hash, created_at")
        return try decoded("revoking token \(id)", rows, Self.token).first
    }

    /// See `ArticleStore.cachedRendering(story:kind:fingerprint:)`.
    public func cachedRendering(story: ArticleID, kind: String, fingerprint: String) async throws(StoreError) -> Data? {
        let rows = try await rows(
            "reading a kept rendering",
            """
            SELECT body FROM story_rendering
            WHERE story_id = \(story.rawValue) AND kind = \(kind) AND fingerprint = \(fingerprint)
            """)
        return try decoded("reading a kept rendering", rows) { try $0.decode(Data.self) }.first
    }

    /// See `ArticleStore.saveRendering(_:)`.
    public func saveRendering(_ rendering: CachedRendering) async throws(StoreError) {
        _ = try await rows(
            "keeping a story's rendering",
            """
            INSERT INTO story_rendering (story_id, kind, fingerprint, body)
            VALUES (\(rendering.story.rawValue), \(rendering.kind), \(rendering.fingerprint), \(rendering.body.buffer))
            ON CONFLICT (story_id, kind) DO UPDATE SET fingerprint = excluded.fingerprint, body = excluded.body
            """)
    }

    private static func savedSearch(_ row: PostgresRow) throws -> SavedSearch {
        let (id, name, query, created) = try row.decode((Int64, String, String, Date).self)
        return SavedSearch(id: id, name: name, query: query, created: created)
    }

    private static func token(_ row: PostgresRow) throws -> APITokenRecord {
        let (id, name, hash, created) = try row.decode((Int64, String, String, Date).self)
        return APITokenRecord(id: id, name: name, hash: hash, created: created)
    }
}
