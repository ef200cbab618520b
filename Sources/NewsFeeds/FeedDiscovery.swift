/// Finds the feeds a web page announces with `<link rel="alternate" type="application/rss+xml" href="...">`
/// (also Atom, JSON Feed and RDF types), as absolute addresses in the page's order.
public enum FeedDiscovery {
    /// A feed a page links to.
    public struct Link: Sendable, Hashable {
        /// Its address, absolute.
        public var url: String
        /// Its title, if the link gives one.
        public var title: String?
        /// Its media type.
        public var type: String
    }

    /// The feed types recognised.
    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
        "application/rdf+xml", "text/xml", "application/xml",
    ]

    /// Feed links in `html`, whose address is `pageURL` (for relative links and `<base>`).
    public static func links(in html: String, pageURL: String) -> [Link] {
        var base = pageURL
        var found: [Link] = []
        var seen = Set<String>()
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else { break }
            index = html.index(after: close)
            let tag = html[html.index(after: open)..<close]
            let name = tag.prefix { $0.isLetter }.lowercased()
            if name == "body" { break }
            guard name == "link" || name == "base" else { continue }
            let attributes = Self.attributes(tag.dropFirst(name.count))
            if name == "base", let href = attributes["href"], let absolute = FeedURL.clean(href, base: pageURL) {
                base = absolute
                continue
            }
            let rel = Set((attributes["rel"] ?? "").lowercased().split(separator: " ").map(String.init))
            let type = (attributes["type"] ?? "").lowercased().split(separator: ";").first.map(String.init) ?? ""
            guard rel.contains("alternate"), feedTypes.contains(type), let href = attributes["href"],
                let url = FeedURL.clean(href, base: base), seen.insert(url).inserted
            else { continue }
            // A JSON link is a feed only when it says so: plain `application/json` is often oEmbed.
            if type == "application/json", !(attributes["title"] ?? "").lowercased().contains("feed") { continue }
            found.append(Link(url: url, title: attributes["title"].map(HTMLText.plain), type: type))
        }
        return found
    }

    /// `name="value"`, `name='value'` and `name=value` pairs, names lowercased.
    static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text[...]
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst().drop(while: \.isWhitespace)
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    let body = rest.dropFirst()
                    let end = body.firstIndex(of: quote) ?? body.endIndex
                    value = String(body[..<end])
                    rest = end < body.endIndex ? body[body.index(after: end)...] : body[end...]
                } else {
                    let raw = rest.prefix { !$0.isWhitespace }
                    value = String(raw)
                    rest = rest.dropFirst(raw.count)
                }
            }
            result[name.lowercased()] = HTMLText.plain(value)
        }
        return result
    }
}
