internal import Foundation
internal import NIOCore
internal import NewsCore
internal import NewsStore
internal import PostgresNIO

/// Writes one batch of clustering inside the session's transaction, a statement per kind of change (arrays
/// unnested on the server) rather than one round trip per row.
struct PostgresClusteringWriter {
    let connection: BlockingConnection

    /// How many near-duplicate positions share an epoch (as on SQLite: buckets past the horizon go as a range).
    static let epochShift: Int32 = 16

    /// The epoch of a near-duplicate position.
    static func epoch(of position: Int32) -> Int32 { position >> epochShift }

    func write(_ changes: ClusteringWrite) throws(StoreError) {
        try writeStories(changes.stories)
        let terms = Array(Dictionary(changes.terms.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }).values)
        if !terms.isEmpty {
            try connection.rows(
                "saving clustering terms",
                """
                INSERT INTO cluster_term (id, word, frequency)
                SELECT * FROM unnest(\(terms.map(\.id)), \(terms.map(\.word)), \(terms.map(\.frequency)))
                ON CONFLICT (id) DO UPDATE SET frequency = excluded.frequency
                """)
        }
        try writePostings(changes.postings)
        for (pair, kept) in changes.keptApart {
            try connection.rows(
                "saving stories kept apart",
                kept
                    ? "INSERT INTO cluster_kept_apart (pair) VALUES (\(pair)) ON CONFLICT DO NOTHING"
                    : "DELETE FROM cluster_kept_apart WHERE pair = \(pair)")
        }
        try writeDuplicates(changes.duplicates, oldestCompared: changes.oldestDuplicateCompared)
        let summaries = try PostgresSummaryPlan(changes, connection)
        try summaries.addFresh(connection)
        try writeAssignments(changes)
        let meta = changes.meta
        try connection.rows(
            "saving the clustering state",
            """
            INSERT INTO cluster_meta (id, algorithm, options, counters, duplicate_count)
            VALUES (1, \(meta.algorithm), \(meta.options.buffer), \(meta.counters.buffer), \(meta.duplicateCount))
            ON CONFLICT (id) DO UPDATE SET algorithm = excluded.algorithm, options = excluded.options,
                counters = excluded.counters, duplicate_count = excluded.duplicate_count,
                generation = cluster_meta.generation + 1
            """)
        try Self.advanceClusteredThrough(connection)
        try Self.refreshSummaries(of: Array(summaries.recount), connection)
    }

    /// Stories first without their merge targets (a target may be written after its source), then the targets.
    private func writeStories(_ stories: [StoryStateRecord]) throws(StoreError) {
        guard !stories.isEmpty else { return }
        var latest: [Int64: StoryStateRecord] = [:]
        for story in stories { latest[story.story.rawValue] = story }
        let rows = latest.keys.sorted().map { latest[$0]! }
        try connection.rows(
            "saving stories",
            """
            INSERT INTO story (id, seq, merged_into, closed, pinned, size, cluster_first, cluster_last, profile)
            SELECT id, seq, NULL, closed, pinned, size, CASE WHEN has_first THEN first END,
                CASE WHEN has_last THEN last END, profile
            FROM unnest(\(rows.map(\.story.rawValue)), \(rows.map(\.seq)), \(rows.map(\.isClosed)),
                \(rows.map(\.isPinned)), \(rows.map(\.size)), \(rows.map { $0.firstSeen != nil }),
                \(rows.map { $0.firstSeen?.timeIntervalSinceReferenceDate ?? 0 }), \(rows.map { $0.lastSeen != nil }),
                \(rows.map { $0.lastSeen?.timeIntervalSinceReferenceDate ?? 0 }),
                \(rows.map { ByteBuffer(bytes: $0.profile) }))
                AS t(id, seq, closed, pinned, size, has_first, first, has_last, last, profile)
            ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, merged_into = NULL, closed = excluded.closed,
                pinned = excluded.pinned, size = excluded.size, cluster_first = excluded.cluster_first,
                cluster_last = excluded.cluster_last, profile = excluded.profile
            """)
        let merged = rows.filter { $0.mergedInto != nil }
        guard !merged.isEmpty else { return }
        try connection.rows(
            "saving story merges",
            """
            UPDATE story SET merged_into = t.target
            FROM unnest(\(merged.map(\.story.rawValue)), \(merged.map { $0.mergedInto!.rawValue })) AS t(id, target)
            WHERE story.id = t.id
            """)
    }

    /// Posting changes in order: each run of additions or removals as one statement.
    private func writePostings(_ changes: [PostingRecordChange]) throws(StoreError) {
        func isAddition(_ change: PostingRecordChange) -> Bool {
            if case .add = change { return true }
            return false
        }
        var index = 0
        while index < changes.count {
            let adding = isAddition(changes[index])
            var terms: [Int32] = []
            var stories: [Int64] = []
            var positions: [Int64] = []
            while index < changes.count, isAddition(changes[index]) == adding {
                switch changes[index] {
                case .add(let term, let story, let position):
                    terms.append(term)
                    stories.append(story)
                    positions.append(position)
                case .remove(let term, let story):
                    terms.append(term)
                    stories.append(story)
                }
                index += 1
            }
            if adding {
                try connection.rows(
                    "saving story postings",
                    """
                    INSERT INTO cluster_posting (term_id, position, story_seq)
                    SELECT * FROM unnest(\(terms), \(positions), \(stories))
                    """)
            } else {
                try connection.rows(
                    "saving story postings",
                    """
                    DELETE FROM cluster_posting USING unnest(\(terms), \(stories)) AS t(term, story)
                    WHERE cluster_posting.term_id = t.term AND cluster_posting.story_seq = t.story
                    """)
            }
        }
    }

    private func writeDuplicates(_ entries: [DuplicateRecord], oldestCompared: Int32) throws(StoreError) {
        if !entries.isEmpty {
            try connection.rows(
                "saving near-duplicate entries",
                """
                INSERT INTO duplicate_entry (position, article_id, origin_position, origin_id, signature, credits)
                SELECT * FROM unnest(\(entries.map(\.position)), \(entries.map(\.article.rawValue)),
                    \(entries.map(\.origin)), \(entries.map(\.originArticle.rawValue)),
                    \(entries.map { $0.signature.buffer }), \(entries.map { PostgresArticleRow.jsonArray($0.credits) }))
                """)
            let buckets = entries.flatMap { entry in entry.bucketKeys.map { (entry.position, $0) } }
            if !buckets.isEmpty {
                try connection.rows(
                    "saving near-duplicate buckets",
                    """
                    INSERT INTO duplicate_bucket (epoch, key, position)
                    SELECT * FROM unnest(\(buckets.map { Self.epoch(of: $0.0) }), \(buckets.map(\.1)), \(buckets.map(\.0)))
                    ON CONFLICT DO NOTHING
                    """)
            }
        }
        // NB: entries stay (origins point at them); only the buckets that no lookup reads again go.
        try connection.rows(
            "dropping old near-duplicate buckets",
            "DELETE FROM duplicate_bucket WHERE epoch < \(Self.epoch(of: oldestCompared))")
    }

    private func writeAssignments(_ changes: ClusteringWrite) throws(StoreError) {
        var latest: [Int64: StoryAssignment] = [:]
        for assignment in changes.assignments { latest[assignment.article.rawValue] = assignment }
        let rows = latest.keys.sorted().map { latest[$0]! }
        if !rows.isEmpty {
            try connection.rows(
                "saving story assignments",
                """
                INSERT INTO story_article (article_id, story_id, origin_id, relation, score, reason)
                SELECT * FROM unnest(\(rows.map(\.article.rawValue)), \(rows.map(\.story.rawValue)),
                    \(rows.map(\.origin.rawValue)), \(rows.map(\.relation)), \(rows.map(\.score)), \(rows.map(\.reason)))
                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, origin_id = excluded.origin_id,
                    relation = excluded.relation, score = excluded.score, reason = excluded.reason
                """)
        }
        for merge in changes.merges {
            try connection.rows(
                "moving merged stories' articles",
                "UPDATE story_article SET story_id = \(merge.into.rawValue) WHERE story_id = \(merge.from.rawValue)")
        }
    }

    /// Moves the watermark up to just before the oldest article still waiting (or to the newest article).
    ///
    /// NB: sound because every writer of articles holds the write lock the caller holds: no article with a smaller
    /// id can be committed after this runs.
    static func advanceClusteredThrough(_ connection: BlockingConnection) throws(StoreError) {
        try connection.rows(
            "advancing the clustering watermark",
            """
            UPDATE cluster_meta SET clustered_through = coalesce(
                (SELECT article.id - 1 FROM article
                 WHERE article.id > cluster_meta.clustered_through AND \(unescaped: PostgresStore.inNoStory)
                 ORDER BY article.id LIMIT 1),
                (SELECT max(id) FROM article), 0)
            WHERE id = 1
            """)
    }

    /// Recomputes the summary the river reads (counts, first and last seen) of these stories, in one statement,
    /// after mending the outlet their memberships carry (what the increments read).
    static func refreshSummaries(of stories: [Int64], _ connection: BlockingConnection) throws(StoreError) {
        let ids = Array(Set(stories)).sorted()
        guard !ids.isEmpty else { return }
        try connection.rows("mending memberships' outlets", outletUpdate(ids))
        try connection.rows("refreshing story summaries", summaryUpdate(ids))
    }

    /// The statement that sets these stories' memberships' outlets to their articles'.
    static func outletUpdate(_ ids: [Int64]) -> PostgresQuery {
        """
        UPDATE story_article SET source_id = member.source_id FROM article AS member
        WHERE member.id = story_article.article_id AND story_article.story_id = ANY(\(ids))
            AND story_article.source_id IS DISTINCT FROM member.source_id
        """
    }

    /// The statement that recounts these stories' summaries.
    static func summaryUpdate(_ ids: [Int64]) -> PostgresQuery {
        """
        UPDATE story SET article_count = actual.articles, origin_count = actual.origins,
            source_count = actual.sources, first_seen = actual.first_seen, last_seen = actual.last_seen
        FROM (
            SELECT wanted.id, count(member.id) AS articles, count(DISTINCT story_article.origin_id) AS origins,
                count(DISTINCT member.source_id) AS sources,
                min(coalesce(member.published_at, member.ingested_at)) AS first_seen,
                max(coalesce(member.published_at, member.ingested_at)) AS last_seen
            FROM unnest(\(ids)) AS wanted(id)
            LEFT JOIN story_article ON story_article.story_id = wanted.id
            LEFT JOIN article AS member ON member.id = story_article.article_id
            GROUP BY wanted.id
        ) AS actual
        WHERE story.id = actual.id
        """
    }
}
