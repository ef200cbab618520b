internal import Foundation
internal import NewsCore

/// Extracts the article from an HTML page: decode, parse (gumbo), prune boilerplate, score the content,
/// collect typed blocks, read metadata; then decide whether it is a storable article.
///
/// Pure: bytes in, value out. Memory is proportional to the page; nothing recurses on the page's structure,
/// so any nesting depth is safe.
public struct HTMLExtractor: Sendable {
    /// The extraction algorithm's identifier, stored with results; a behaviour change takes a new one.
    public static let algorithm = "corroborate-html.v1"

    /// Options of the extractor.
    public struct Options: Sendable, Hashable {
        /// Main text shorter than this is a `tooShort` rejection.
        public var minimumCharacters: Int
        /// Charset for undeclared pages that are not UTF-8.
        public var fallback: FallbackCharset
        /// Pages larger than this are cut before parsing (their text is rarely past the first megabytes).
        public var maximumBytes: Int
        /// Pages nesting elements deeper than this are rejected before parsing (see `RawTextStripper.Nesting`).
        public var maximumDepth = 5000

        /// Creates options with the documented defaults: 250 characters, windows-1252, 32 MiB.
        public init(
            minimumCharacters: Int = 250, fallback: FallbackCharset = .windows1252, maximumBytes: Int = 32 << 20
        ) {
            self.minimumCharacters = minimumCharacters
            self.fallback = fallback
            self.maximumBytes = maximumBytes
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates an extractor.
    public init(options: Options = Options()) { self.options = options }

    /// Extracts a page. `url` helps with dates and site names; `contentType` is the HTTP header, if any.
    public func extract(_ bytes: [UInt8], url: String? = nil, contentType: String? = nil) -> ExtractedPage {
        let input = bytes.count > options.maximumBytes ? Array(bytes.prefix(options.maximumBytes)) : bytes
        if case .failure(let rejection) = TextDecoding().decode(Array(input.prefix(8192))), case .binary = rejection {
            return Self.rejected(rejection, charset: "binary")
        }
        let decoded = HTMLDecoding(fallback: options.fallback).decode(input, contentType: contentType)
        guard !Whitespace.isBlank(decoded.text) else { return Self.rejected(.empty, charset: decoded.charset) }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(html: decoded.text, maximumDepth: options.maximumDepth)
        } catch {
            return Self.rejected(.tooDeep(depth: error.depth, limit: options.maximumDepth), charset: decoded.charset)
        }
        guard !document.nodes.isEmpty else { return Self.rejected(.empty, charset: decoded.charset) }

        let (metadata, articleBody, publishedDay) = MetadataExtractor(document: document, url: url).extract()
        let classifier = PageTypeClassifier(metadata: metadata, url: url)
        let declared = classifier.declaredType()
        var analysis = PageAnalysis(document, pageType: declared ?? .article)
        let pageType = declared ?? classifier.typeByShape(analysis)
        if declared == nil, pageType == .forum || pageType == .listing {
            // NB: a second pass only for the pages whose shape, not their markup, says they read differently.
            analysis = PageAnalysis(document, pageType: pageType)
        }
        var blocks = Self.blocks(analysis, title: metadata.title)
        var source = "dom"
        var domLength = Self.bodyLength(blocks)
        /// Reads the page again as `reading` sees it and keeps that reading when it gives more body text, and at
        /// least `minimum` bytes of it.
        func reread(_ reading: PageAnalysis, as name: String, minimum: Int = 0) {
            let fallback = Self.blocks(reading, title: metadata.title)
            let fallbackLength = Self.bodyLength(fallback)
            if fallbackLength > domLength, fallbackLength >= minimum {
                (analysis, blocks, domLength, source) = (reading, fallback, fallbackLength, name)
            }
        }
        if domLength < options.minimumCharacters, Self.hasMarkupInNoscript(document) {
            // A page drawn by script keeps its readable copy in <noscript> (Discourse's crawler view): read it
            // when the rest of the page gave too little. NB: only then, so ordinary pages take one pass.
            reread(PageAnalysis(document, readingNoscript: true, pageType: pageType), as: "noscript")
        }
        if domLength < options.minimumCharacters {
            // A page whose script unhides its content (a wrapper styled `display:none` until it runs) shows
            // nothing without it: read the hidden elements when the visible ones gave too little. NB: only then,
            // and only when they give an article's length: a few hidden words ("Sold out") are not its content.
            reread(
                PageAnalysis(document, readingHidden: true, pageType: pageType), as: "hidden",
                minimum: options.minimumCharacters)
        }
        if let articleBody, articleBody.utf8.count > max(domLength * 2, 200) {
            // The DOM gave much less than the publisher's own article body: a script-rendered page or a miss.
            blocks = Whitespace.paragraphs(articleBody.replacingOccurrences(of: "\n", with: "\n\n"))
                .map { ContentBlock(kind: .paragraph, text: $0) }
            source = "json-ld"
        }
        var page = ExtractedPage(
            metadata: metadata, publishedDay: publishedDay, blocks: blocks, source: source, charset: decoded.charset,
            rejection: nil)
        page.pageType = pageType
        page.rejection = judge(page, analysis: analysis)
        return page
    }

    /// Why a page with this content is not a storable article, if it is not.
    private func judge(_ page: ExtractedPage, analysis: PageAnalysis) -> ExtractionRejection? {
        let length = page.text.count
        if length == 0 { return .noContent }
        if length < 1500 {
            // Only a short text can be a wall's teaser; the whole page is read for its phrases only then.
            let pageText = Whitespace.folded(analysis.text(of: analysis.body)).lowercased()
            let wallPhrases = [
                "subscribe to continue", "to continue reading", "sign in to continue", "log in to continue",
                "subscribers only", "already a subscriber", "create a free account to",
                "this content is for subscribers",
            ]
            if wallPhrases.contains(where: pageText.contains) { return .loginWall }
        }
        if length < options.minimumCharacters {
            return .tooShort(characters: length, minimum: options.minimumCharacters)
        }
        let isArticleTyped =
            page.metadata.schemaTypes.contains { JSONLDArticle.articleTypes.contains($0.lowercased()) }
            || page.metadata.openGraphType == "article"
        let paragraphs = page.blocks.filter { $0.kind == .paragraph && $0.text.utf8.count > 80 }.count
        if !isArticleTyped, page.publishedDay == nil, paragraphs < 3 {
            return .notAnArticle("no article markup, no date and fewer than 3 paragraphs")
        }
        return nil
    }

    /// The bytes of body text in `blocks`.
    private static func bodyLength(_ blocks: [ContentBlock]) -> Int {
        blocks.filter(\.isBodyText).reduce(0) { $0 + $1.text.utf8.count }
    }

    /// The content blocks the analysis finds, without a heading that repeats the title.
    private static func blocks(_ analysis: PageAnalysis, title: String?) -> [ContentBlock] {
        let roots = ContentScorer(analysis: analysis).contentRoots()
        return dropTitle(BlockCollector(analysis: analysis).blocks(from: roots), title: title)
    }

    /// Whether a `<noscript>` holds elements that carry text (not just a tracking pixel or a style).
    private static func hasMarkupInNoscript(_ document: HTMLDocument) -> Bool {
        document.nodes.indices.contains { index in
            document.nodes[index].name == "noscript"
                && document.subtreeEnd[index] - index > 8
                && document.nodes[index..<document.subtreeEnd[index]].contains { $0.name == "p" || $0.name == "div" }
        }
    }

    /// Leaves out a heading that repeats the title: the title is metadata, not body text.
    private static func dropTitle(_ blocks: [ContentBlock], title: String?) -> [ContentBlock] {
        guard let title else { return blocks }
        let key = title.lowercased().filter { $0.isLetter || $0.isNumber }
        return blocks.filter { block in
            !(block.kind == .heading && block.text.lowercased().filter { $0.isLetter || $0.isNumber } == key)
        }
    }

    private static func rejected(_ rejection: ExtractionRejection, charset: String) -> ExtractedPage {
        ExtractedPage(
            metadata: PageMetadata(), publishedDay: nil, blocks: [], source: "none", charset: charset,
            rejection: rejection)
    }
}
