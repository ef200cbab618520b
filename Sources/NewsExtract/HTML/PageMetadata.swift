public import Foundation

/// What a page says about itself, gathered from JSON-LD, OpenGraph, meta tags, `<time>`, bylines and the URL.
public struct PageMetadata: Sendable, Hashable {
    /// The headline, without the site-name suffix.
    public var title: String?
    /// Authors' names.
    public var authors: [String] = []
    /// When it was published.
    public var published: Date?
    /// When it was last modified.
    public var modified: Date?
    /// The site's name (`og:site_name`, JSON-LD publisher).
    public var siteName: String?
    /// The canonical URL.
    public var canonicalURL: String?
    /// The declared language (`<html lang>`, `og:locale`), as given.
    public var language: String?
    /// The page's own summary.
    public var description: String?
    /// The section it belongs to.
    public var section: String?
    /// Tags and keywords.
    public var tags: [String] = []
    /// The lead image's URL.
    public var image: String?
    /// The JSON-LD `@type`s found (`NewsArticle`, `BlogPosting`, …).
    public var schemaTypes: [String] = []
    /// `og:type`, if any.
    public var openGraphType: String?

    /// An empty record.
    public init() {}
}
