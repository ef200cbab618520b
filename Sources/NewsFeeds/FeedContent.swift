/// An item's HTML content as article text: paragraphs at block elements, scripts, styles and figure
/// captions left out, each paragraph plain text.
public enum FeedContent {
    /// Paragraphs of `html`, joined by one blank line (the article text format).
    public static func text(_ html: String) -> String {
        paragraphs(html).joined(separator: "\n\n")
    }

    /// Paragraphs of `html`, in order, none empty.
    public static func paragraphs(_ html: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var skipping: String?
        var index = html.startIndex
        func flush() {
            let text = HTMLText.plain(current)
            if !text.isEmpty { paragraphs.append(text) }
            current = ""
        }
        while index < html.endIndex {
            let character = html[index]
            guard character == "<", let close = html[index...].firstIndex(of: ">") else {
                if skipping == nil { current.append(character) }
                index = html.index(after: index)
                continue
            }
            let inside = html[html.index(after: index)..<close]
            let closing = inside.hasPrefix("/")
            let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            index = html.index(after: close)
            if let skipped = skipping {
                if closing, name == skipped { skipping = nil }
                continue
            }
            if !closing, skippedElements.contains(name), !inside.hasSuffix("/") {
                skipping = name
                continue
            }
            if blockElements.contains(name) {
                flush()
            } else {
                current += "<" + inside + ">"
            }
        }
        flush()
        return paragraphs
    }

    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
        "section", "article", "header", "footer", "figure", "pre", "hr", "dd", "dt",
    ]

    private static let skippedElements: Set<String> = ["script", "style", "figcaption", "noscript", "template"]
}
