internal import Foundation
public import NewsCore

/// Turns the bytes of an article input (plain text, JSON, JSON Lines) into drafts or reasoned rejections.
///
/// Pure: no file access and no clock. The ingest shell reads files, enforces size caps and streams JSON
/// Lines through `parseLine(_:number:)` so memory stays bounded.
public struct ArticleParser: Sendable {
    /// How bytes become text.
    public var decoding: TextDecoding
    /// Values for records that do not carry their own.
    public var defaults: ArticleDefaults
    /// How web pages are read.
    public var html = HTMLExtractor()

    /// Creates a parser.
    public init(decoding: TextDecoding = TextDecoding(), defaults: ArticleDefaults = ArticleDefaults()) {
        self.decoding = decoding
        self.defaults = defaults
    }

    /// Parses a whole input. `format` `nil` means: from `name`'s extension, else by sniffing the content.
    public func parse(_ bytes: [UInt8], name: String, format: InputFormat? = nil) -> ParsedDocument {
        let format = format ?? InputFormat(fileName: name) ?? InputFormat(sniffing: bytes.prefix(64 << 10))
        var document = parse(bytes, as: format)
        document.format = format
        return document
    }

    private func parse(_ bytes: [UInt8], as format: InputFormat) -> ParsedDocument {
        let decoded: DecodedText
        switch decoding.decode(bytes) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let text): decoded = text
        }
        guard !Whitespace.isBlank(decoded.text) else { return .rejected(.empty) }
        var document = ParsedDocument(records: [], charset: decoded.charset, usedFallback: decoded.usedFallback)
        let utf8 = Array(decoded.text.utf8)
        switch format {
        case .html:
            // The extractor decodes by the page's own declarations (header, <meta>), not as plain text.
            return parseHTML(bytes)
        case .plainText:
            let outcome = PlainTextArticleReader(defaults: defaults).read(
                decoded.text, raw: bytes, charset: decoded.charset)
            document.records = [ParsedRecord(location: .whole, outcome: outcome)]
        case .json:
            document.records = parseJSON(utf8, original: bytes, charset: decoded.charset)
        case .jsonLines:
            var number = 0
            for line in utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                if let record = jsonLineRecord(line, number: number, charset: decoded.charset) {
                    document.records.append(record)
                }
            }
        }
        return document
    }

    /// Extracts the article of a web page; a page that is not a storable article is a rejected record.
    private func parseHTML(_ bytes: [UInt8]) -> ParsedDocument {
        let page = html.extract(bytes)
        var document = ParsedDocument(records: [], charset: page.charset, usedFallback: false)
        if let rejection = page.rejection {
            document.records = [ParsedRecord(location: .whole, outcome: .failure(rejection))]
            return document
        }
        let metadata = page.metadata
        var draft = ArticleDraft(
            title: metadata.title ?? "", text: page.text, source: metadata.siteName ?? defaults.source,
            url: metadata.canonicalURL, published: metadata.published,
            language: metadata.language.flatMap(LanguageCode.init(rawValue:)) ?? defaults.language,
            authors: metadata.authors, raw: bytes, format: .html, charset: page.charset)
        var warnings: [String] = []
        if draft.title.isEmpty {
            draft.title = String(page.text.prefix { $0 != "\n" }.prefix(120))
            warnings.append("the page has no title; its first line stands in")
        }
        document.records = [ParsedRecord(location: .whole, outcome: .success(draft), warnings: warnings)]
        return document
    }

    /// Parses one line of a JSON Lines input (without its line feed); `nil` for a blank line.
    public func parseLine(_ line: some Collection<UInt8>, number: Int) -> ParsedRecord? {
        switch decoding.decode(Array(line)) {
        case .failure(let rejection):
            return ParsedRecord(location: .line(number), outcome: .failure(rejection))
        case .success(let decoded):
            var record = jsonLineRecord(Array(decoded.text.utf8)[...], number: number, charset: decoded.charset)
            record?.usedFallback = decoded.usedFallback
            return record
        }
    }

    private func jsonLineRecord(_ line: ArraySlice<UInt8>, number: Int, charset: String) -> ParsedRecord? {
        guard line.contains(where: { !InputFormat.isJSONSpace($0) }) else { return nil }
        return JSONArticleReader(defaults: defaults)
            .readObject(line, charset: charset, format: .jsonLines, location: .line(number))
    }

    private func parseJSON(_ utf8: [UInt8], original: [UInt8], charset: String) -> [ParsedRecord] {
        let reader = JSONArticleReader(defaults: defaults)
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(utf8), options: [.fragmentsAllowed])
        } catch {
            return [
                ParsedRecord(
                    location: .whole, outcome: .failure(.invalidJSON(detail: JSONArticleReader.describe(error))))
            ]
        }
        guard let array = value as? [Any] else {
            return [reader.read(value, raw: original, charset: charset, format: .json, location: .whole)]
        }
        return array.enumerated().map { index, element in
            let raw =
                (try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys, .fragmentsAllowed]))
                .map { Array($0) } ?? []
            return reader.read(element, raw: raw, charset: charset, format: .json, location: .element(index))
        }
    }

    /// Whether text starts like an HTML document, so it is not mistaken for a plain-text article.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = Whitespace.trimmed(text.prefix(512)).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml")
            || (head.hasPrefix("<") && head.contains("<body"))
    }
}
