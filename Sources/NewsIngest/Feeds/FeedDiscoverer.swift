internal import Foundation
public import NewsFeeds
public import NewsFetch
public import NewsStore

/// Finds the feed behind an address a person gives: the address itself when it is a feed, else the feeds
/// its page announces (`<link rel="alternate">`), else the usual feed paths of the site.
public struct FeedDiscoverer: Sendable {
    /// A feed found and read.
    public struct Found: Sendable {
        /// The feed's address (after redirects).
        public var url: String
        /// The feed as read now.
        public var feed: Feed
        /// Other feeds the page announced, when the address was a page.
        public var alternatives: [FeedDiscovery.Link]

        /// The registry's outlet whose domain is the feed's site's, else the feed's title, else its host.
        public func outlet(among outlets: [SourceRecord]) -> String {
            let host = URLComponents(string: feed.siteURL ?? url)?.host?.lowercased() ?? ""
            let domain = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            if let known = outlets.first(where: { $0.domain?.lowercased() == domain && !domain.isEmpty }) {
                return known.name
            }
            if let title = feed.title?.trimmingCharacters(in: .whitespaces), !title.isEmpty { return title }
            return domain.isEmpty ? url : domain
        }

        /// The subscription to make for it.
        public func subscription(
            source: String?, among outlets: [SourceRecord], folder: String? = nil, categories: [String] = []
        ) -> NewFeed {
            NewFeed(
                url: url, source: source ?? outlet(among: outlets), title: feed.title, siteURL: feed.siteURL,
                folder: folder, categories: categories)
        }
    }

    /// Why no feed was found.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// A stable code: a fetch or feed error's, or `feed.not-found`.
        public var code: String
        /// One line naming the address.
        public var reason: String

        public var description: String { reason }
    }

    /// How requests are made.
    public let fetcher: HTTPFetcher

    /// Creates a discoverer.
    public init(fetcher: HTTPFetcher) { self.fetcher = fetcher }

    /// Paths tried on the site when a page announces no feed.
    static let usualPaths = ["/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed.json"]

    /// The feed at or behind `address` (a scheme is added when missing: `voanews.com` → `https://voanews.com`).
    public func find(_ address: String) async -> Result<Found, Failure> {
        var address = address.trimmingCharacters(in: .whitespaces)
        if !address.contains("://") { address = "https://" + address }
        guard let url = FeedURL.clean(address) else {
            return .failure(Failure(code: "fetch.bad-url", reason: "\(address) is not an http(s) address"))
        }
        let first: (FetchResponse, Result<Feed, FeedError>)
        switch await read(url) {
        case .success(let value): first = value
        case .failure(let error): return .failure(Failure(code: error.code.rawValue, reason: error.reason))
        }
        let (response, parsed) = first
        if case .success(let feed) = parsed { return .success(Found(url: response.url, feed: feed, alternatives: [])) }
        if case .failure(let error) = parsed, error.code != "feed.html" {
            return .failure(Failure(code: error.code, reason: "\(response.url): \(error.reason)"))
        }
        let page = String(decoding: response.body, as: UTF8.self)
        let links = FeedDiscovery.links(in: page, pageURL: response.url)
        var candidates = links.map(\.url)
        if candidates.isEmpty, let components = URLComponents(string: response.url), let host = components.host {
            let origin = "\(components.scheme ?? "https")://\(host)" + (components.port.map { ":\($0)" } ?? "")
            candidates = Self.usualPaths.map { origin + $0 }
        }
        for candidate in candidates {
            guard case .success(let (feedResponse, .success(feed))) = await read(candidate) else { continue }
            return .success(
                Found(url: feedResponse.url, feed: feed, alternatives: links.filter { $0.url != candidate }))
        }
        return .failure(
            Failure(
                code: "feed.not-found",
                reason: links.isEmpty
                    ? "\(response.url) is a web page that announces no feed, and none of the usual feed paths answered"
                    : "\(response.url) announces \(links.count) feed(s) but none could be read"))
    }

    private func read(_ url: String) async -> Result<(FetchResponse, Result<Feed, FeedError>), FetchError> {
        do {
            let response = try await fetcher.fetch(
                FetchRequest(
                    url: url,
                    accept: "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.8",
                    maxBytes: 20 << 20))
            let parsed = FeedParser().parse(
                response.body, contentType: response.headers["content-type"], url: response.url)
            return .success((response, parsed))
        } catch {
            return .failure(error)
        }
    }
}
