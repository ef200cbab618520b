/// What the extractor found in a page: its metadata, its content as typed blocks and plain text, and, when
/// the page is not a storable article, why.
public struct ExtractedPage: Sendable, Hashable {
    /// Metadata from structured data, meta tags, bylines and the URL.
    public var metadata: PageMetadata
    /// The page's publication day as written on it (`YYYY-MM-DD`), which a time zone conversion of
    /// `metadata.published` could shift.
    public var publishedDay: String?
    /// The main content, in document order.
    public var blocks: [ContentBlock]
    /// Where the text came from: `dom` (the scored content), `noscript` (the copy a script-drawn page keeps in
    /// `<noscript>`), `hidden` (elements hidden until a script runs, when nothing visible had text) or `json-ld`
    /// (its `articleBody`).
    public var source: String
    /// The charset the page was decoded from.
    public var charset: String
    /// Why the page is not stored as an article, if it is not; the content is still reported.
    public var rejection: ExtractionRejection?
    /// What kind of page it is; each kind is read its own way.
    public var pageType: PageType = .article

    /// Creates a result.
    public init(
        metadata: PageMetadata, publishedDay: String?, blocks: [ContentBlock], source: String, charset: String,
        rejection: ExtractionRejection?
    ) {
        self.metadata = metadata
        self.publishedDay = publishedDay
        self.blocks = blocks
        self.source = source
        self.charset = charset
        self.rejection = rejection
    }

    /// The body text: body blocks (captions and credits left out), separated by blank lines.
    public var text: String { blocks.filter(\.isBodyText).map(\.text).joined(separator: "\n\n") }
}
