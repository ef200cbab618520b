public import Foundation
public import NewsFetch
public import NewsIngest

/// How `corroborate serve` runs.
public struct ServerConfiguration: Sendable {
    /// The largest request body taken (forms and JSON are small; anything bigger is refused with 413).
    public static let defaultMaxBodyBytes = 64 << 10

    /// The address to listen on; 127.0.0.1 keeps the server to this machine.
    public var host = "127.0.0.1"
    /// The port; 0 takes any free one (tests).
    public var port = 8080
    /// Whether reading (pages and API) needs a token too; writing always does.
    public var readsNeedToken = false
    /// Whether the server polls feeds when they are due.
    public var pollFeeds = true
    /// How feeds and pages are fetched.
    public var fetchPolicy = FetchPolicy()
    /// How polls run.
    public var pollOptions = FeedPollOptions()
    /// The longest the poller waits before looking for due feeds again (new subscriptions are seen then).
    public var pollCheckInterval: Duration = .seconds(60)
    /// The largest request body taken.
    public var maxBodyBytes = defaultMaxBodyBytes
    /// How many bytes of story renderings are kept in memory (the store keeps them all).
    public var renderingCacheBytes = 64 << 20
    /// The address links in feeds out start with (`https://news.example.org`); by default the request's Host.
    public var publicURL: String?
    /// Host names answered besides the always-allowed ones (see `HostAllowList`); `*` allows any.
    public var allowedHosts: [String] = []
    /// Where the templates and static files are; by default, beside the program.
    public var resourcesFolder: URL?

    /// The defaults.
    public init() {}
}
