public import Foundation
public import NewsCore

/// An article draft on its way into a store, with what the ingest shell knows of its arrival.
public struct IncomingArticle: Sendable, Hashable {
    /// The parsed article.
    public var draft: ArticleDraft
    /// When it was ingested; the shell reads the clock, stores never do.
    public var ingested: Date
    /// The file it came from, or `-` for standard input.
    public var inputName: String

    /// Creates an incoming article.
    public init(draft: ArticleDraft, ingested: Date, inputName: String) {
        self.draft = draft
        self.ingested = ingested
        self.inputName = inputName
    }
}

/// What adding one article did.
public enum AddResult: Sendable, Hashable {
    /// Stored as a new article.
    case added(ArticleID)
    /// Its content hash was already stored; nothing changed.
    case duplicate(of: ArticleID)

    /// The id the article has in the store, new or old.
    public var id: ArticleID {
        switch self {
        case .added(let id), .duplicate(of: let id): id
        }
    }
}
