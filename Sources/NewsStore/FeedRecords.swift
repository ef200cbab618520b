public import Foundation
public import NewsCore

/// A feed subscription, with what the last polls found.
public struct FeedRecord: Sendable, Hashable, Codable {
    /// The store's id for it.
    public var id: Int64
    /// The feed's address.
    public var url: String
    /// Its title, as the feed gives it (or the subscription list did).
    public var title: String?
    /// The site it belongs to.
    public var siteURL: String?
    /// The outlet (in the source registry) whose articles it carries.
    public var source: String
    /// The folder it sits in, `/`-separated (from OPML outlines).
    public var folder: String?
    /// Its categories (from OPML).
    public var categories: [String]
    /// When it was subscribed to.
    public var added: Date
    /// The `ETag` of the last copy read, for conditional GETs.
    public var etag: String?
    /// The `Last-Modified` of the last copy read.
    public var lastModified: String?
    /// When it was last polled, successfully or not.
    public var lastChecked: Date?
    /// When a poll last succeeded (fetched or unchanged).
    public var lastSuccess: Date?
    /// When it is next due.
    public var nextCheck: Date?
    /// Polls failed in a row (0 when the last one worked); decides the back-off.
    public var failures: Int
    /// The last failure's stable code, while it is failing.
    public var errorCode: String?
    /// The last failure's reason, while it is failing.
    public var error: String?
    /// The last HTTP status seen.
    public var lastStatus: Int?
    /// Items seen in it so far.
    public var itemCount: Int
    /// Articles stored from it so far.
    public var articleCount: Int

    /// Creates a record.
    public init(id: Int64, url: String, source: String, added: Date) {
        self.id = id
        self.url = url
        self.source = source
        self.added = added
        self.categories = []
        self.failures = 0
        self.itemCount = 0
        self.articleCount = 0
    }
}

/// A subscription to add.
public struct NewFeed: Sendable, Hashable {
    /// The feed's address.
    public var url: String
    /// The outlet it belongs to; created in the source registry when new.
    public var source: String
    /// Its title, if known.
    public var title: String?
    /// Its site, if known; the outlet's domain is filled from it when the outlet has none.
    public var siteURL: String?
    /// Its folder, `/`-separated.
    public var folder: String?
    /// Its categories.
    public var categories: [String]

    /// Creates a subscription.
    public init(
        url: String, source: String, title: String? = nil, siteURL: String? = nil, folder: String? = nil,
        categories: [String] = []
    ) {
        self.url = url
        self.source = source
        self.title = title
        self.siteURL = siteURL
        self.folder = folder
        self.categories = categories
    }
}

/// What adding a subscription did.
public enum FeedAddResult: Sendable, Hashable {
    /// Subscribed.
    case added(FeedRecord)
    /// Already subscribed (same address); left as it was.
    case existing(FeedRecord)

    /// The subscription, new or old.
    public var record: FeedRecord {
        switch self {
        case .added(let record), .existing(let record): record
        }
    }
}

/// One item of a feed as kept: which article it became and what the feed said of it beyond the article.
public struct FeedItemRecord: Sendable, Hashable, Codable {
    /// What identifies it within its feed (guid, else link, else a hash of its title and summary).
    public var key: String
    /// The article it became, if it became one.
    public var article: ArticleID?
    /// The item's link.
    public var url: String?
    /// Its categories and tags.
    public var categories: [String]
    /// The outlet it credits (`<source>`), if any.
    public var creditedSource: String?
    /// The credited outlet's address.
    public var creditedSourceURL: String?
    /// Attached media.
    public var enclosures: [FeedItemEnclosure]
    /// Why it did not become an article (its page could not be fetched or extracted), if it did not.
    public var problem: String?

    /// Creates a record.
    public init(
        key: String, article: ArticleID? = nil, url: String? = nil, categories: [String] = [],
        creditedSource: String? = nil, creditedSourceURL: String? = nil, enclosures: [FeedItemEnclosure] = [],
        problem: String? = nil
    ) {
        self.key = key
        self.article = article
        self.url = url
        self.categories = categories
        self.creditedSource = creditedSource
        self.creditedSourceURL = creditedSourceURL
        self.enclosures = enclosures
        self.problem = problem
    }
}

/// A file attached to a feed item.
public struct FeedItemEnclosure: Sendable, Hashable, Codable {
    /// Its address.
    public var url: String
    /// Its media type.
    public var type: String?
    /// Its size in bytes.
    public var length: Int?

    /// Creates an enclosure.
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// What one poll of a feed found, saved in one transaction.
public struct FeedPoll: Sendable, Hashable {
    /// The feed.
    public var feed: Int64
    /// When it was polled.
    public var checked: Date
    /// When it is next due.
    public var nextCheck: Date
    /// The HTTP status, if a response came.
    public var status: Int?
    /// Whether it worked (fetched and parsed, or unchanged).
    public var succeeded: Bool
    /// The failure's code and reason, when it did not.
    public var errorCode: String?
    /// See `errorCode`.
    public var error: String?
    /// The new `ETag`, when the feed was fetched.
    public var etag: String?
    /// The new `Last-Modified`.
    public var lastModified: String?
    /// The feed's title, when fetched.
    public var title: String?
    /// The feed's site, when fetched.
    public var siteURL: String?
    /// Items handled in this poll.
    public var items: [FeedItemRecord]

    /// Creates a poll result.
    public init(feed: Int64, checked: Date, nextCheck: Date, succeeded: Bool, items: [FeedItemRecord] = []) {
        self.feed = feed
        self.checked = checked
        self.nextCheck = nextCheck
        self.succeeded = succeeded
        self.items = items
    }
}
