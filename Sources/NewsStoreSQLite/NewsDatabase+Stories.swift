public import Foundation
internal import GRDB
public import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.clusteringState()`.
    public func clusteringState() async throws(StoreError) -> ClusteringState? {
        try await read("reading the clustering state") { db in
            try Row.fetchOne(db, sql: "SELECT algorithm, clusterer, duplicates FROM cluster_state WHERE id = 1").map {
                ClusteringState(algorithm: $0["algorithm"], clusterer: $0["clusterer"], duplicates: $0["duplicates"])
            }
        }
    }

    /// See `ArticleStore.saveClustering(_:)`.
    public func saveClustering(_ update: ClusteringUpdate) async throws(StoreError) {
        do {
            try await writer.write { db in
                let newStory = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story (id) VALUES (?)")
                let assign = try db.cachedStatement(
                    sql: """
                        INSERT INTO story_article (article_id, story_id, origin_id, relation, score, reason)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,
                            origin_id = excluded.origin_id, relation = excluded.relation, score = excluded.score,
                            reason = excluded.reason
                        """)
                // An article that names its story started it, or was split into it: that story is open and merged
                // into nothing, even if a story of that id was merged away before (else a later merge makes a cycle).
                let startStory = try db.cachedStatement(
                    sql: """
                        INSERT INTO story (id) VALUES (?)
                        ON CONFLICT (id) DO UPDATE SET merged_into = NULL, closed = 0
                        """)
                for assignment in update.assignments {
                    try (assignment.article == assignment.story ? startStory : newStory).execute(arguments: [
                        assignment.story.rawValue
                    ])
                    try assign.execute(arguments: [
                        assignment.article.rawValue, assignment.story.rawValue, assignment.origin.rawValue,
                        assignment.relation, assignment.score, assignment.reason,
                    ])
                }
                for merge in update.merges {
                    try newStory.execute(arguments: [merge.into.rawValue])
                    try newStory.execute(arguments: [merge.from.rawValue])
                    try db.execute(
                        sql: "UPDATE story_article SET story_id = ? WHERE story_id = ?",
                        arguments: [merge.into.rawValue, merge.from.rawValue])
                    try db.execute(
                        sql: "UPDATE story SET merged_into = ?, closed = 1 WHERE id = ?",
                        arguments: [merge.into.rawValue, merge.from.rawValue])
                }
                for story in update.closed {
                    try db.execute(sql: "UPDATE story SET closed = 1 WHERE id = ?", arguments: [story.rawValue])
                }
                for (story, pinned) in update.pins.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try newStory.execute(arguments: [story.rawValue])
                    try db.execute(
                        sql: "UPDATE story SET pinned = ?, closed = CASE WHEN ? THEN 0 ELSE closed END WHERE id = ?",
                        arguments: [pinned, pinned, story.rawValue])
                }
                try db.execute(
                    sql: """
                        INSERT INTO cluster_state (id, algorithm, clusterer, duplicates) VALUES (1, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET algorithm = excluded.algorithm,
                            clusterer = excluded.clusterer, duplicates = excluded.duplicates
                        """,
                    arguments: [update.state.algorithm, update.state.clusterer, update.state.duplicates])
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "saving stories")
        }
    }

    /// See `ArticleStore.stories(limit:offset:)`.
    public func stories(limit: Int, offset: Int) async throws(StoreError) -> [StorySummary] {
        try await stories(order: .newest, since: nil, limit: limit, offset: offset)
    }

    /// See `ArticleStore.stories(order:since:limit:offset:)`.
    public func stories(
        order: StoryOrder, since: Date?, limit: Int, offset: Int
    ) async throws(StoreError) -> [StorySummary] {
        let having = since == nil ? "" : "HAVING last_seen >= ?"
        let ordering =
            switch order {
            case .newest: "last_seen DESC, story.id DESC"
            case .coverage: "origins DESC, articles DESC, last_seen DESC, story.id DESC"
            }
        var arguments: StatementArguments = []
        if let since { arguments += [StoredDate.text(since)] }
        arguments += [max(0, limit), max(0, offset)]
        let sql =
            Self.storySummaryColumns
            + " WHERE story.merged_into IS NULL GROUP BY story.id \(having) ORDER BY \(ordering) LIMIT ? OFFSET ?"
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
                db, sql: Self.storySummaryColumns + " WHERE story.id = ? GROUP BY story.id", arguments: [story]
            ).map(Self.storySummary)
        }
    }

    private static let storySummaryColumns = """
        SELECT story.id, first.title, story.closed, story.pinned,
            count(*) AS articles, count(DISTINCT story_article.origin_id) AS origins,
            count(DISTINCT member.source_id) AS sources,
            min(coalesce(member.published_at, member.ingested_at)) AS first_seen,
            max(coalesce(member.published_at, member.ingested_at)) AS last_seen
        FROM story
        JOIN article AS first ON first.id = story.id
        JOIN story_article ON story_article.story_id = story.id
        JOIN article AS member ON member.id = story_article.article_id
        """

    private static func storySummary(_ row: Row) -> StorySummary {
        StorySummary(
            id: ArticleID(row["id"] as Int64), title: row["title"], articleCount: row["articles"],
            originCount: row["origins"], sourceCount: row["sources"], firstSeen: row["first_seen"],
            lastSeen: row["last_seen"], isClosed: row["closed"], isPinned: row["pinned"])
    }

    /// See `ArticleStore.assignment(of:)`.
    public func assignment(of article: ArticleID) async throws(StoreError) -> StoryAssignment? {
        try await read("reading a story assignment") { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT story_id, origin_id, relation, score, reason FROM story_article WHERE article_id = ?
                    """,
                arguments: [article.rawValue]
            ).map { row in
                StoryAssignment(
                    article: article, story: ArticleID(row["story_id"] as Int64),
                    origin: ArticleID(row["origin_id"] as Int64), relation: row["relation"], score: row["score"],
                    reason: row["reason"])
            }
        }
    }

    /// See `ArticleStore.unclusteredArticles(limit:)`.
    public func unclusteredArticles(limit: Int) async throws(StoreError) -> [ArticleID] {
        try await read("finding articles to cluster") { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT article.id FROM article
                    LEFT JOIN story_article ON story_article.article_id = article.id
                    WHERE story_article.article_id IS NULL
                    ORDER BY coalesce(article.published_at, article.ingested_at), article.id LIMIT ?
                    """,
                arguments: [max(0, limit)]
            ).map { ArticleID($0) }
        }
    }
}
