/// One block of an extracted page, typed so that captions and credits stay apart from body text.
public struct ContentBlock: Sendable, Hashable, Codable {
    /// What a block is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A body paragraph.
        case paragraph
        /// A heading inside the article (its level is in `level`).
        case heading
        /// An item of a list.
        case listItem = "list-item"
        /// A quoted passage (`<blockquote>`).
        case quote
        /// An image or video caption: kept, but not body text.
        case caption
        /// A photo credit: kept, but not body text.
        case credit
        /// Preformatted text (code, verse), line breaks kept.
        case preformatted
        /// A table row, cells separated by tabs.
        case tableRow = "table-row"
    }

    /// What it is.
    public var kind: Kind
    /// Its text, white space folded (line breaks kept in preformatted text).
    public var text: String
    /// The heading level, 1–6, for headings.
    public var level: Int?

    /// Creates a block.
    public init(kind: Kind, text: String, level: Int? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
    }

    /// Whether the block is part of the article's body text (captions and credits are not).
    public var isBodyText: Bool { kind != .caption && kind != .credit }
}
