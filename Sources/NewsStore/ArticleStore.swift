public import Foundation
public import NewsCore

/// Where articles live: the one interface every storage engine implements and every shell uses.
public protocol ArticleStore: Sendable {
    /// Stores a batch in one transaction: all of it or, on error, none of it. Content already stored is
    /// reported as a duplicate and left as it was.
    func add(_ batch: [IncomingArticle]) async throws(StoreError) -> [AddResult]

    /// Stored articles, newest ingested first.
    func articles(_ query: ArticleQuery) async throws(StoreError) -> [Article]

    /// How many articles match `query`'s filters, ignoring its limit and offset.
    func articleCount(_ query: ArticleQuery) async throws(StoreError) -> Int

    /// One article, or `nil` if there is none with that id.
    func article(_ id: ArticleID) async throws(StoreError) -> Article?

    /// The bytes an article was parsed from.
    func rawInput(of id: ArticleID) async throws(StoreError) -> [UInt8]?

    /// Full-text search, most relevant first.
    func search(_ query: SearchQuery) async throws(StoreError) -> [SearchHit]

    /// What the store is and holds.
    func info() async throws(StoreError) -> StoreInfo

    /// Keeps rejected inputs with their reasons; the same input, place and reason again replaces the old entry.
    func recordRejections(_ rejections: [RejectedInput]) async throws(StoreError)

    /// Rejected inputs, newest first.
    func rejections(limit: Int, offset: Int) async throws(StoreError) -> [RejectedInput]

    /// Keeps analyses, replacing any earlier analysis of the same articles; all or none.
    func saveAnalyses(_ analyses: [StoredAnalysis]) async throws(StoreError)

    /// The stored analysis of an article, whichever algorithm made it.
    func analysis(of id: ArticleID) async throws(StoreError) -> StoredAnalysis?

    /// Up to `limit` article ids, oldest first, that have no analysis by `algorithm` (never analysed, or by
    /// an older algorithm) and come after `after`.
    func idsNeedingAnalysis(algorithm: String, after: ArticleID?, limit: Int) async throws(StoreError) -> [ArticleID]

    /// How many articles have no analysis by `algorithm`.
    func countNeedingAnalysis(algorithm: String) async throws(StoreError) -> Int

    /// Runs `body` as the only writer of the stories, across processes: inside one write transaction that
    /// waits for any other (another process's too), so what `body` reads through the session is what it
    /// changes, and its writes are saved all together or, if it throws, not at all.
    func withClusteringSession<T: Sendable>(
        _ body: @Sendable (any ClusteringSession) throws -> T
    ) async throws(StoreError) -> T

    /// Where an article was put, if it was clustered.
    func assignment(of article: ArticleID) async throws(StoreError) -> StoryAssignment?

    /// The ids of articles not yet clustered, oldest first.
    func unclusteredArticles(limit: Int) async throws(StoreError) -> [ArticleID]

    /// The articles of a story (following merges to the story that took them), or `nil` when `story` is
    /// no story's id.
    func storyArticles(_ story: ArticleID) async throws(StoreError) -> (story: ArticleID, articles: [StoryAssignment])?

    /// The outlets, by name.
    func sources() async throws(StoreError) -> [SourceRecord]

    /// Changes an outlet's metadata and returns it, or `nil` when no outlet has that name.
    func updateSource(named name: String, _ update: SourceUpdate) async throws(StoreError) -> SourceRecord?

    /// Subscribes to feeds (creating their outlets), in one transaction; an address already subscribed is
    /// reported and left as it was.
    func addFeeds(_ feeds: [NewFeed], at date: Date) async throws(StoreError) -> [FeedAddResult]

    /// Every subscription, by outlet.
    func feeds() async throws(StoreError) -> [FeedRecord]

    /// The subscriptions due at `date` (never polled, or next check not after it), most overdue first.
    func dueFeeds(at date: Date) async throws(StoreError) -> [FeedRecord]

    /// Takes up to `limit` of the subscriptions due at `date` (most overdue first) for one poller until `until`:
    /// other pollers asking meanwhile (other processes, other machines) do not get them, so no feed is polled
    /// twice in a round. Saving the poll ends the lease (its next check replaces it); a poller that dies leaves
    /// them due again at `until`.
    func leaseDueFeeds(at date: Date, until: Date, limit: Int) async throws(StoreError) -> [FeedRecord]

    /// Unsubscribes and returns what was removed, or `nil` when no feed has that id; its articles stay.
    func removeFeed(_ id: Int64) async throws(StoreError) -> FeedRecord?

    /// The keys of a feed's items that need no more work: turned into articles, or tried too often.
    func settledFeedItems(of feed: Int64) async throws(StoreError) -> Set<String>

    /// Saves what a poll found (the feed's state and its items) in one transaction.
    func saveFeedPoll(_ poll: FeedPoll) async throws(StoreError)

    /// Saves items a poll has finished with before the poll ends, leaving the feed's state (ETag, next check)
    /// alone: a poll killed later keeps them, and the next poll fetches the feed again and skips them. Each item
    /// counts as one attempt, so a poll saves each item once, here or with `saveFeedPoll(_:)`.
    func saveFeedItems(_ items: [FeedItemRecord], of feed: Int64, seen: Date) async throws(StoreError)

    /// The feed items an article came from, with what the feeds said of it.
    func feedItems(of article: ArticleID) async throws(StoreError) -> [FeedItemRecord]

    /// Stories in `order`; with `.coverage`, only those active at or after `since`; those that come after the
    /// story `after` (a page's last: keyset paging, a page costs the same however deep) or else after `offset`.
    func stories(
        order: StoryOrder, since: Date?, after: ArticleID?, limit: Int, offset: Int
    ) async throws(StoreError) -> [StorySummary]

    /// One story's listing (following merges), or `nil` when `id` is no story.
    func story(_ id: ArticleID) async throws(StoreError) -> StorySummary?

    /// Checks that every article is in exactly one listed story and the stories' summaries and index agree
    /// with their articles; with `repair`, fixes what it found in one transaction (nothing stored is lost).
    func checkStories(repair: Bool) async throws(StoreError) -> StoryCheck

    /// Runs the engine's own integrity checks (the file, references, full-text indexes); nothing is changed.
    func checkIntegrity() async throws(StoreError) -> IntegrityCheck

    /// The clustering's saved scalars, every open story's state and postings, and the tables' highest ids, in
    /// one read for `check` to compare (its cost grows with the open stories, as a check's may).
    func clusteringStateSummary() async throws(StoreError) -> ClusteringStateSummary

    /// Writes a consistent copy of everything stored to a new file at `path` (a snapshot: writers go on
    /// meanwhile), checks the copy's integrity, and describes it.
    func backup(to path: String) async throws(StoreError) -> StoreInfo

    /// The saved searches, by name.
    func savedSearches() async throws(StoreError) -> [SavedSearch]

    /// Saves a search; a name already used is replaced (its id kept).
    func saveSearch(name: String, query: String, at date: Date) async throws(StoreError) -> SavedSearch

    /// Removes a saved search and returns it, or `nil` when none has that id.
    func removeSavedSearch(_ id: Int64) async throws(StoreError) -> SavedSearch?

    /// Keeps a new API token's hash.
    func addToken(name: String, hash: String, at date: Date) async throws(StoreError) -> APITokenRecord

    /// Every API token (hashes only), oldest first.
    func tokens() async throws(StoreError) -> [APITokenRecord]

    /// Revokes a token and returns it, or `nil` when none has that id.
    func removeToken(_ id: Int64) async throws(StoreError) -> APITokenRecord?

    /// A kept rendering of a story, if one with this fingerprint is kept.
    func cachedRendering(story: ArticleID, kind: String, fingerprint: String) async throws(StoreError) -> Data?

    /// Keeps a rendering, replacing the story's earlier one of the same kind.
    func saveRendering(_ rendering: CachedRendering) async throws(StoreError)
}

extension ArticleStore {
    /// Stories (not merged away), most recently active first.
    public func stories(limit: Int, offset: Int) async throws(StoreError) -> [StorySummary] {
        try await stories(order: .newest, since: nil, after: nil, limit: limit, offset: offset)
    }
}

/// A description of a store, for `corroborate info`.
public struct StoreInfo: Sendable, Hashable {
    /// Where it is (a path, or `:memory:`).
    public var location: String
    /// The engine (`sqlite`).
    public var engine: String
    /// The schema's version number.
    public var schemaVersion: Int
    /// How many articles it holds.
    public var articleCount: Int
    /// How many outlets it knows.
    public var sourceCount: Int
    /// The languages with a full-text index, and how many articles each holds.
    public var indexedLanguages: [String: Int]
    /// How many rejected inputs are kept.
    public var rejectionCount: Int = 0
    /// How many articles have a stored analysis, by the algorithm that made it.
    public var analysesByAlgorithm: [String: Int] = [:]

    /// Creates a description.
    public init(
        location: String, engine: String, schemaVersion: Int, articleCount: Int, sourceCount: Int,
        indexedLanguages: [String: Int]
    ) {
        self.location = location
        self.engine = engine
        self.schemaVersion = schemaVersion
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.indexedLanguages = indexedLanguages
    }
}
