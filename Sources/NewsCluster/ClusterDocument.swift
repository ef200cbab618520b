public import Foundation

/// An article as the clusterer sees it.
public struct ClusterDocument: Sendable, Hashable {
    /// The caller's id for it (stable: it names the stories it starts).
    public var id: String
    /// Its headline.
    public var title: String
    /// Its text.
    public var text: String
    /// When it was published, if known; without it, time plays no part.
    public var published: Date?

    /// Creates a document.
    public init(id: String, title: String, text: String, published: Date?) {
        self.id = id
        self.title = title
        self.text = text
        self.published = published
    }
}
