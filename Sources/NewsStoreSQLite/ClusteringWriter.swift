internal import Foundation
internal import GRDB
internal import NewsCore
internal import NewsStore

/// Writes one batch of clustering inside the session's transaction.
struct ClusteringWriter {
    let db: Database

    func write(_ changes: ClusteringWrite) throws {
        if changes.movedLegacyState { try db.execute(sql: "DELETE FROM cluster_state") }
        try writeStories(changes.stories)
        let addTerm = try db.cachedStatement(
            sql: """
                INSERT INTO cluster_term (id, word, frequency) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET frequency = excluded.frequency
                """)
        for term in changes.terms { try addTerm.execute(arguments: [term.id, term.word, term.frequency]) }
        let addPosting = try db.cachedStatement(
            sql: "INSERT INTO cluster_posting (term_id, position, story_seq) VALUES (?, ?, ?)")
        let removePosting = try db.cachedStatement(
            sql: "DELETE FROM cluster_posting WHERE term_id = ? AND story_seq = ?")
        for change in changes.postings {
            switch change {
            case .add(let term, let story, let position): try addPosting.execute(arguments: [term, position, story])
            case .remove(let term, let story): try removePosting.execute(arguments: [term, story])
            }
        }
        for (pair, kept) in changes.keptApart {
            try db.execute(
                sql: kept
                    ? "INSERT OR IGNORE INTO cluster_kept_apart (pair) VALUES (?)"
                    : "DELETE FROM cluster_kept_apart WHERE pair = ?",
                arguments: [pair])
        }
        try writeDuplicates(changes.duplicates, oldestCompared: changes.oldestDuplicateCompared)
        let summaries = try SummaryPlan(changes, db)
        try writeAssignments(changes)
        try db.execute(
            sql: """
                INSERT INTO cluster_meta (id, algorithm, options, counters, duplicate_count) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET algorithm = excluded.algorithm, options = excluded.options,
                    counters = excluded.counters, duplicate_count = excluded.duplicate_count,
                    generation = generation + 1
                """,
            arguments: [
                changes.meta.algorithm, changes.meta.options, changes.meta.counters, changes.meta.duplicateCount,
            ])
        try NewsDatabase.advanceClusteredThrough(db)
        try summaries.apply(db)
    }

    /// Stories first without their merge targets (a target may be written after its source), then the targets.
    private func writeStories(_ stories: [StoryStateRecord]) throws {
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO story (id, seq, merged_into, closed, pinned, size, cluster_first, cluster_last, profile)
                VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, merged_into = NULL, closed = excluded.closed,
                    pinned = excluded.pinned, size = excluded.size, cluster_first = excluded.cluster_first,
                    cluster_last = excluded.cluster_last, profile = excluded.profile
                """)
        for story in stories {
            try upsert.execute(arguments: [
                story.story.rawValue, story.seq, story.isClosed, story.isPinned, story.size,
                story.firstSeen?.timeIntervalSinceReferenceDate, story.lastSeen?.timeIntervalSinceReferenceDate,
                story.profile,
            ])
        }
        let point = try db.cachedStatement(sql: "UPDATE story SET merged_into = ? WHERE id = ?")
        for story in stories {
            if let target = story.mergedInto { try point.execute(arguments: [target.rawValue, story.story.rawValue]) }
        }
    }

    /// How many near-duplicate positions share an epoch: the buckets are keyed by epoch first, so the entries a
    /// batch adds go into the newest epoch's small part of the index (in the page cache) instead of pages all
    /// over it, and epochs past the horizon are dropped as one range.
    static let epochShift: Int32 = 16

    /// The epoch of a near-duplicate position.
    static func epoch(of position: Int32) -> Int32 { position >> epochShift }

    private func writeDuplicates(_ entries: [DuplicateRecord], oldestCompared: Int32) throws {
        let entry = try db.cachedStatement(
            sql: """
                INSERT INTO duplicate_entry (position, article_id, origin_position, origin_id, signature, credits)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        let bucket = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO duplicate_bucket (epoch, key, position) VALUES (?, ?, ?)")
        let encoder = JSONEncoder()
        for record in entries {
            let credits = String(decoding: try encoder.encode(record.credits), as: UTF8.self)
            try entry.execute(arguments: [
                record.position, record.article.rawValue, record.origin, record.originArticle.rawValue,
                record.signature, credits,
            ])
            for key in record.bucketKeys {
                try bucket.execute(arguments: [Self.epoch(of: record.position), key, record.position])
            }
        }
        // NB: entries stay (origins point at them); only the buckets that no lookup reads again go.
        try db.cachedStatement(sql: "DELETE FROM duplicate_bucket WHERE epoch < ?").execute(arguments: [
            Self.epoch(of: oldestCompared)
        ])
    }

    private func writeAssignments(_ changes: ClusteringWrite) throws {
        let assign = try db.cachedStatement(
            sql: """
                INSERT INTO story_article (article_id, story_id, origin_id, relation, score, reason, source_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT source_id FROM article WHERE id = ?1))
                ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id,
                    origin_id = excluded.origin_id, relation = excluded.relation, score = excluded.score,
                    reason = excluded.reason, source_id = excluded.source_id
                """)
        for assignment in changes.assignments {
            try assign.execute(arguments: [
                assignment.article.rawValue, assignment.story.rawValue, assignment.origin.rawValue,
                assignment.relation, assignment.score, assignment.reason,
            ])
        }
        let move = try db.cachedStatement(sql: "UPDATE story_article SET story_id = ? WHERE story_id = ?")
        for merge in changes.merges { try move.execute(arguments: [merge.into.rawValue, merge.from.rawValue]) }
    }
}
