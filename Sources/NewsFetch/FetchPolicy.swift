/// How the fetcher behaves: limits, timeouts, politeness and which addresses it may reach.
public struct FetchPolicy: Sendable, Hashable {
    /// Sent as `User-Agent`; its first word is the product token matched in robots.txt.
    public var userAgent = "Corroborate/0.1 (+https://github.com/corroborate/corroborate; news coverage reader)"
    /// The robots.txt product token.
    public var robotsToken = "corroborate"
    /// Longest wait for a connection.
    public var connectTimeout: Duration = .seconds(10)
    /// Longest wait between two reads of the response.
    public var readTimeout: Duration = .seconds(20)
    /// Longest time for a whole response, redirects included: a host that trickles bytes cannot hold a slot.
    public var totalTimeout: Duration = .seconds(60)
    /// Redirects followed before giving up.
    public var maxRedirects = 5
    /// Largest body accepted, after decompression; a request's own cap can only be smaller.
    public var maxBytes = 20 << 20
    /// Requests in flight to one host at once.
    public var perHostConcurrency = 2
    /// Least time between the starts of two requests to one host.
    public var perHostInterval: Duration = .milliseconds(250)
    /// Longest `Crawl-delay` from robots.txt honoured (a larger one is cut to this).
    public var maxCrawlDelay: Duration = .seconds(30)
    /// Which addresses may be reached.
    public var addresses = AddressPolicy.publicOnly

    /// The default policy.
    public init() {}
}
