internal import NewsCore
internal import NewsStore
internal import PostgresNIO

/// How one clustering write keeps the summaries the river reads (article, origin and outlet counts, first and
/// last seen) true on PostgreSQL, as `SummaryPlan` does on SQLite: a story that only gained articles new to
/// every story is updated by what they add, read before they are written; a story that lost articles, took a
/// merge or had an article written again is recounted from its articles.
///
/// NB: recounting reads every article of the story, and a saga open for months holds thousands; what is new to
/// a story is read through `story_article (story_id, origin_id)` and `(story_id, source_id)` (schema 2).
struct PostgresSummaryPlan {
    /// The articles each story gained that no story held, with their origins.
    private var fresh: (articles: [Int64], stories: [Int64], origins: [Int64]) = ([], [], [])
    /// Stories recounted from their articles.
    private(set) var recount: Set<Int64> = []

    /// The plan for `changes`, read before its assignments are written (what is new to a story must not see the
    /// articles being added).
    init(_ changes: ClusteringWrite, _ connection: BlockingConnection) throws(StoreError) {
        let articles = Array(Set(changes.assignments.map(\.article.rawValue))).sorted()
        var earlier: [Int64: Int64] = [:]
        if !articles.isEmpty {
            let rows = try connection.decoded(
                "reading stories' earlier members",
                "SELECT article_id, story_id FROM story_article WHERE article_id = ANY(\(articles))"
            ) { try $0.decode((Int64, Int64).self) }
            for (article, story) in rows { earlier[article] = story }
        }
        let changes = changes.summaryChanges(earlier: earlier)
        recount = changes.recount
        for (_, assignments) in changes.fresh.sorted(by: { $0.key < $1.key }) {
            for assignment in assignments {
                fresh.articles.append(assignment.article.rawValue)
                fresh.stories.append(assignment.story.rawValue)
                fresh.origins.append(assignment.origin.rawValue)
            }
        }
    }

    /// Adds what the fresh articles bring to their stories' summaries; run before the assignments are written,
    /// so that "an origin or outlet the story had" means one it had before this write.
    ///
    /// NB: `least` and `greatest` skip NULLs, so a story's known date stays when an article has none.
    func addFresh(_ connection: BlockingConnection) throws(StoreError) {
        guard !fresh.articles.isEmpty else { return }
        try connection.rows(
            "adding to story summaries",
            """
            UPDATE story SET article_count = story.article_count + delta.articles,
                origin_count = story.origin_count + delta.origins, source_count = story.source_count + delta.sources,
                first_seen = least(story.first_seen, delta.first_seen),
                last_seen = greatest(story.last_seen, delta.last_seen)
            FROM (
                SELECT added.story_id, count(*) AS articles,
                    count(DISTINCT added.origin_id) FILTER (WHERE NOT EXISTS (
                        SELECT 1 FROM story_article AS held
                        WHERE held.story_id = added.story_id AND held.origin_id = added.origin_id)) AS origins,
                    count(DISTINCT member.source_id) FILTER (WHERE NOT EXISTS (
                        SELECT 1 FROM story_article AS held
                        WHERE held.story_id = added.story_id AND held.source_id = member.source_id)) AS sources,
                    min(coalesce(member.published_at, member.ingested_at)) AS first_seen,
                    max(coalesce(member.published_at, member.ingested_at)) AS last_seen
                FROM unnest(\(fresh.articles), \(fresh.stories), \(fresh.origins))
                    AS added(article_id, story_id, origin_id)
                JOIN article AS member ON member.id = added.article_id
                GROUP BY added.story_id
            ) AS delta
            WHERE story.id = delta.story_id
            """)
    }
}
