public import Foundation
public import NewsCore

/// One article of a story as the comparison needs it: its text, its analysis, and where it came from.
public struct CoverageArticle: Sendable, Hashable {
    /// The stored article's id.
    public var id: ArticleID
    /// The headline.
    public var title: String
    /// The text its analysis indexes.
    public var text: String
    /// The outlet that ran it ("unknown outlet" when the store does not know).
    public var outlet: String
    /// Who owns the outlet, from the source registry; outlets with one owner are one origin.
    public var owner: String?
    /// The first article of its near-duplicate group (itself when its text is its own).
    public var duplicateOf: ArticleID
    /// When it was published, if known.
    public var published: Date?
    /// What the text analysis found in `text`.
    public var analysis: ArticleAnalysis

    /// Creates an article for comparison.
    public init(
        id: ArticleID, title: String, text: String, outlet: String, owner: String? = nil, duplicateOf: ArticleID? = nil,
        published: Date? = nil, analysis: ArticleAnalysis
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.outlet = outlet
        self.owner = owner
        self.duplicateOf = duplicateOf ?? id
        self.published = published
        self.analysis = analysis
    }
}
