public import Foundation
internal import NewsCore

/// A parsed feed: its own facts and its items, whatever format it came in.
public struct Feed: Sendable, Hashable {
    /// The format it was written in.
    public var format: FeedFormat
    /// Its title.
    public var title: String?
    /// The site it belongs to (`<link>` / `home_page_url`).
    public var siteURL: String?
    /// Its description or subtitle.
    public var description: String?
    /// Its language, as declared.
    public var language: String?
    /// RSS `<ttl>`: minutes the publisher asks readers to wait between polls.
    public var timeToLiveMinutes: Int?
    /// The items, in the feed's order.
    public var items: [FeedItem]

    /// Creates a feed.
    public init(
        format: FeedFormat, title: String? = nil, siteURL: String? = nil, description: String? = nil,
        language: String? = nil, timeToLiveMinutes: Int? = nil, items: [FeedItem] = []
    ) {
        self.format = format
        self.title = title
        self.siteURL = siteURL
        self.description = description
        self.language = language
        self.timeToLiveMinutes = timeToLiveMinutes
        self.items = items
    }
}

/// The feed formats read.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable {
    /// RSS 2.0 (and 0.9x).
    case rss
    /// RSS 1.0, RDF.
    case rdf
    /// Atom 1.0.
    case atom
    /// JSON Feed 1.0 and 1.1.
    case jsonFeed = "json-feed"
}

/// One item of a feed.
public struct FeedItem: Sendable, Hashable {
    /// Its identifier (`guid`, Atom `id`, `rdf:about`, JSON Feed `id`), else its link.
    public var id: String?
    /// Its headline, as plain text.
    public var title: String?
    /// The article's address, absolute, tracking parameters removed.
    public var url: String?
    /// When it was published.
    public var published: Date?
    /// When it was last updated.
    public var updated: Date?
    /// Its authors (`author`, `dc:creator`, Atom and JSON Feed authors).
    public var authors: [String] = []
    /// Its categories and tags.
    public var categories: [String] = []
    /// The summary, as HTML (RSS `description`, Atom `summary`, JSON Feed `summary`).
    public var summaryHTML: String?
    /// The full content, as HTML (`content:encoded`, Atom `content`, JSON Feed `content_html`/`content_text`).
    public var contentHTML: String?
    /// The outlet it credits when it republishes (`<source>`, Atom `source`).
    public var source: FeedSource?
    /// Attached media (`enclosure`, Atom `rel="enclosure"`, JSON Feed `attachments`).
    public var enclosures: [FeedEnclosure] = []

    /// Creates an item.
    public init(id: String? = nil, title: String? = nil, url: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
    }
}

/// The outlet an item credits.
public struct FeedSource: Sendable, Hashable {
    /// Its name.
    public var name: String?
    /// Its feed or site address.
    public var url: String?

    /// Creates a source.
    public init(name: String?, url: String?) {
        self.name = name
        self.url = url
    }
}

/// A file attached to an item.
public struct FeedEnclosure: Sendable, Hashable {
    /// Its address.
    public var url: String
    /// Its media type.
    public var type: String?
    /// Its size in bytes, when given.
    public var length: Int?

    /// Creates an enclosure.
    public init(url: String, type: String?, length: Int?) {
        self.url = url
        self.type = type
        self.length = length
    }
}

/// Why bytes could not be read as a feed.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code (`feed.html`, `feed.malformed`, `feed.unknown-format`, `feed.empty`, `feed.too-deep`).
    public var code: String
    /// One line for a person.
    public var reason: String

    /// Creates an error.
    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason }
}

extension FeedItem {
    /// What identifies the item within its feed across polls: its id, else its link, else a digest of its
    /// title and summary.
    public var key: String {
        if let id, !id.isEmpty { return id }
        if let url, !url.isEmpty { return url }
        let digest = SHA256.hash(Array(((title ?? "") + "\u{1F}" + (summaryHTML ?? contentHTML ?? "")).utf8))
        return "sha256:" + SHA256.hex(digest.prefix(16))
    }
}
