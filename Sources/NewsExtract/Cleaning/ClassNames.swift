/// The lower-cased class and id tokens of every element of one document, each split into its `-`/`_` parts,
/// matched as bytes.
///
/// NB: kept in flat arrays, one set per document: a token and each of its parts as arrays of their own were
/// several allocations per element, and making and freeing them was a tenth of extraction (`perf`).
/// `String.contains(_:)` was worse still: it builds a Boyer-Moore table per call, with ~100 patterns per element.
final class ClassTable: Sendable {
    /// Where a run of bytes or of parts starts and ends.
    struct Span: Sendable {
        var start: Int32
        var end: Int32
    }

    /// One token: its bytes, and its parts (indices into `parts`, consecutive).
    struct Token: Sendable {
        var bytes: Span
        var parts: Span
    }

    /// Every token's bytes, lower-cased, one after another.
    let bytes: [UInt8]
    /// Each part's bytes in `bytes`; empty parts ("a--b") are left out, as `split` leaves them.
    let parts: [Span]
    /// Every token of every node, in node order.
    let tokens: [Token]
    /// Where each node's tokens start in `tokens`, and one more entry past the last node.
    private let firstToken: [Int32]

    /// The tokens of `nodes`. NB: gumbo keeps the first of repeated attributes, so this reads the same values
    /// as `attribute(_:)`.
    init(_ nodes: [HTMLDocument.Node]) {
        var bytes: [UInt8] = []
        var parts: [Span] = []
        var tokens: [Token] = []
        var firstToken: [Int32] = []
        firstToken.reserveCapacity(nodes.count + 1)
        for node in nodes {
            firstToken.append(Int32(tokens.count))
            guard !node.isText else { continue }
            for (name, value) in node.attributes where name == "class" || name == "id" {
                var tokenStart = -1
                var partStart = -1
                var tokenParts = Int32(parts.count)
                func endPart() {
                    if partStart >= 0, partStart < bytes.count {
                        parts.append(Span(start: Int32(partStart), end: Int32(bytes.count)))
                    }
                    partStart = -1
                }
                func endToken() {
                    endPart()
                    if tokenStart >= 0 {
                        tokens.append(
                            Token(
                                bytes: Span(start: Int32(tokenStart), end: Int32(bytes.count)),
                                parts: Span(start: tokenParts, end: Int32(parts.count))))
                    }
                    tokenStart = -1
                    tokenParts = Int32(parts.count)
                }
                for byte in value.utf8 {
                    switch byte {
                    case 0x20, 0x09, 0x0A, 0x0D: endToken()
                    case 0x2D, 0x5F:
                        if tokenStart < 0 { tokenStart = bytes.count }
                        endPart()
                        bytes.append(byte)
                    default:
                        if tokenStart < 0 { tokenStart = bytes.count }
                        if partStart < 0 { partStart = bytes.count }
                        bytes.append(byte.asciiLowercased)
                    }
                }
                endToken()
            }
        }
        firstToken.append(Int32(tokens.count))
        self.bytes = bytes
        self.parts = parts
        self.tokens = tokens
        self.firstToken = firstToken
    }

    /// The tokens of one node.
    subscript(node: Int) -> ClassNames {
        ClassNames(table: self, tokens: Int(firstToken[node])..<Int(firstToken[node + 1]))
    }

    /// Whether a span's bytes are `word`, or start with it when `prefix`.
    func bytes(_ span: Span, match word: [UInt8], prefix: Bool) -> Bool {
        let start = Int(span.start)
        let length = Int(span.end) - start
        guard prefix ? length >= word.count : length == word.count else { return false }
        for offset in word.indices where bytes[start + offset] != word[offset] { return false }
        return true
    }
}

/// The class and id tokens of one element (see `ClassTable`).
struct ClassNames {
    private let table: ClassTable
    private let tokens: Range<Int>

    fileprivate init(table: ClassTable, tokens: Range<Int>) {
        self.table = table
        self.tokens = tokens
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Whether a token matches one of the patterns.
    func matches(_ list: WordList) -> Bool {
        tokens.contains { list.matches(token: table.tokens[$0], in: table) }
    }

    /// Whether a token is a content class: equal to a generic content word, or holding a content phrase.
    var isContent: Bool {
        let content = WordList.content
        return tokens.contains { content.isExact(table.tokens[$0], in: table) }
            || tokens.contains { content.matches(token: table.tokens[$0], in: table) }
    }
}
