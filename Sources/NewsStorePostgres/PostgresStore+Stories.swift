public import Foundation
internal import Logging
public import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.stories(order:since:after:limit:offset:)`: the summary the clustering keeps on each
    /// story row, in the order of an index, so a page costs the same however many stories there are.
    public func stories(
        order: StoryOrder, since: Date?, after: ArticleID?, limit: Int, offset: Int
    ) async throws(StoreError) -> [StorySummary] {
        let keys =
            switch order {
            case .newest: ["story.last_seen", "story.id"]
            case .coverage: ["story.origin_count", "story.article_count", "story.last_seen", "story.id"]
            }
        var binds = PostgresBindings()
        var filter = "story.merged_into IS NULL AND story.article_count > 0"
        if let since {
            binds.append(since)
            filter += " AND story.last_seen >= $\(binds.count)"
        }
        var skip = max(0, offset)
        if let after {
            // NB: a row-value comparison with the page's last story: the index seeks to it, however deep.
            binds.append(after.rawValue)
            let own = keys.map { $0.replacingOccurrences(of: "story.", with: "cursor.") }.joined(separator: ", ")
            filter +=
                " AND (\(keys.joined(separator: ", "))) < (SELECT \(own) FROM story AS cursor WHERE cursor.id = $\(binds.count))"
            skip = 0
        }
        binds.append(max(0, limit))
        binds.append(skip)
        let sql =
            Self.storySummaryColumns + " WHERE \(filter) ORDER BY "
            + keys.map { $0 + " DESC" }.joined(separator: ", ") + " LIMIT $\(binds.count - 1) OFFSET $\(binds.count)"
        let rows = try await rows("listing stories", PostgresQuery(unsafeSQL: sql, binds: binds))
        return try decoded("listing stories", rows, Self.storySummary)
    }

    /// See `ArticleStore.story(_:)`.
    public func story(_ id: ArticleID) async throws(StoreError) -> StorySummary? {
        try await transaction("reading a story") { [logger] connection in
            guard let story = try await Self.followMerges(id.rawValue, connection, logger) else { return nil }
            return try await connection.all(
                PostgresQuery(
                    unsafeSQL: Self.storySummaryColumns + " WHERE story.id = $1 AND story.article_count > 0",
                    binds: Self.binds(story)), logger
            ).map(Self.storySummary).first
        }
    }

    /// The story a story's articles are in now (following merges, which can chain), or `nil` if it is none.
    static func followMerges(_ start: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64?
    {
        var current = start
        for _ in 0..<64 {
            guard
                let row = try await connection.all("SELECT merged_into FROM story WHERE id = \(current)", logger).first
            else { return current == start ? nil : current }
            guard let next = try row.decode(Int64?.self) else { break }
            current = next
        }
        return current
    }

    private static let storySummaryColumns = """
        SELECT story.id, first.title, story.closed, story.pinned, story.article_count, story.origin_count,
            story.source_count, story.first_seen, story.last_seen
        FROM story JOIN article AS first ON first.id = story.id
        """

    private static func storySummary(_ row: PostgresRow) throws -> StorySummary {
        let (id, title, closed, pinned, articles, origins, sources, first, last) = try row.decode(
            (Int64, String, Bool, Bool, Int, Int, Int, Date?, Date?).self)
        return StorySummary(
            id: ArticleID(id), title: title, articleCount: articles, originCount: origins, sourceCount: sources,
            firstSeen: first, lastSeen: last, isClosed: closed, isPinned: pinned)
    }

    /// See `ArticleStore.assignment(of:)`.
    public func assignment(of article: ArticleID) async throws(StoreError) -> StoryAssignment? {
        let rows = try await rows(
            "reading a story assignment",
            "SELECT story_id, origin_id, relation, score, reason FROM story_article WHERE article_id = \(article.rawValue)"
        )
        return try decoded("reading a story assignment", rows) { try Self.assignment(article, $0) }.first
    }

    static func assignment(_ article: ArticleID, _ row: PostgresRow) throws -> StoryAssignment {
        let (story, origin, relation, score, reason) = try row.decode((Int64, Int64, String, Double, String).self)
        return StoryAssignment(
            article: article, story: ArticleID(story), origin: ArticleID(origin), relation: relation, score: score,
            reason: reason)
    }

    /// See `ArticleStore.unclusteredArticles(limit:)`.
    public func unclusteredArticles(limit: Int) async throws(StoreError) -> [ArticleID] {
        let rows = try await rows("finding articles to cluster", Self.unclusteredQuery(limit: limit))
        return try decoded("finding articles to cluster", rows) { ArticleID(try $0.decode(Int64.self)) }
    }

    /// Up to `limit` articles in no story, oldest first (publication, else ingestion, then id).
    ///
    /// NB: only articles past the watermark can be waiting (an article, once assigned, stays assigned), so the
    /// cost follows the articles waiting, not the archive.
    static func unclusteredQuery(limit: Int) -> PostgresQuery {
        """
        SELECT article.id FROM article
        WHERE article.id > coalesce((SELECT clustered_through FROM cluster_meta WHERE id = 1), 0)
            AND \(unescaped: inNoStory)
        ORDER BY coalesce(article.published_at, article.ingested_at), article.id LIMIT \(max(0, limit))
        """
    }

    /// The condition that an `article` row is in no story.
    static let inNoStory = "NOT EXISTS (SELECT 1 FROM story_article WHERE story_article.article_id = article.id)"

    /// See `ArticleStore.storyArticles(_:)`.
    public func storyArticles(
        _ story: ArticleID
    ) async throws(StoreError) -> (story: ArticleID, articles: [StoryAssignment])? {
        try await transaction("reading a story") { [logger] connection in
            guard let current = try await Self.followMerges(story.rawValue, connection, logger) else { return nil }
            let assignments = try await connection.all(
                """
                SELECT article_id, story_id, origin_id, relation, score, reason FROM story_article
                WHERE story_id = \(current) ORDER BY article_id
                """, logger
            ).map { row in
                let (article, story, origin, relation, score, reason) = try row.decode(
                    (Int64, Int64, Int64, String, Double, String).self)
                return StoryAssignment(
                    article: ArticleID(article), story: ArticleID(story), origin: ArticleID(origin),
                    relation: relation, score: score, reason: reason)
            }
            return (ArticleID(current), assignments)
        }
    }
}
