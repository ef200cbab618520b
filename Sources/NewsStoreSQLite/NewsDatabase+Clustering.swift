internal import Foundation
internal import GRDB
internal import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.withClusteringSession(_:)`.
    ///
    /// NB: GRDB begins write transactions IMMEDIATE, so this takes SQLite's write lock before reading: a second
    /// process clustering (or adding) waits on the busy handler instead of deciding on what the first changes.
    public func withClusteringSession<T: Sendable>(
        _ body: @Sendable (any ClusteringSession) throws -> T
    ) async throws(StoreError) -> T {
        let location = location
        do {
            return try await writer.write { db in
                try body(SQLiteClusteringSession(db: db, location: location))
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "clustering stories")
        }
    }

    /// Recomputes the summary the river reads (counts, first and last seen) of these stories, or of all, and
    /// mends the outlet their memberships carry (`mendingOutlets: false` before schema 11 added it).
    static func refreshSummaries(of stories: [Int64]?, mendingOutlets: Bool = true, _ db: Database) throws {
        let stories = try stories ?? Int64.fetchAll(db, sql: "SELECT id FROM story")
        // NB: per story, one pass over its articles gives all five figures (five subqueries made five).
        let aggregate = try db.cachedStatement(
            sql: """
                SELECT count(*), count(DISTINCT story_article.origin_id), count(DISTINCT member.source_id),
                    min(coalesce(member.published_at, member.ingested_at)),
                    max(coalesce(member.published_at, member.ingested_at))
                FROM story_article JOIN article AS member ON member.id = story_article.article_id
                WHERE story_article.story_id = ?
                """)
        let update = try db.cachedStatement(
            sql: """
                UPDATE story SET article_count = ?, origin_count = ?, source_count = ?, first_seen = ?, last_seen = ?
                WHERE id = ?
                """)
        // NB: the outlet each membership carries is set right too, so a recount mends what the increments read.
        let outlets =
            try !mendingOutlets
            ? nil
            : db.cachedStatement(
                sql: """
                    UPDATE story_article SET source_id = member.source_id FROM article AS member
                    WHERE member.id = story_article.article_id AND story_article.story_id = ?
                        AND story_article.source_id IS NOT member.source_id
                    """)
        for story in Set(stories).sorted() {
            try outlets?.execute(arguments: [story])
            guard let row = try Row.fetchOne(aggregate, arguments: [story]) else { continue }
            try update.execute(arguments: [
                row[0] as Int64, row[1] as Int64, row[2] as Int64, row[3] as String?, row[4] as String?, story,
            ])
        }
    }
}

/// `ClusteringSession` over one SQLite write transaction.
final class SQLiteClusteringSession: ClusteringSession {
    let db: Database
    let location: String

    init(db: Database, location: String) {
        self.db = db
        self.location = location
    }

    /// Runs a statement and maps its errors.
    private func run<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: operation)
        }
    }

    func meta() throws(StoreError) -> ClusteringMeta? {
        try run("reading the clustering state") {
            try Row.fetchOne(
                db,
                sql: "SELECT algorithm, options, counters, duplicate_count, generation FROM cluster_meta WHERE id = 1"
            ).map {
                ClusteringMeta(
                    algorithm: $0["algorithm"], options: $0["options"], counters: $0["counters"],
                    duplicateCount: $0["duplicate_count"], generation: $0["generation"])
            }
        }
    }

    func legacyState() throws(StoreError) -> ClusteringState? {
        try run("reading the schema-7 clustering state") {
            try Row.fetchOne(db, sql: "SELECT algorithm, clusterer, duplicates FROM cluster_state WHERE id = 1").map {
                ClusteringState(algorithm: $0["algorithm"], clusterer: $0["clusterer"], duplicates: $0["duplicates"])
            }
        }
    }

    func unclusteredArticles(limit: Int) throws(StoreError) -> [ArticleID] {
        try run("finding articles to cluster") { try NewsDatabase.unclusteredArticles(limit: limit, db) }
    }

    func clusteringInputs(_ ids: [ArticleID]) throws(StoreError) -> [ClusteringInput] {
        try run("reading articles to cluster") {
            let statement = try db.cachedStatement(
                sql: "SELECT title, body, published_at, ingested_at FROM article WHERE id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id.rawValue]).map {
                    ClusteringInput(
                        id: id, title: $0["title"], text: $0["body"], published: $0["published_at"],
                        ingested: $0["ingested_at"])
                }
            }
        }
    }

    func assignment(of article: ArticleID) throws(StoreError) -> StoryAssignment? {
        try run("reading a story assignment") { try NewsDatabase.assignment(of: article, db) }
    }

    func terms(named words: [String]) throws(StoreError) -> [TermRecord] {
        try run("reading clustering terms") {
            let statement = try db.cachedStatement(sql: "SELECT id, frequency FROM cluster_term WHERE word = ?")
            return try words.compactMap { word in
                try Row.fetchOne(statement, arguments: [word]).map {
                    TermRecord(id: $0["id"], word: word, frequency: $0["frequency"])
                }
            }
        }
    }

    func terms(withIDs ids: [Int32]) throws(StoreError) -> [TermRecord] {
        try run("reading clustering terms") {
            let statement = try db.cachedStatement(sql: "SELECT word, frequency FROM cluster_term WHERE id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id]).map {
                    TermRecord(id: id, word: $0["word"], frequency: $0["frequency"])
                }
            }
        }
    }

    func postings(of term: Int32) throws(StoreError) -> [Int64] {
        try run("reading story postings") {
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT story_seq FROM cluster_posting WHERE term_id = ? ORDER BY position"),
                arguments: [term])
        }
    }

    private static let stateColumns =
        "seq, id, size, cluster_first, cluster_last, closed, merged_into, pinned, profile"

    func storyState(seq: Int64) throws(StoreError) -> StoryStateRecord? {
        try run("reading a story's state") {
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.stateColumns) FROM story WHERE seq = ?"), arguments: [seq]
            ).map(Self.stateRecord)
        }
    }

    private static func stateRecord(_ row: Row) -> StoryStateRecord {
        StoryStateRecord(
            seq: row["seq"], story: ArticleID(row["id"] as Int64), size: row["size"],
            firstSeen: (row["cluster_first"] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
            lastSeen: (row["cluster_last"] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
            isClosed: row["closed"], mergedInto: (row["merged_into"] as Int64?).map { ArticleID($0) },
            isPinned: row["pinned"], profile: row["profile"] ?? Data())
    }

    func storySeq(of story: ArticleID) throws(StoreError) -> Int64? {
        try run("reading a story's state") {
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT seq FROM story WHERE id = ?"), arguments: [story.rawValue])
        }
    }

    func storySeq(holding article: ArticleID) throws(StoreError) -> Int64? {
        try run("reading a story's state") {
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT story.seq FROM story_article JOIN story ON story.id = story_article.story_id
                        WHERE story_article.article_id = ?
                        """),
                arguments: [article.rawValue])
        }
    }

    func quietStories(lastSeenBefore date: Date) throws(StoreError) -> [Int64] {
        try run("finding quiet stories") {
            // NB: sorted here, not by SQL: with ORDER BY seq the planner walks every story in seq order (the
            // story_seq index) instead of the few quiet ones the story_quiet index holds, once an hour of news.
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: "SELECT seq FROM story WHERE closed = 0 AND pinned = 0 AND cluster_last <= ? AND seq NOT NULL"),
                arguments: [date.timeIntervalSinceReferenceDate]
            ).sorted()
        }
    }

    func keptApart(_ pair: String) throws(StoreError) -> Bool {
        try run("reading stories kept apart") {
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM cluster_kept_apart WHERE pair = ?"), arguments: [pair]) ?? false
        }
    }

    func duplicatePositions(inBucket key: Int64, in range: Range<Int32>, limit: Int) throws(StoreError) -> [Int32] {
        guard !range.isEmpty, limit > 0 else { return [] }
        return try run("reading near-duplicate buckets") {
            // NB: (epoch, key) leads the key, so each epoch of the range is one equality seek. One statement seeks
            // five epochs (the whole default horizon; a statement per epoch cost a quarter of a batch at 240k
            // articles); a wider range takes groups of five, newest first, every group's positions above the next.
            let statement = try db.cachedStatement(
                sql: """
                    SELECT position FROM duplicate_bucket
                    WHERE epoch IN (?, ?, ?, ?, ?) AND key = ? AND position >= ? AND position < ?
                    ORDER BY position DESC LIMIT ?
                    """)
            let first = ClusteringWriter.epoch(of: range.lowerBound)
            var upper = ClusteringWriter.epoch(of: range.upperBound - 1)
            var found: [Int32] = []
            while upper >= first, found.count < limit {
                let lower = max(first, upper - 4)
                let epochs = Array(lower...upper) + Array(repeating: lower, count: 4 - Int(upper - lower))
                found += try Int32.fetchAll(
                    statement,
                    arguments: StatementArguments(
                        epochs.map(Int64.init) + [
                            key, Int64(range.lowerBound), Int64(range.upperBound), Int64(limit - found.count),
                        ]))
                upper = lower - 1
            }
            return found
        }
    }

    func duplicateBucketKeys(in range: Range<Int32>) throws(StoreError) -> [Int64]? {
        guard !range.isEmpty else { return [] }
        return try run("listing near-duplicate buckets") {
            // NB: (epoch, key) leads the index, so an epoch's keys are one range read in order, distinct for free.
            let statement = try db.cachedStatement(
                sql: "SELECT DISTINCT key FROM duplicate_bucket WHERE epoch = ? AND position >= ? AND position < ?")
            let epochs = ClusteringWriter.epoch(of: range.lowerBound)...ClusteringWriter.epoch(of: range.upperBound - 1)
            var keys: [Int64] = []
            for epoch in epochs {
                keys += try Int64.fetchAll(
                    statement, arguments: [epoch, Int64(range.lowerBound), Int64(range.upperBound)])
            }
            return keys
        }
    }

    func duplicateEntries(at positions: [Int32]) throws(StoreError) -> [DuplicateRecord] {
        try run("reading near-duplicate entries") {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT position, article_id, origin_position, origin_id, signature, credits
                    FROM duplicate_entry WHERE position = ?
                    """)
            return try positions.compactMap { position in
                try Row.fetchOne(statement, arguments: [position]).map { row in
                    let credits = (row["credits"] as String?).flatMap {
                        try? JSONDecoder().decode([String].self, from: Data($0.utf8))
                    }
                    return DuplicateRecord(
                        position: row["position"], article: ArticleID(row["article_id"] as Int64),
                        origin: row["origin_position"], originArticle: ArticleID(row["origin_id"] as Int64),
                        signature: row["signature"], credits: credits ?? [], bucketKeys: [])
                }
            }
        }
    }

    func write(_ changes: ClusteringWrite) throws(StoreError) {
        try run("saving stories") { try ClusteringWriter(db: db).write(changes) }
    }
}
