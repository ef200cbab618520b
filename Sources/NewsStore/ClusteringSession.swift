public import Foundation
public import NewsCore

/// What the story clustering reads and writes inside the one transaction that serialises it
/// (`ArticleStore.withClusteringSession`): the articles waiting, and the clusterer's and near-duplicate index's
/// saved state, row by row, so that a decision reads what it needs and a batch writes what it changed.
///
/// Valid only inside the closure it is handed to; synchronous, since the transaction holds a connection.
public protocol ClusteringSession: AnyObject {
    /// The saved scalars, or `nil` before clustering first ran (or while only a schema-7 state exists).
    func meta() throws(StoreError) -> ClusteringMeta?
    /// The state schema 7 saved as one document, if it is still there to be moved into the tables.
    func legacyState() throws(StoreError) -> ClusteringState?
    /// Up to `limit` articles not in a story, oldest first (publication, else ingestion, then id).
    func unclusteredArticles(limit: Int) throws(StoreError) -> [ArticleID]
    /// What clustering reads of the articles with these ids, in the order asked (missing ones left out).
    func clusteringInputs(_ ids: [ArticleID]) throws(StoreError) -> [ClusteringInput]
    /// Where an article was put.
    func assignment(of article: ArticleID) throws(StoreError) -> StoryAssignment?
    /// The saved terms among `words`.
    func terms(named words: [String]) throws(StoreError) -> [TermRecord]
    /// The saved terms with these ids.
    func terms(withIDs ids: [Int32]) throws(StoreError) -> [TermRecord]
    /// The creation numbers of the stories indexed under a term, in indexing order.
    func postings(of term: Int32) throws(StoreError) -> [Int64]
    /// The story created `seq`-th.
    func storyState(seq: Int64) throws(StoreError) -> StoryStateRecord?
    /// The creation number of a story.
    func storySeq(of story: ArticleID) throws(StoreError) -> Int64?
    /// The creation number of the story holding an article.
    func storySeq(holding article: ArticleID) throws(StoreError) -> Int64?
    /// Open, unpinned stories last seen (by the clusterer's clock) at or before `date`.
    func quietStories(lastSeenBefore date: Date) throws(StoreError) -> [Int64]
    /// Whether a person kept the pair of stories apart.
    func keptApart(_ pair: String) throws(StoreError) -> Bool
    /// The newest positions within `range` in a near-duplicate bucket, newest first.
    func duplicatePositions(inBucket key: Int64, in range: Range<Int32>, limit: Int) throws(StoreError) -> [Int32]
    /// The near-duplicate entries at these positions.
    func duplicateEntries(at positions: [Int32]) throws(StoreError) -> [DuplicateRecord]
    /// Saves a batch's changes (and drops a schema-7 state, once moved).
    func write(_ changes: ClusteringWrite) throws(StoreError)
    /// The postings of several terms at once, by term (a term without postings may be left out).
    func postings(of terms: [Int32]) throws(StoreError) -> [Int32: [Int64]]
    /// The saved states of the stories among these creation numbers, in any order.
    func storyStates(seqs: [Int64]) throws(StoreError) -> [StoryStateRecord]
    /// The pairs among `pairs` a person kept apart.
    func keptApart(pairs: [String]) throws(StoreError) -> Set<String>
    /// `duplicatePositions(inBucket:in:limit:)` for several buckets at once, each with its own limit, in order.
    func duplicatePositions(
        inBuckets keys: [(key: Int64, limit: Int)], in range: Range<Int32>
    ) throws(StoreError) -> [[Int32]]
    /// The keys of the near-duplicate buckets holding a position in `range`, each at least once, in any order;
    /// `nil` when the engine cannot list them cheaply (lookups then seek every part of their range).
    func duplicateBucketKeys(in range: Range<Int32>) throws(StoreError) -> [Int64]?
}

extension ClusteringSession {
    /// One question per term: for an engine where a question costs no round trip.
    public func postings(of terms: [Int32]) throws(StoreError) -> [Int32: [Int64]] {
        var lists: [Int32: [Int64]] = [:]
        for term in terms { lists[term] = try postings(of: term) }
        return lists
    }

    /// One question per story: for an engine where a question costs no round trip.
    public func storyStates(seqs: [Int64]) throws(StoreError) -> [StoryStateRecord] {
        var found: [StoryStateRecord] = []
        for seq in seqs { if let state = try storyState(seq: seq) { found.append(state) } }
        return found
    }

    /// One question per pair: for an engine where a question costs no round trip.
    public func keptApart(pairs: [String]) throws(StoreError) -> Set<String> {
        var kept: Set<String> = []
        for pair in pairs where try keptApart(pair) { kept.insert(pair) }
        return kept
    }

    /// One question per bucket: for an engine where a question costs no round trip.
    public func duplicatePositions(
        inBuckets keys: [(key: Int64, limit: Int)], in range: Range<Int32>
    ) throws(StoreError) -> [[Int32]] {
        var lists: [[Int32]] = []
        for (key, limit) in keys { lists.append(try duplicatePositions(inBucket: key, in: range, limit: limit)) }
        return lists
    }
}

extension ClusteringSession {
    /// No listing: every lookup seeks its whole range.
    public func duplicateBucketKeys(in range: Range<Int32>) throws(StoreError) -> [Int64]? { nil }
}

/// The clustering's saved scalars: opaque to the store but for the near-duplicate count.
public struct ClusteringMeta: Sendable, Hashable {
    /// The algorithm that wrote the state.
    public var algorithm: String
    /// The clusterer's options, as it encodes them.
    public var options: Data
    /// The clusterer's counters, as it encodes them.
    public var counters: Data
    /// How many near-duplicate entries are saved.
    public var duplicateCount: Int
    /// How many writes the state has had (the store counts them; what is written here is ignored): a writer
    /// that finds the number it left knows nobody changed the state since, and may keep what it loaded.
    public var generation: Int64

    /// Creates the scalars.
    public init(algorithm: String, options: Data, counters: Data, duplicateCount: Int, generation: Int64 = 0) {
        self.algorithm = algorithm
        self.options = options
        self.counters = counters
        self.duplicateCount = duplicateCount
        self.generation = generation
    }
}

/// A clustering term as saved.
public struct TermRecord: Sendable, Hashable {
    /// Its id.
    public var id: Int32
    /// The stemmed word.
    public var word: String
    /// How many articles used it.
    public var frequency: Int32

    /// Creates a term.
    public init(id: Int32, word: String, frequency: Int32) {
        self.id = id
        self.word = word
        self.frequency = frequency
    }
}

/// A story's clustering state as saved: scalars the store can query, and the profile it keeps opaque.
public struct StoryStateRecord: Sendable, Hashable {
    /// Its creation number.
    public var seq: Int64
    /// The story (the article that started it).
    public var story: ArticleID
    /// How many articles it holds.
    public var size: Int
    /// The first and last publication times the clusterer saw (none for undated articles).
    public var firstSeen: Date?
    /// See `firstSeen`.
    public var lastSeen: Date?
    /// Whether it takes no more articles.
    public var isClosed: Bool
    /// The story it was merged into.
    public var mergedInto: ArticleID?
    /// Whether a person pinned it.
    public var isPinned: Bool
    /// The clusterer's profile bytes.
    public var profile: Data

    /// Creates a record.
    public init(
        seq: Int64, story: ArticleID, size: Int, firstSeen: Date?, lastSeen: Date?, isClosed: Bool,
        mergedInto: ArticleID?, isPinned: Bool, profile: Data
    ) {
        self.seq = seq
        self.story = story
        self.size = size
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isClosed = isClosed
        self.mergedInto = mergedInto
        self.isPinned = isPinned
        self.profile = profile
    }
}

/// A change to the term → story postings.
public enum PostingRecordChange: Sendable, Hashable {
    /// The story is indexed under the term at this position.
    case add(term: Int32, story: Int64, position: Int64)
    /// The story is no longer indexed under the term.
    case remove(term: Int32, story: Int64)
}

/// A near-duplicate entry as saved.
public struct DuplicateRecord: Sendable, Hashable {
    /// Its position in the index.
    public var position: Int32
    /// The article.
    public var article: ArticleID
    /// The position of its origin's first article.
    public var origin: Int32
    /// That article.
    public var originArticle: ArticleID
    /// Its MinHash signature's bytes.
    public var signature: Data
    /// Wire services it credits.
    public var credits: [String]
    /// Its LSH bucket keys (written, never read back: they follow from the signature).
    public var bucketKeys: [Int64]

    /// Creates an entry.
    public init(
        position: Int32, article: ArticleID, origin: Int32, originArticle: ArticleID, signature: Data,
        credits: [String], bucketKeys: [Int64]
    ) {
        self.position = position
        self.article = article
        self.origin = origin
        self.originArticle = originArticle
        self.signature = signature
        self.credits = credits
        self.bucketKeys = bucketKeys
    }
}

/// One batch of clustering as written: everything that changed, in one transaction.
public struct ClusteringWrite: Sendable {
    /// Stories created or changed.
    public var stories: [StoryStateRecord] = []
    /// Terms created or recounted.
    public var terms: [TermRecord] = []
    /// Posting changes, oldest first.
    public var postings: [PostingRecordChange] = []
    /// Pairs of stories kept apart, or no longer.
    public var keptApart: [(pair: String, kept: Bool)] = []
    /// Near-duplicate entries added.
    public var duplicates: [DuplicateRecord] = []
    /// The oldest near-duplicate position later lookups read: the buckets of older entries may be dropped.
    public var oldestDuplicateCompared: Int32 = 0
    /// Where articles went.
    public var assignments: [StoryAssignment] = []
    /// Stories whose articles now belong to another (`into` is where they are now).
    public var merges: [StoryMerge] = []
    /// The scalars after the batch.
    public var meta: ClusteringMeta
    /// Whether the schema-7 state was moved into the tables by this write (and can go).
    public var movedLegacyState = false

    /// A write of nothing but the scalars.
    public init(meta: ClusteringMeta) { self.meta = meta }
}

/// What clustering reads of an article: its words and times, not the rest of its row.
///
/// NB: SQLite keeps a long body in overflow pages and reads each column stored after it from the file again
/// (directly, past the page cache); the full `Article` row cost a dozen page reads an article at 1M stored.
public struct ClusteringInput: Sendable, Hashable {
    /// The article.
    public var id: ArticleID
    /// Its headline.
    public var title: String
    /// Its text.
    public var text: String
    /// When it was published, if known.
    public var published: Date?
    /// When it was stored.
    public var ingested: Date

    /// An article's clustering input.
    public init(id: ArticleID, title: String, text: String, published: Date?, ingested: Date) {
        self.id = id
        self.title = title
        self.text = text
        self.published = published
        self.ingested = ingested
    }
}
