/// Which stored articles a listing wants, newest ingested first.
public struct ArticleQuery: Sendable, Hashable {
    /// At most this many.
    public var limit: Int
    /// Skip this many first.
    public var offset: Int
    /// Only this outlet's, matched case-insensitively.
    public var source: String?

    /// Creates a query.
    public init(limit: Int = 50, offset: Int = 0, source: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.source = source
    }
}

/// A full-text search: words are matched by their stems, all must occur; `"quoted phrases"` match in order;
/// a trailing `*` matches a prefix.
public struct SearchQuery: Sendable, Hashable {
    /// What the user typed.
    public var text: String
    /// At most this many hits.
    public var limit: Int

    /// Creates a search.
    public init(_ text: String, limit: Int = 20) {
        self.text = text
        self.limit = limit
    }
}
