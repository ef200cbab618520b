public import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.stories(order:since:after:limit:offset:)`.
    ///
    /// NB: reads the summary the clustering keeps on each story row, in the order of an index, so a page costs
    /// the same at a thousand stories and at a million.
    public func stories(
        order: StoryOrder, since: Date?, after: ArticleID?, limit: Int, offset: Int
    ) async throws(StoreError) -> [StorySummary] {
        let keys =
            switch order {
            case .newest: ["story.last_seen", "story.id"]
            case .coverage: ["story.origin_count", "story.article_count", "story.last_seen", "story.id"]
            }
        let ordering = keys.map { $0 + " DESC" }.joined(separator: ", ")
        var arguments: StatementArguments = []
        var filter = "story.merged_into IS NULL AND story.article_count > 0"
        if let since {
            filter += " AND story.last_seen >= ?"
            arguments += [StoredDate.text(since)]
        }
        var skip = max(0, offset)
        if let after {
            // NB: a row-value comparison with the page's last story: the index seeks to it, however deep.
            let own = keys.map { $0.replacingOccurrences(of: "story.", with: "cursor.") }.joined(separator: ", ")
            filter +=
                " AND (\(keys.joined(separator: ", "))) < (SELECT \(own) FROM story AS cursor WHERE cursor.id = ?)"
            arguments += [after.rawValue]
            skip = 0
        }
        arguments += [max(0, limit), skip]
        let sql = Self.storySummaryColumns + " WHERE \(filter) ORDER BY \(ordering) LIMIT ? OFFSET ?"
        return try await read("listing stories") { [arguments] db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.storySummary)
        }
    }

    /// See `ArticleStore.story(_:)`.
    public func story(_ id: ArticleID) async throws(StoreError) -> StorySummary? {
        try await read("reading a story") { db in
            var story = id.rawValue
            // NB: merges can chain (a merged story's target merged later), so follow them to the end.
            for _ in 0..<64 {
                guard
                    let target = try Int64.fetchOne(
                        db, sql: "SELECT merged_into FROM story WHERE id = ?", arguments: [story])
                else { break }
                story = target
            }
            return try Row.fetchOne(
                db, sql: Self.storySummaryColumns + " WHERE story.id = ? AND story.article_count > 0",
                arguments: [story]
            ).map(Self.storySummary)
        }
    }

    private static let storySummaryColumns = """
        SELECT story.id, first.title, story.closed, story.pinned, story.article_count AS articles,
            story.origin_count AS origins, story.source_count AS sources, story.first_seen, story.last_seen
        FROM story JOIN article AS first ON first.id = story.id
        """

    private static func storySummary(_ row: Row) -> StorySummary {
        StorySummary(
            id: ArticleID(row["id"] as Int64), title: row["title"], articleCount: row["articles"],
            originCount: row["origins"], sourceCount: row["sources"], firstSeen: row["first_seen"],
            lastSeen: row["last_seen"], isClosed: row["closed"], isPinned: row["pinned"])
    }

    /// See `ArticleStore.assignment(of:)`.
    public func assignment(of article: ArticleID) async throws(StoreError) -> StoryAssignment? {
        try await read("reading a story assignment") { db in try Self.assignment(of: article, db) }
    }

    /// See `ArticleStore.unclusteredArticles(limit:)`.
    public func unclusteredArticles(limit: Int) async throws(StoreError) -> [ArticleID] {
        try await read("finding articles to cluster") { db in try Self.unclusteredArticles(limit: limit, db) }
    }

    /// Where an article was put: for the store's readers and for a clustering session alike.
    static func assignment(of article: ArticleID, _ db: Database) throws -> StoryAssignment? {
        try Row.fetchOne(
            db, sql: "SELECT story_id, origin_id, relation, score, reason FROM story_article WHERE article_id = ?",
            arguments: [article.rawValue]
        ).map { row in
            StoryAssignment(
                article: article, story: ArticleID(row["story_id"] as Int64),
                origin: ArticleID(row["origin_id"] as Int64), relation: row["relation"], score: row["score"],
                reason: row["reason"])
        }
    }

    /// Up to `limit` articles in no story, oldest first: for the store's readers and a clustering session.
    ///
    /// NB: only articles past the watermark can be waiting (an article, once assigned, stays assigned), so the
    /// cost follows the articles waiting, not the archive: the anti-join over every article it replaced took a
    /// second per batch at 100k articles.
    static func unclusteredArticles(limit: Int, _ db: Database) throws -> [ArticleID] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT article.id FROM article
                WHERE article.id > ?
                    AND \(inNoStory)
                ORDER BY coalesce(article.published_at, article.ingested_at), article.id LIMIT ?
                """,
            arguments: [try clusteredThrough(db), max(0, limit)]
        ).map { ArticleID($0) }
    }

    /// The condition that an `article` row is in no story, for every query that looks for the ones waiting.
    static let inNoStory = "NOT EXISTS (SELECT 1 FROM story_article WHERE story_article.article_id = article.id)"

    /// The watermark: every article with an id up to it is in a story.
    static func clusteredThrough(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT clustered_through FROM cluster_meta WHERE id = 1") ?? 0
    }

    /// Moves the watermark up to just before the oldest article still waiting (or to the newest article).
    ///
    /// NB: sound because ids grow with each insert and the caller holds the write lock: no article with a
    /// smaller id can appear after this runs.
    static func advanceClusteredThrough(_ db: Database) throws {
        let waiting = try Int64.fetchOne(
            db,
            sql: """
                SELECT article.id FROM article
                WHERE article.id > ?
                    AND \(inNoStory)
                ORDER BY article.id LIMIT 1
                """,
            arguments: [try clusteredThrough(db)])
        let through = try waiting.map { $0 - 1 } ?? Int64.fetchOne(db, sql: "SELECT max(id) FROM article") ?? 0
        try db.execute(sql: "UPDATE cluster_meta SET clustered_through = ? WHERE id = 1", arguments: [through])
    }
}
