internal import Foundation
internal import GRDB
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.checkStories(repair:)`.
    ///
    /// NB: reads every story and assignment once (seconds at a million articles): an operator's command, never
    /// run on a request. A repair runs in the write transaction the clustering uses, so it waits for a
    /// clustering batch to finish and the next one sees the repaired state.
    public func checkStories(repair: Bool) async throws(StoreError) -> StoryCheck {
        let location = location
        do {
            if repair {
                return try await writer.write { db in
                    var check = try StoryChecker(db: db).check()
                    guard !check.isConsistent else { return check }
                    try StoryChecker(db: db).repair(check)
                    check.repaired = true
                    // Repairing one thing can show another (a broken circle's articles now counted): look again.
                    let after = try StoryChecker(db: db).check()
                    check.liveStories = after.liveStories
                    check.articlesInLiveStories = after.articlesInLiveStories
                    check.waitingArticles = after.waitingArticles
                    if !after.isConsistent {
                        throw StoreError.failed(
                            "the stories", operation: "repairing them",
                            reason: "still inconsistent after the repair: "
                                + after.findings.map { "\($0.count) \($0.problem.rawValue)" }.joined(separator: ", "))
                    }
                    return check
                }
            }
            return try await writer.read { db in try StoryChecker(db: db).check() }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "checking the stories")
        }
    }
}

extension NewsDatabase {
    /// See `ArticleStore.checkIntegrity()`.
    ///
    /// NB: FTS5's `integrity-check` with rank 0 checks each index's own structure only: the tables are
    /// external-content over every article, and each holds the articles of one language.
    public func checkIntegrity() async throws(StoreError) -> IntegrityCheck {
        let location = location
        let isReadOnly = isReadOnly
        do {
            return try await writer.write { db in
                var check = IntegrityCheck()
                check.engine = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                check.brokenReferences = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
                if isReadOnly {
                    check.skipped.append(
                        "full-text indexes: FTS5 checks itself through a write, and the file is read-only")
                    return check
                }
                for table in try String.fetchAll(db, sql: "SELECT table_name FROM fts_index ORDER BY table_name") {
                    do {
                        try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('integrity-check', 0)")
                    } catch {
                        check.fullText.append("\(table): \(error)")
                    }
                }
                return check
            }
        } catch {
            throw StoreErrorMapping.map(error, location: location, operation: "checking the database")
        }
    }
}

/// The checks and repairs of `checkStories`, over one connection.
struct StoryChecker {
    let db: Database

    private func merges() throws -> StoryMerges {
        var target: [Int64: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, merged_into FROM story WHERE merged_into IS NOT NULL") {
            target[row["id"]] = row["merged_into"]
        }
        let exists = try db.cachedStatement(sql: "SELECT 1 FROM story WHERE id = ?")
        let existing = try Set(Set(target.values).filter { try Bool.fetchOne(exists, arguments: [$0]) == true })
        return StoryMerges(target: target, exists: existing)
    }

    /// What is wrong, without changing anything.
    func check() throws -> StoryCheck {
        var check = StoryCheck()
        check.algorithm = try String.fetchOne(db, sql: "SELECT algorithm FROM cluster_meta WHERE id = 1")
        check.articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        let merges = try merges()
        let cycleMembers = merges.cycles.flatMap { $0 }
        if !merges.cycles.isEmpty {
            check.findings.append(
                .init(problem: .mergeCycles, count: merges.cycles.count, examples: Array(cycleMembers.prefix(6))))
        }
        if !merges.dangling.isEmpty {
            check.findings.append(
                .init(
                    problem: .mergesIntoMissingStories, count: merges.dangling.count,
                    examples: Array(merges.dangling.sorted().prefix(6))))
        }
        let hidden = try Int64.fetchAll(
            db,
            sql: """
                SELECT story_article.article_id FROM story_article JOIN story ON story.id = story_article.story_id
                WHERE story.merged_into IS NOT NULL ORDER BY story_article.article_id
                """)
        if !hidden.isEmpty {
            check.findings.append(
                .init(problem: .articlesInMergedStories, count: hidden.count, examples: Array(hidden.prefix(6))))
        }
        let stale = try Int64.fetchAll(db, sql: Self.staleSummaries)
        if !stale.isEmpty {
            check.findings.append(.init(problem: .staleSummaries, count: stale.count, examples: Array(stale.prefix(6))))
        }
        let postings =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM cluster_posting LEFT JOIN story ON story.seq = cluster_posting.story_seq
                    WHERE story.id IS NULL OR story.closed = 1 OR story.merged_into IS NOT NULL
                    """) ?? 0
        if postings > 0 { check.findings.append(.init(problem: .stalePostings, count: postings, examples: [])) }
        let below = try Int64.fetchAll(
            db,
            sql: """
                SELECT article.id FROM article
                WHERE article.id <= coalesce((SELECT clustered_through FROM cluster_meta WHERE id = 1), 0)
                    AND \(NewsDatabase.inNoStory)
                ORDER BY article.id
                """)
        if !below.isEmpty {
            check.findings.append(
                .init(problem: .articlesBelowWatermark, count: below.count, examples: Array(below.prefix(6))))
        }
        check.waitingArticles =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM article
                    WHERE \(NewsDatabase.inNoStory)
                    """) ?? 0
        let live = try Row.fetchOne(
            db,
            sql: """
                SELECT count(DISTINCT story.id) AS stories, count(*) AS articles FROM story_article
                JOIN story ON story.id = story_article.story_id WHERE story.merged_into IS NULL
                """)
        check.liveStories = live?["stories"] ?? 0
        check.articlesInLiveStories = live?["articles"] ?? 0
        return check
    }

    /// Stories whose saved summary differs from the one their articles give, or whose memberships carry another
    /// outlet than their article's (the summary's increments read them).
    private static let staleSummaries = """
        SELECT story.id FROM story
        LEFT JOIN (
            SELECT story_article.story_id AS story_id, count(*) AS articles,
                count(DISTINCT story_article.origin_id) AS origins, count(DISTINCT member.source_id) AS sources,
                min(coalesce(member.published_at, member.ingested_at)) AS first_seen,
                max(coalesce(member.published_at, member.ingested_at)) AS last_seen,
                sum(story_article.source_id IS NOT member.source_id) AS wrong_outlets
            FROM story_article JOIN article AS member ON member.id = story_article.article_id
            GROUP BY story_article.story_id
        ) AS actual ON actual.story_id = story.id
        WHERE story.article_count IS NOT coalesce(actual.articles, 0) OR coalesce(actual.wrong_outlets, 0) > 0
            OR story.origin_count IS NOT coalesce(actual.origins, 0)
            OR story.source_count IS NOT coalesce(actual.sources, 0)
            OR story.first_seen IS NOT actual.first_seen OR story.last_seen IS NOT actual.last_seen
        ORDER BY story.id
        """

    /// Fixes what `check` found: merge circles and dangling merges first (so every merged story resolves to a
    /// listed one), then hidden articles, summaries, postings and the watermark.
    func repair(_ found: StoryCheck) throws {
        let problems = Set(found.findings.map(\.problem))
        var merges = try merges()
        // NB: a revived story is closed: it has no index entries, so the clusterer must not expect any.
        let revive = try db.cachedStatement(
            sql: "UPDATE story SET merged_into = NULL, closed = 1 WHERE id = ?")
        let point = try db.cachedStatement(sql: "UPDATE story SET merged_into = ? WHERE id = ?")
        for cycle in merges.cycles {
            let oldest = cycle.min()!
            try revive.execute(arguments: [oldest])
            for member in cycle where member != oldest { try point.execute(arguments: [oldest, member]) }
        }
        for story in merges.dangling { try revive.execute(arguments: [story]) }
        if !merges.cycles.isEmpty || !merges.dangling.isEmpty { merges = try self.merges() }
        var touched: [Int64] = []
        if problems.contains(.articlesInMergedStories) || !merges.target.isEmpty {
            let move = try db.cachedStatement(sql: "UPDATE story_article SET story_id = ? WHERE story_id = ?")
            for (story, final) in merges.final.sorted(by: { $0.key < $1.key }) {
                try move.execute(arguments: [final, story])
                if db.changesCount > 0 { touched += [story, final] }
            }
        }
        touched += try Int64.fetchAll(db, sql: Self.staleSummaries)
        try NewsDatabase.refreshSummaries(of: touched, db)
        try db.execute(
            sql: """
                DELETE FROM cluster_posting WHERE NOT EXISTS (
                    SELECT 1 FROM story WHERE story.seq = cluster_posting.story_seq AND story.closed = 0
                        AND story.merged_into IS NULL)
                """)
        if problems.contains(.articlesBelowWatermark),
            let first = found.findings.first(where: {
                $0.problem == .articlesBelowWatermark
            })?.examples.first
        {
            try db.execute(
                sql: "UPDATE cluster_meta SET clustered_through = ?, generation = generation + 1 WHERE id = 1",
                arguments: [first - 1])
        }
        // The clustering's kept state must not be reused by a run that was waiting for this transaction.
        try db.execute(sql: "UPDATE cluster_meta SET generation = generation + 1 WHERE id = 1")
    }
}
