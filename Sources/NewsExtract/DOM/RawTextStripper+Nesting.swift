/// How deep a page's elements nest, counted by the stripper's scan before gumbo parses the page.
///
/// NB: gumbo's tree builder searches the stack of open elements for most tags, so parse time grows with the
/// square of the nesting depth (100,000 levels: 10 s). Pages never nest past a few hundred levels; browsers
/// cap their trees too. Elements that close themselves or their siblings (void tags, `<p>`, `<li>`, table
/// cells) are not counted, so the count does not drift on ordinary markup; comments, raw text and script and
/// style contents hold no tags, as the stripper skips them. `<div/>` opens a `<div>` in HTML (only SVG and
/// MathML honour the slash), so it counts.
extension RawTextStripper {
    struct Nesting {
        private(set) var depth = 0
        /// The deepest nesting seen so far.
        private(set) var deepest = 0

        /// Counts a start tag (`closingItself`: written `<x/>` in foreign content).
        mutating func open(_ name: UInt128, closingItself: Bool) {
            guard !closingItself, !Self.notNesting.contains(name) else { return }
            depth += 1
            deepest = max(deepest, depth)
        }

        /// Counts an end tag.
        mutating func close(_ name: UInt128) {
            guard !Self.notNesting.contains(name) else { return }
            depth = max(depth - 1, 0)
        }

        static let notNesting: Set<UInt128> = Set(
            [
                "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "rb", "rt", "rp",
                "html", "head", "body",
            ].map { packed(Array($0.utf8)[...]) })
    }

    /// A tag name of up to sixteen bytes, lower-cased, packed into one integer; a longer name is 0. NB: every
    /// name compared by value is that short, and packing spares a string per tag of the page. Names start with
    /// a letter, so no two pack alike.
    static func packed(_ name: ArraySlice<UInt8>) -> UInt128 {
        guard name.count <= 16 else { return 0 }
        var value: UInt128 = 0
        for byte in name { value = value << 8 | UInt128(byte.asciiLowercased) }
        return value
    }
}
