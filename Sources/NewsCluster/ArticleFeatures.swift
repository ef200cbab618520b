public import Foundation

/// What the clusterer compares: an article's stemmed term counts (headline words weighted up) and the names it
/// mentions, with its time.
public struct ArticleFeatures: Sendable, Hashable {
    /// The article's id.
    public var id: String
    /// When it was published, if known.
    public var published: Date?
    /// Stemmed terms with their weighted counts.
    public var terms: [String: Double]
    /// Capitalised words it mentions inside sentences (lower-cased), a cheap stand-in for its entities.
    public var names: Set<String>
    /// The terms (stems) of the names its body mentions: what they share says who, not what happened.
    public var nameTerms: Set<String>

    /// Creates features.
    public init(
        id: String, published: Date?, terms: [String: Double], names: Set<String>, nameTerms: Set<String> = []
    ) {
        self.id = id
        self.published = published
        self.terms = terms
        self.names = names
        self.nameTerms = nameTerms
    }
}
