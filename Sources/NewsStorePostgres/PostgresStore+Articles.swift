internal import Foundation
internal import NIOCore
public import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore: ArticleStore {
    /// Stores a batch in one transaction with a few set-wise statements (not one round trip per article); see
    /// `ArticleStore.add(_:)`.
    public func add(_ batch: [IncomingArticle]) async throws(StoreError) -> [AddResult] {
        guard !batch.isEmpty else { return [] }
        let configurations = searchConfigurations
        return try await transaction("adding articles", writing: true) { [logger] connection in
            let sourceIDs = try await Self.sourceIDs(Set(batch.compactMap(\.draft.source)), connection, logger)
            let hashes = batch.map { Data($0.draft.contentHash.digest) }
            var known: [Data: Int64] = [:]
            for row in try await connection.all(
                "SELECT id, content_hash FROM article WHERE content_hash = ANY(\(hashes.map(\.buffer)))", logger)
            {
                let (id, hash) = try row.decode((Int64, Data).self)
                known[hash] = id
            }
            // The first of each new text is inserted; later copies in the batch are its duplicates.
            var fresh: [Int] = []
            var seen: Set<Data> = []
            for (index, hash) in hashes.enumerated() where known[hash] == nil && seen.insert(hash).inserted {
                fresh.append(index)
            }
            if !fresh.isEmpty {
                let items = fresh.map { batch[$0] }
                let config = items.map { Self.searchConfiguration(for: $0.draft.language, among: configurations) }
                let ids = try await connection.all(
                    """
                    INSERT INTO article (content_hash, title, body, source_id, url, published_at, ingested_at,
                        language, authors, input_name, input_format, charset, search_config)
                    SELECT hash, title, body, nullif(source_id, 0), CASE WHEN has_url THEN url END,
                        CASE WHEN has_published THEN published END, ingested, nullif(language, ''), authors,
                        input_name, input_format, charset, config::regconfig
                    FROM unnest(\(fresh.map { hashes[$0].buffer }), \(items.map(\.draft.title)),
                        \(items.map(\.draft.text)), \(items.map { $0.draft.source.flatMap { sourceIDs[$0.lowercased()] } ?? 0 }),
                        \(items.map { $0.draft.url != nil }), \(items.map { $0.draft.url ?? "" }),
                        \(items.map { $0.draft.published != nil }),
                        \(items.map { $0.draft.published ?? Date(timeIntervalSince1970: 0) }),
                        \(items.map(\.ingested)), \(items.map { $0.draft.language?.rawValue ?? "" }),
                        \(items.map { PostgresArticleRow.jsonArray($0.draft.authors) }), \(items.map(\.inputName)),
                        \(items.map(\.draft.format.rawValue)), \(items.map(\.draft.charset)), \(config))
                        WITH ORDINALITY AS t(hash, title, body, source_id, has_url, url, has_published, published,
                            ingested, language, authors, input_name, input_format, charset, config, ord)
                    ORDER BY ord
                    RETURNING id, content_hash
                    """, logger)
                var inserted: [Int64] = []
                for row in ids {
                    let (id, hash) = try row.decode((Int64, Data).self)
                    known[hash] = id
                    inserted.append(id)
                }
                try await connection.all(
                    """
                    INSERT INTO article_raw (article_id, bytes)
                    SELECT * FROM unnest(\(fresh.map { known[hashes[$0]] ?? 0 }), \(items.map { ByteBuffer(bytes: $0.draft.raw) }))
                    """, logger)
                var counts: [String: Int] = [:]
                for name in config { counts[name, default: 0] += 1 }
                let names = counts.keys.sorted()
                try await connection.all(
                    """
                    INSERT INTO search_index (config, article_count)
                    SELECT * FROM unnest(\(names), \(names.map { Int64(counts[$0]!) }))
                    ON CONFLICT (config) DO UPDATE SET article_count = search_index.article_count + excluded.article_count
                    """, logger)
            }
            let freshIndex = Set(fresh)
            var results: [AddResult] = []
            for (index, hash) in hashes.enumerated() {
                let id = ArticleID(known[hash] ?? 0)
                results.append(freshIndex.contains(index) ? .added(id) : .duplicate(of: id))
            }
            return results
        }
    }

    /// The ids of outlets by lower-cased name, creating those that are new (names compare case-blind).
    static func sourceIDs(
        _ names: Set<String>, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> [String: Int64] {
        guard !names.isEmpty else { return [:] }
        let sorted = names.sorted()
        try await connection.all(
            "INSERT INTO source (name) SELECT * FROM unnest(\(sorted)) ON CONFLICT (lower(name)) DO NOTHING", logger)
        var ids: [String: Int64] = [:]
        for row in try await connection.all(
            "SELECT id, lower(name) FROM source WHERE lower(name) = ANY(\(sorted.map { $0.lowercased() }))", logger)
        {
            let (id, name) = try row.decode((Int64, String).self)
            ids[name] = id
        }
        // NB: PostgreSQL's lower() folds more than ASCII; key by Swift's too, so both spellings find the outlet.
        for name in sorted where ids[name.lowercased()] == nil {
            if let match = ids.first(where: { $0.key.lowercased() == name.lowercased() }) {
                ids[name.lowercased()] = match.value
            }
        }
        return ids
    }

    /// The text-search configuration for a language: its Snowball stemmer's when the server has one.
    static func searchConfiguration(for language: LanguageCode?, among configurations: Set<String>) -> String {
        guard let algorithm = language?.snowballAlgorithm, configurations.contains(algorithm) else { return "simple" }
        return algorithm
    }

    /// See `ArticleStore.articles(_:)`.
    public func articles(_ query: ArticleQuery) async throws(StoreError) -> [Article] {
        let limit = max(query.limit, 0)
        let offset = max(query.offset, 0)
        let rows: [PostgresRow]
        if let source = query.source {
            rows = try await self.rows(
                "listing articles",
                """
                SELECT \(unescaped: PostgresArticleRow.columns) FROM \(unescaped: PostgresArticleRow.from)
                WHERE lower(s.name) = lower(\(source)) ORDER BY a.id DESC LIMIT \(limit) OFFSET \(offset)
                """)
        } else {
            rows = try await self.rows(
                "listing articles",
                """
                SELECT \(unescaped: PostgresArticleRow.columns) FROM \(unescaped: PostgresArticleRow.from)
                ORDER BY a.id DESC LIMIT \(limit) OFFSET \(offset)
                """)
        }
        return try decoded("listing articles", rows, PostgresArticleRow.article)
    }

    /// See `ArticleStore.articleCount(_:)`.
    public func articleCount(_ query: ArticleQuery) async throws(StoreError) -> Int {
        let rows: [PostgresRow]
        if let source = query.source {
            rows = try await self.rows(
                "counting articles",
                "SELECT count(*) FROM \(unescaped: PostgresArticleRow.from) WHERE lower(s.name) = lower(\(source))")
        } else {
            rows = try await self.rows("counting articles", "SELECT count(*) FROM article")
        }
        return try decoded("counting articles", rows) { try $0.decode(Int.self) }.first ?? 0
    }

    /// See `ArticleStore.article(_:)`.
    public func article(_ id: ArticleID) async throws(StoreError) -> Article? {
        let rows = try await rows(
            "reading an article",
            """
            SELECT \(unescaped: PostgresArticleRow.columns) FROM \(unescaped: PostgresArticleRow.from)
            WHERE a.id = \(id.rawValue)
            """)
        return try decoded("reading an article", rows, PostgresArticleRow.article).first
    }

    /// See `ArticleStore.rawInput(of:)`.
    public func rawInput(of id: ArticleID) async throws(StoreError) -> [UInt8]? {
        let rows = try await rows(
            "reading an article's input", "SELECT bytes FROM article_raw WHERE article_id = \(id.rawValue)")
        return try decoded("reading an article's input", rows) { Array(try $0.decode(Data.self)) }.first
    }

    /// See `ArticleStore.info()`.
    public func info() async throws(StoreError) -> StoreInfo {
        let location = location
        return try await transaction("describing the database") { [logger] connection in
            func count(_ query: PostgresQuery) async throws -> Int {
                try await connection.all(query, logger).first?.decode(Int.self) ?? 0
            }
            var languages: [String: Int] = [:]
            for row in try await connection.all("SELECT config, article_count FROM search_index", logger) {
                let (config, articles) = try row.decode((String, Int).self)
                languages[config == "simple" ? "none" : config] = articles
            }
            var info = StoreInfo(
                location: "\(location)", engine: "postgresql",
                schemaVersion: try await count("SELECT coalesce(max(version), 0) FROM schema_migration"),
                articleCount: try await count("SELECT count(*) FROM article"),
                sourceCount: try await count("SELECT count(*) FROM source"),
                indexedLanguages: languages)
            info.rejectionCount = try await count("SELECT count(*) FROM rejected_input")
            for row in try await connection.all(
                "SELECT algorithm, count(*) FROM article_analysis GROUP BY algorithm", logger)
            {
                let (algorithm, articles) = try row.decode((String, Int).self)
                info.analysesByAlgorithm[algorithm] = articles
            }
            return info
        }
    }
}
