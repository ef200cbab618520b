internal import Foundation
internal import Logging
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.checkStories(repair:)`: the same checks and repairs as on SQLite; a repair runs under
    /// the clustering's write lock, so it waits for a batch to finish and the next one sees the repaired state.
    public func checkStories(repair: Bool) async throws(StoreError) -> StoryCheck {
        try await transaction("checking the stories", writing: repair) { [logger] connection in
            let checker = PostgresStoryChecker(connection: connection, logger: logger)
            var check = try await checker.check()
            guard repair, !check.isConsistent else { return check }
            try await checker.repair(check)
            check.repaired = true
            let after = try await checker.check()
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

    /// See `ArticleStore.checkIntegrity()`: PostgreSQL enforces references itself, so this checks what it can
    /// see from here: data-page checksum failures the server counted, references the clustering keeps without
    /// foreign keys, and the full-text index's counts against the articles.
    public func checkIntegrity() async throws(StoreError) -> IntegrityCheck {
        try await transaction("checking the database") { [logger] connection in
            var check = IntegrityCheck()
            let failures =
                try await connection.all(
                    """
                    SELECT coalesce(checksum_failures, 0) FROM pg_catalog.pg_stat_database
                    WHERE datname = current_database()
                    """, logger
                ).first?.decode(Int.self) ?? 0
            if failures > 0 { check.engine.append("\(failures) data-page checksum failures counted by the server") }
            check.brokenReferences =
                try await connection.all(
                    """
                    SELECT (SELECT count(*) FROM duplicate_entry
                            WHERE NOT EXISTS (SELECT 1 FROM article WHERE article.id = duplicate_entry.origin_id))
                        + (SELECT count(*) FROM story_rendering
                            WHERE NOT EXISTS (SELECT 1 FROM story WHERE story.id = story_rendering.story_id))
                    """, logger
                ).first?.decode(Int.self) ?? 0
            for row in try await connection.all(
                """
                SELECT coalesce(kept.config, actual.config), coalesce(kept.article_count, 0), coalesce(actual.n, 0)
                FROM search_index AS kept
                FULL JOIN (SELECT search_config::text AS config, count(*) AS n FROM article GROUP BY 1) AS actual
                    ON actual.config = kept.config
                WHERE kept.article_count IS DISTINCT FROM actual.n
                """, logger)
            {
                let (config, kept, actual) = try row.decode((String, Int, Int).self)
                check.fullText.append("\(config): the index counts \(kept) articles, \(actual) are stored")
            }
            return check
        }
    }

    /// A PostgreSQL database is backed up with the server's own tools; this says how instead of writing a file.
    public func backup(to path: String) async throws(StoreError) -> StoreInfo {
        throw StoreError.failed(
            "\(location)", operation: "backing up",
            reason: "a PostgreSQL store is backed up with the server's tools: "
                + "pg_dump --schema=\(location.schema) --format=custom --file=\(path) \(location.database)")
    }
}

/// The checks and repairs of `checkStories`, over one connection in a transaction.
struct PostgresStoryChecker {
    let connection: PostgresConnection
    let logger: Logger

    private func ids(_ query: PostgresQuery) async throws -> [Int64] {
        try await connection.all(query, logger).map { try $0.decode(Int64.self) }
    }

    private func count(_ query: PostgresQuery) async throws -> Int {
        try await connection.all(query, logger).first?.decode(Int.self) ?? 0
    }

    private func merges() async throws -> StoryMerges {
        var target: [Int64: Int64] = [:]
        for row in try await connection.all("SELECT id, merged_into FROM story WHERE merged_into IS NOT NULL", logger) {
            let (id, next) = try row.decode((Int64, Int64).self)
            target[id] = next
        }
        let existing = Set(try await ids("SELECT id FROM story WHERE id = ANY(\(Array(Set(target.values))))"))
        return StoryMerges(target: target, exists: existing)
    }

    /// Stories whose saved summary differs from the one their articles give, or whose memberships carry another
    /// outlet than their article's (the summary's increments read them).
    private static let staleSummaries: PostgresQuery = """
        SELECT story.id FROM story
        LEFT JOIN (
            SELECT story_article.story_id AS story_id, count(*) AS articles,
                count(DISTINCT story_article.origin_id) AS origins, count(DISTINCT member.source_id) AS sources,
                min(coalesce(member.published_at, member.ingested_at)) AS first_seen,
                max(coalesce(member.published_at, member.ingested_at)) AS last_seen,
                count(*) FILTER (WHERE story_article.source_id IS DISTINCT FROM member.source_id) AS wrong_outlets
            FROM story_article JOIN article AS member ON member.id = story_article.article_id
            GROUP BY story_article.story_id
        ) AS actual ON actual.story_id = story.id
        WHERE story.article_count IS DISTINCT FROM coalesce(actual.articles, 0)
            OR story.origin_count IS DISTINCT FROM coalesce(actual.origins, 0)
            OR story.source_count IS DISTINCT FROM coalesce(actual.sources, 0)
            OR story.first_seen IS DISTINCT FROM actual.first_seen OR story.last_seen IS DISTINCT FROM actual.last_seen
            OR coalesce(actual.wrong_outlets, 0) > 0
        ORDER BY story.id
        """

    /// What is wrong, without changing anything.
    func check() async throws -> StoryCheck {
        var check = StoryCheck()
        check.algorithm =
            try await connection.all("SELECT algorithm FROM cluster_meta WHERE id = 1", logger).first?
            .decode(String.self)
        check.articles = try await count("SELECT count(*) FROM article")
        let merges = try await merges()
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
        let hidden = try await ids(
            """
            SELECT story_article.article_id FROM story_article JOIN story ON story.id = story_article.story_id
            WHERE story.merged_into IS NOT NULL ORDER BY story_article.article_id
            """)
        if !hidden.isEmpty {
            check.findings.append(
                .init(problem: .articlesInMergedStories, count: hidden.count, examples: Array(hidden.prefix(6))))
        }
        let stale = try await ids(Self.staleSummaries)
        if !stale.isEmpty {
            check.findings.append(.init(problem: .staleSummaries, count: stale.count, examples: Array(stale.prefix(6))))
        }
        let postings = try await count(
            """
            SELECT count(*) FROM cluster_posting LEFT JOIN story ON story.seq = cluster_posting.story_seq
            WHERE story.id IS NULL OR story.closed OR story.merged_into IS NOT NULL
            """)
        if postings > 0 { check.findings.append(.init(problem: .stalePostings, count: postings, examples: [])) }
        let below = try await ids(
            """
            SELECT article.id FROM article
            WHERE article.id <= coalesce((SELECT clustered_through FROM cluster_meta WHERE id = 1), 0)
                AND \(unescaped: PostgresStore.inNoStory)
            ORDER BY article.id
            """)
        if !below.isEmpty {
            check.findings.append(
                .init(problem: .articlesBelowWatermark, count: below.count, examples: Array(below.prefix(6))))
        }
        check.waitingArticles = try await count(
            "SELECT count(*) FROM article WHERE \(unescaped: PostgresStore.inNoStory)")
        if let live = try await connection.all(
            """
            SELECT count(DISTINCT story.id), count(*) FROM story_article
            JOIN story ON story.id = story_article.story_id WHERE story.merged_into IS NULL
            """, logger
        ).first {
            (check.liveStories, check.articlesInLiveStories) = try live.decode((Int, Int).self)
        }
        return check
    }

    /// Fixes what `check` found, as on SQLite: circles and dangling merges first, then hidden articles,
    /// summaries, postings and the watermark.
    func repair(_ found: StoryCheck) async throws {
        let problems = Set(found.findings.map(\.problem))
        var merges = try await merges()
        // NB: a revived story is closed: it has no index entries, so the clusterer must not expect any.
        for cycle in merges.cycles {
            let oldest = cycle.min()!
            try await connection.all("UPDATE story SET merged_into = NULL, closed = true WHERE id = \(oldest)", logger)
            for member in cycle where member != oldest {
                try await connection.all("UPDATE story SET merged_into = \(oldest) WHERE id = \(member)", logger)
            }
        }
        for story in merges.dangling {
            try await connection.all("UPDATE story SET merged_into = NULL, closed = true WHERE id = \(story)", logger)
        }
        if !merges.cycles.isEmpty || !merges.dangling.isEmpty { merges = try await self.merges() }
        var touched: [Int64] = []
        if problems.contains(.articlesInMergedStories) || !merges.target.isEmpty {
            for (story, final) in merges.final.sorted(by: { $0.key < $1.key }) {
                let moved = try await ids(
                    "UPDATE story_article SET story_id = \(final) WHERE story_id = \(story) RETURNING article_id")
                if !moved.isEmpty { touched += [story, final] }
            }
        }
        touched += try await ids(Self.staleSummaries)
        let wanted = Array(Set(touched)).sorted()
        if !wanted.isEmpty {
            try await connection.all(PostgresClusteringWriter.outletUpdate(wanted), logger)
            try await connection.all(PostgresClusteringWriter.summaryUpdate(wanted), logger)
        }
        try await connection.all(
            """
            DELETE FROM cluster_posting WHERE NOT EXISTS (
                SELECT 1 FROM story WHERE story.seq = cluster_posting.story_seq AND NOT story.closed
                    AND story.merged_into IS NULL)
            """, logger)
        if problems.contains(.articlesBelowWatermark),
            let first = found.findings.first(where: { $0.problem == .articlesBelowWatermark })?.examples.first
        {
            try await connection.all(
                "UPDATE cluster_meta SET clustered_through = \(first - 1) WHERE id = 1", logger)
        }
        // The clustering's kept state must not be reused by a run that was waiting for this transaction.
        try await connection.all("UPDATE cluster_meta SET generation = generation + 1 WHERE id = 1", logger)
    }
}
