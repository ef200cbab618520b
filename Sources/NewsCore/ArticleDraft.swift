public import Foundation

/// An article parsed from its input and not yet stored: everything but the store's id and ingest time.
public struct ArticleDraft: Sendable, Hashable {
    /// The headline, whitespace-folded, at most `maxTitleCharacters` long.
    public var title: String {
        didSet { if title.count > Self.maxTitleCharacters { title = Self.capped(title) } }
    }
    /// The clean body text: paragraphs separated by one blank line.
    public var text: String
    /// The outlet that published it, as named by the input (`"VOA"`, `"TRT World"`), if known.
    public var source: String?
    /// Where it was published, if known.
    public var url: String?
    /// When it was published, if known.
    public var published: Date?
    /// Its language, if the input says or detection is sure.
    public var language: LanguageCode?
    /// Its authors, as the input names them.
    public var authors: [String]
    /// The bytes it was parsed from (the whole file, or its line in a JSON Lines file).
    public var raw: [UInt8]
    /// How `raw` is to be read.
    public var format: InputFormat
    /// The charset `raw` was decoded from (`"UTF-8"`, or the fallback's name).
    public var charset: String
    /// The record's own id (its `"id"` field), if it has one: `cluster` names its output by it.
    public var recordID: String?

    /// The longest title kept, in characters: a headline is a line, and a megabyte "title" made every page that
    /// shows it megabytes long.
    public static let maxTitleCharacters = 500

    /// A title cut to `maxTitleCharacters` at a word, with an ellipsis, when it is longer.
    static func capped(_ title: String) -> String {
        guard title.count > maxTitleCharacters else { return title }
        let head = title.prefix(maxTitleCharacters)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(cut) + "…"
    }

    /// Creates a draft; `text` is kept as given, so callers normalise it first; a title longer than
    /// `maxTitleCharacters` is cut.
    public init(
        title: String, text: String, source: String? = nil, url: String? = nil, published: Date? = nil,
        language: LanguageCode? = nil, authors: [String] = [], raw: [UInt8], format: InputFormat,
        charset: String = "UTF-8"
    ) {
        self.title = Self.capped(title)
        self.text = text
        self.source = source
        self.url = url
        self.published = published
        self.language = language
        self.authors = authors
        self.raw = raw
        self.format = format
        self.charset = charset
    }

    /// The identity the store deduplicates on.
    public var contentHash: ContentHash { ContentHash(source: source, title: title, text: text) }
}
