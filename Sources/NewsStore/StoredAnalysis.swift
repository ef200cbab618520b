public import Foundation
public import NewsCore

/// An article's text analysis as stored, with the algorithm that made it, so stale ones can be redone.
public struct StoredAnalysis: Sendable, Hashable {
    /// The article analysed.
    public var articleID: ArticleID
    /// The analysis; its `algorithm` names what made it.
    public var analysis: ArticleAnalysis
    /// When it was made.
    public var analysedAt: Date

    /// Creates a stored analysis.
    public init(articleID: ArticleID, analysis: ArticleAnalysis, analysedAt: Date) {
        self.articleID = articleID
        self.analysis = analysis
        self.analysedAt = analysedAt
    }
}
