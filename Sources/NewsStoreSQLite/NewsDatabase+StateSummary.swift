internal import Foundation
internal import GRDB
internal import NewsCore
public import NewsStore

extension NewsDatabase {
    /// See `ArticleStore.clusteringStateSummary()`: one read transaction, so the parts agree with each other.
    public func clusteringStateSummary() async throws(StoreError) -> ClusteringStateSummary {
        try await read("reading the clustering state") { db in
            var summary = ClusteringStateSummary()
            summary.meta = try Row.fetchOne(
                db,
                sql: "SELECT algorithm, options, counters, duplicate_count, generation FROM cluster_meta WHERE id = 1"
            ).map {
                ClusteringMeta(
                    algorithm: $0["algorithm"], options: $0["options"], counters: $0["counters"],
                    duplicateCount: $0["duplicate_count"], generation: $0["generation"])
            }
            summary.openStories = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, id, size, cluster_first, cluster_last, closed, merged_into, pinned, profile FROM story
                    WHERE seq IS NOT NULL AND closed = 0 AND merged_into IS NULL ORDER BY seq
                    """
            ).map { row in
                StoryStateRecord(
                    seq: row["seq"], story: ArticleID(row["id"] as Int64), size: row["size"],
                    firstSeen: (row["cluster_first"] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
                    lastSeen: (row["cluster_last"] as Double?).map(Date.init(timeIntervalSinceReferenceDate:)),
                    isClosed: row["closed"], mergedInto: (row["merged_into"] as Int64?).map { ArticleID($0) },
                    isPinned: row["pinned"], profile: row["profile"] ?? Data())
            }
            let postings = try Row.fetchCursor(
                db,
                sql: """
                    SELECT cluster_posting.story_seq, cluster_posting.term_id FROM cluster_posting
                    JOIN story ON story.seq = cluster_posting.story_seq
                    WHERE story.closed = 0 AND story.merged_into IS NULL
                    """)
            while let row = try postings.next() {
                summary.postings[row[0] as Int64, default: []].insert(row[1] as Int32)
            }
            let orphans = try Row.fetchCursor(
                db,
                sql: """
                    SELECT story_seq, term_id FROM cluster_posting
                    WHERE NOT EXISTS (SELECT 1 FROM cluster_term WHERE cluster_term.id = cluster_posting.term_id)
                    """)
            while let row = try orphans.next() {
                summary.postingsWithoutTerm[row[0] as Int64, default: []].insert(row[1] as Int32)
            }
            summary.highestTerm = try Int32.fetchOne(db, sql: "SELECT max(id) FROM cluster_term")
            summary.highestStory = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM story")
            summary.highestPosting = try Int64.fetchOne(db, sql: "SELECT max(position) FROM cluster_posting")
            summary.duplicateEntries = try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicate_entry") ?? 0
            summary.highestDuplicatePosition = try Int32.fetchOne(db, sql: "SELECT max(position) FROM duplicate_entry")
            return summary
        }
    }
}
