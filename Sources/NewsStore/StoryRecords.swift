public import Foundation
public import NewsCore

/// A story as stores list it.
public struct StorySummary: Sendable, Hashable {
    /// Its id: the id of the article that started it.
    public var id: ArticleID
    /// The headline of the article that started it.
    public var title: String
    /// How many articles it holds.
    public var articleCount: Int
    /// How many independent origins they come from (wire copies count once).
    public var originCount: Int
    /// How many outlets ran it.
    public var sourceCount: Int
    /// Its first and last articles' times (publication, else ingestion).
    public var firstSeen: Date?
    /// See `firstSeen`.
    public var lastSeen: Date?
    /// Whether it went quiet and takes no more articles.
    public var isClosed: Bool
    /// Whether a person pinned it (it never closes or merges away).
    public var isPinned = false

    /// Creates a summary.
    public init(
        id: ArticleID, title: String, articleCount: Int, originCount: Int, sourceCount: Int, firstSeen: Date?,
        lastSeen: Date?, isClosed: Bool, isPinned: Bool = false
    ) {
        self.isPinned = isPinned
        self.id = id
        self.title = title
        self.articleCount = articleCount
        self.originCount = originCount
        self.sourceCount = sourceCount
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.isClosed = isClosed
    }
}

/// Where clustering put an article, with why (the reason as the clusterer's JSON).
public struct StoryAssignment: Sendable, Hashable {
    /// The article.
    public var article: ArticleID
    /// Its story.
    public var story: ArticleID
    /// The first article of its near-duplicate group (itself when independent).
    public var origin: ArticleID
    /// `identical`, `wireCopy` or `independent`.
    public var relation: String
    /// The score it joined its story with (0 when it started it).
    public var score: Double
    /// Why, as JSON: the score's parts, shared terms and names, the runner-up.
    public var reason: String

    /// Creates an assignment.
    public init(
        article: ArticleID, story: ArticleID, origin: ArticleID, relation: String, score: Double, reason: String
    ) {
        self.article = article
        self.story = story
        self.origin = origin
        self.relation = relation
        self.score = score
        self.reason = reason
    }
}

/// One story merged into another: every article of `from` now belongs to `into`.
public struct StoryMerge: Sendable, Hashable {
    /// The story merged away.
    public var from: ArticleID
    /// The story that took its articles.
    public var into: ArticleID

    /// Creates a merge.
    public init(from: ArticleID, into: ArticleID) {
        self.from = from
        self.into = into
    }
}

/// The clusterer's saved state: opaque to the store.
public struct ClusteringState: Sendable, Hashable {
    /// The algorithm that wrote it; a different one starts afresh.
    public var algorithm: String
    /// The story clusterer's state.
    public var clusterer: Data
    /// The near-duplicate index's state.
    public var duplicates: Data

    /// Creates a state.
    public init(algorithm: String, clusterer: Data, duplicates: Data) {
        self.algorithm = algorithm
        self.clusterer = clusterer
        self.duplicates = duplicates
    }
}
