internal import Foundation
internal import NewsExtract

/// Reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed into one `Feed` shape. Pure: bytes in, a value out.
public struct FeedParser: Sendable {
    /// A parser.
    public init() {}

    /// The feed in `bytes`, or why they are not one. `contentType` is the HTTP header (its charset wins over
    /// the XML declaration's); `url` is where the feed came from, to resolve relative links.
    public func parse(_ bytes: [UInt8], contentType: String? = nil, url: String? = nil) -> Result<Feed, FeedError> {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else {
            return .failure(FeedError(code: "feed.empty", reason: "the response is empty"))
        }
        if first == UInt8(ascii: "{") { return JSONFeedReader.read(bytes, url: url) }
        let declared =
            contentType.flatMap { $0.lowercased().contains("charset=") ? $0 : nil }
            ?? Self.declaredEncoding(bytes.prefix(256)).map { "text/xml; charset=\($0)" }
        let text = HTMLDecoding().decode(bytes, contentType: declared).text
        let document: XMLDocument
        do {
            document = try XMLDocument(text)
        } catch .tooDeep {
            return .failure(
                FeedError(code: "feed.too-deep", reason: "elements nest deeper than \(XMLDocument.maximumDepth) levels")
            )
        } catch {
            return .failure(FeedError(code: "feed.malformed", reason: "no XML element found"))
        }
        guard let root = document.root else {
            return .failure(FeedError(code: "feed.malformed", reason: "no XML element found"))
        }
        let reader = XMLFeedReader(document: document, base: url)
        switch document.nodes[root].local {
        case "rss": return .success(reader.rss(root))
        case "rdf": return .success(reader.rdf(root))
        case "feed": return .success(reader.atom(root))
        case "html", "head", "body", "!doctype":
            return .failure(
                FeedError(
                    code: "feed.html",
                    reason:
                        "an HTML page, not a feed (try the site's feed address; `feeds add` finds it on a home page)"))
        case let other:
            return .failure(
                FeedError(
                    code: "feed.unknown-format", reason: "the root element <\(other)> is not rss, feed or rdf:RDF"))
        }
    }

    /// `encoding="…"` in an `<?xml …?>` declaration.
    static func declaredEncoding(_ head: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        guard let declaration = text.range(of: "<?xml"),
            let end = text.range(of: "?>", range: declaration.upperBound..<text.endIndex),
            let key = text.range(of: "encoding", range: declaration.upperBound..<end.lowerBound)
        else { return nil }
        let value = text[key.upperBound..<end.lowerBound].drop { " =\"'".contains($0) }.prefix { !" \"'".contains($0) }
        return value.isEmpty ? nil : String(value)
    }
}
