public import Foundation
public import NewsCore

/// A search a person saved by name, so it can be rerun and followed as a feed.
public struct SavedSearch: Sendable, Hashable, Codable {
    /// The store's id for it.
    public var id: Int64
    /// Its name, as the person gave it.
    public var name: String
    /// The full-text query.
    public var query: String
    /// When it was saved.
    public var created: Date

    /// Creates a saved search.
    public init(id: Int64, name: String, query: String, created: Date) {
        self.id = id
        self.name = name
        self.query = query
        self.created = created
    }
}

/// An API token as the store keeps it: its secret only as a SHA-256 hash, never the token itself.
public struct APITokenRecord: Sendable, Hashable, Codable {
    /// The store's id for it.
    public var id: Int64
    /// What it is for, as the person named it.
    public var name: String
    /// The token's SHA-256, as lowercase hex.
    public var hash: String
    /// When it was made.
    public var created: Date

    /// Creates a record.
    public init(id: Int64, name: String, hash: String, created: Date) {
        self.id = id
        self.name = name
        self.hash = hash
        self.created = created
    }
}

/// How stories are listed.
public enum StoryOrder: String, Sendable, Hashable, CaseIterable {
    /// Most recently active first.
    case newest
    /// Most independent origins first (then most recently active), among stories active since a date.
    case coverage
}

/// A rendering of a story kept so it need not be recomputed: valid while its fingerprint (the story's
/// members, the algorithms and the templates that made it) is the same.
public struct CachedRendering: Sendable, Hashable {
    /// The story.
    public var story: ArticleID
    /// What it is (`comparison.json`, `page.html`).
    public var kind: String
    /// What it was made from.
    public var fingerprint: String
    /// The bytes.
    public var body: Data

    /// Creates a rendering.
    public init(story: ArticleID, kind: String, fingerprint: String, body: Data) {
        self.story = story
        self.kind = kind
        self.fingerprint = fingerprint
        self.body = body
    }
}
