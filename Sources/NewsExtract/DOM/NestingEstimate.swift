/// Estimates how deep a page's elements nest, by scanning its bytes before parsing.
///
/// NB: gumbo's tree builder searches the stack of open elements for most tags, so parse time grows with the
/// square of the nesting depth (100,000 levels: 10 s). Pages never nest past a few hundred levels; browsers
/// cap their trees too. Elements that close themselves or their siblings (void tags, `<p>`, `<li>`, table
/// cells) are not counted, nor are comments and script or style contents, so the estimate does not drift
/// on ordinary markup.
enum NestingEstimate {
    static let notNesting: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "rb", "rt", "rp", "html", "head", "body",
    ]

    /// The deepest nesting found, stopping early once `limit` is passed.
    static func maximumDepth(_ bytes: [UInt8], limit: Int) -> Int {
        var depth = 0, deepest = 0
        var index = 0
        let count = bytes.count
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte.asciiLowercased) || (0x30...0x39).contains(byte) || byte == 0x2D
        }
        func skip(past marker: [UInt8], from start: Int) -> Int {
            var position = start
            while position + marker.count <= count {
                if bytes[position] == marker[0],
                    (1..<marker.count).allSatisfy({ bytes[position + $0].asciiLowercased == marker[$0] })
                {
                    return position + marker.count
                }
                position += 1
            }
            return count
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = skip(past: Array("-->".utf8), from: index + 2)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            var nameEnd = index + (closing ? 2 : 1)
            let nameStart = nameEnd
            while nameEnd < count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, (0x61...0x7A).contains(bytes[nameStart].asciiLowercased) else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<nameEnd].map(\.asciiLowercased), as: UTF8.self)
            var tagEnd = nameEnd
            while tagEnd < count, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
            let selfClosing = tagEnd > 0 && tagEnd < count && bytes[tagEnd - 1] == UInt8(ascii: "/")
            index = tagEnd + 1
            if notNesting.contains(name) || selfClosing { continue }
            if closing {
                depth = max(depth - 1, 0)
            } else if name == "script" || name == "style" {
                index = skip(past: Array("</\(name)".utf8), from: index)
            } else {
                depth += 1
                deepest = max(deepest, depth)
                if deepest > limit { return deepest }
            }
        }
        return deepest
    }
}
