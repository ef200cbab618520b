public import Foundation
public import NewsFeeds

/// How feeds are polled.
public struct FeedPollOptions: Sendable {
    /// Feeds fetched at once (each host is further limited by the fetcher's policy).
    public var concurrency = 32
    /// Largest feed accepted.
    public var maxFeedBytes = 20 << 20
    /// Largest article page accepted.
    public var maxPageBytes = 5 << 20
    /// Whether items carrying only a summary get their linked page fetched and extracted.
    public var fetchPages = true
    /// Pages fetched at once for one feed.
    public var pagesPerFeed = 4
    /// Item content shorter than this many characters is a summary, not the article.
    public var minimumContentCharacters = 500
    /// When feeds are next due.
    public var schedule = FeedSchedule()
    /// While a feed's pages are fetched, its finished items are saved this many at a time, or every
    /// `saveInterval`, whichever comes first, so an interrupted poll keeps what it finished.
    public var saveEvery = 25
    /// See `saveEvery`.
    public var saveInterval: Duration = .seconds(10)

    /// The defaults.
    public init() {}
}

/// What polling one feed did.
public struct FeedPollOutcome: Sendable, Hashable, Codable {
    /// How the poll went.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Fetched and read.
        case fetched
        /// The server said nothing changed (304).
        case unchanged
        /// It failed; see `errorCode` and `error`.
        case failed
    }

    /// The feed's id.
    public var feed: Int64
    /// Its address.
    public var url: String
    /// Its outlet.
    public var source: String
    /// How the poll went.
    public var status: Status
    /// The failure's stable code (`fetch.timeout`, `feed.malformed`, ...).
    public var errorCode: String?
    /// The failure's reason.
    public var error: String?
    /// The HTTP status, when a response came.
    public var httpStatus: Int?
    /// Items in the feed.
    public var items = 0
    /// Items not handled before.
    public var newItems = 0
    /// Articles stored.
    public var added = 0
    /// Articles already stored (same outlet, title and text).
    public var duplicates = 0
    /// Linked pages fetched.
    public var pagesFetched = 0
    /// Items whose page could not be fetched or extracted (retried at later polls, a few times).
    public var pageProblems: [String] = []
    /// Failures in a row, this one included.
    public var failures = 0
    /// When it is next due.
    public var nextCheck: Date
    /// How long the poll took.
    public var milliseconds = 0
}

/// What a round of polling did.
public struct FeedPollReport: Sendable, Hashable {
    /// One outcome per feed, in the order they finished.
    public var outcomes: [FeedPollOutcome]

    /// A report of these outcomes (a round polled in parts adds each part's).
    public init(outcomes: [FeedPollOutcome] = []) { self.outcomes = outcomes }

    /// Articles stored in all.
    public var added: Int { outcomes.reduce(0) { $0 + $1.added } }
    /// Feeds that failed.
    public var failed: Int { outcomes.count { $0.status == .failed } }
    /// Feeds unchanged since the last poll.
    public var unchanged: Int { outcomes.count { $0.status == .unchanged } }
}

/// Where a round of polling is.
public struct FeedPollProgress: Sendable {
    /// Feeds done.
    public var done: Int
    /// Feeds in the round.
    public var total: Int
    /// Articles stored so far.
    public var added: Int
    /// Feeds failed so far.
    public var failed: Int
    /// The outcome just finished.
    public var last: FeedPollOutcome
}
