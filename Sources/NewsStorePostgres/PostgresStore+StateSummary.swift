internal import Foundation
internal import NewsCore
public import NewsStore
internal import PostgresNIO

extension PostgresStore {
    /// See `ArticleStore.clusteringStateSummary()`: one repeatable-read transaction, so the parts agree.
    public func clusteringStateSummary() async throws(StoreError) -> ClusteringStateSummary {
        try await transaction("reading the clustering state") { [logger] connection in
            try await connection.all("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger)
            var summary = ClusteringStateSummary()
            for row in try await connection.all(
                "SELECT algorithm, options, counters, duplicate_count, generation FROM cluster_meta WHERE id = 1",
                logger)
            {
                let (algorithm, options, counters, duplicates, generation) = try row.decode(
                    (String, Data, Data, Int, Int64).self)
                summary.meta = ClusteringMeta(
                    algorithm: algorithm, options: options, counters: counters, duplicateCount: duplicates,
                    generation: generation)
            }
            summary.openStories = try await connection.all(
                """
                SELECT \(unescaped: PostgresClusteringSession.stateColumns) FROM story
                WHERE seq IS NOT NULL AND NOT closed AND merged_into IS NULL ORDER BY seq
                """, logger
            ).map(PostgresClusteringSession.storyState)
            for row in try await connection.all(
                """
                SELECT cluster_posting.story_seq, cluster_posting.term_id FROM cluster_posting
                JOIN story ON story.seq = cluster_posting.story_seq
                WHERE NOT story.closed AND story.merged_into IS NULL
                """, logger)
            {
                let (seq, term) = try row.decode((Int64, Int32).self)
                summary.postings[seq, default: []].insert(term)
            }
            for row in try await connection.all(
                """
                SELECT story_seq, term_id FROM cluster_posting
                WHERE NOT EXISTS (SELECT 1 FROM cluster_term WHERE cluster_term.id = cluster_posting.term_id)
                """, logger)
            {
                let (seq, term) = try row.decode((Int64, Int32).self)
                summary.postingsWithoutTerm[seq, default: []].insert(term)
            }
            let maxima = try await connection.all(
                """
                SELECT
                    (SELECT max(id) FROM cluster_term), (SELECT max(seq) FROM story),
                    (SELECT max(position) FROM cluster_posting), (SELECT count(*) FROM duplicate_entry),
                    (SELECT max(position) FROM duplicate_entry)
                """, logger)
            guard let row = maxima.first else { return summary }
            let (term, story, posting, entries, duplicate) = try row.decode((Int32?, Int64?, Int64?, Int, Int32?).self)
            summary.highestTerm = term
            summary.highestStory = story
            summary.highestPosting = posting
            summary.duplicateEntries = entries
            summary.highestDuplicatePosition = duplicate
            return summary
        }
    }
}
