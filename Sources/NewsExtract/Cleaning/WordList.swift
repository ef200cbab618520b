/// Class-name patterns prepared for matching token parts (see `ExtractionRules.boilerplateWords`).
struct WordList: Sendable {
    /// One pattern: consecutive parts, each exact or a prefix.
    struct Pattern: Sendable {
        let parts: [(bytes: [UInt8], prefix: Bool)]
    }

    let patterns: [Pattern]
    /// One-word patterns that count only as a whole token.
    let exact: [[UInt8]]
    /// The patterns (their numbers) whose first part starts with each byte; those with an empty first part
    /// ("*") are in every list. NB: a class part is compared only with the few patterns that can start on it.
    private let startingWith: [[Int]]

    init(_ words: [String], oneWordsAsTokens: Bool = false) {
        var patterns: [Pattern] = []
        var exact: [[UInt8]] = []
        for word in words {
            let pieces = word.split(whereSeparator: { $0 == "-" || $0 == "_" })
            if oneWordsAsTokens, pieces.count == 1, !word.hasSuffix("*"), word.count <= 8 {
                if !exact.contains(Array(word.utf8)) { exact.append(Array(word.utf8)) }
                continue
            }
            patterns.append(
                Pattern(
                    parts: pieces.map { piece in
                        piece.hasSuffix("*") ? (Array(piece.dropLast().utf8), true) : (Array(piece.utf8), false)
                    }))
        }
        self.patterns = patterns
        self.exact = exact
        var startingWith = [[Int]](repeating: [], count: 256)
        for (number, pattern) in patterns.enumerated() {
            if let first = pattern.parts.first?.bytes.first {
                startingWith[Int(first)].append(number)
            } else {
                for byte in 0..<256 { startingWith[byte].append(number) }
            }
        }
        self.startingWith = startingWith
    }

    /// Whether the parts of one token contain a pattern.
    func matches(token: ClassTable.Token, in table: ClassTable) -> Bool {
        let end = Int(token.parts.end)
        for start in Int(token.parts.start)..<end {
            let first = table.bytes[Int(table.parts[start].start)]
            for number in startingWith[Int(first)] {
                let pattern = patterns[number]
                guard pattern.parts.count <= end - start else { continue }
                var matched = true
                for (offset, part) in pattern.parts.enumerated()
                where !table.bytes(table.parts[start + offset], match: part.bytes, prefix: part.prefix) {
                    matched = false
                    break
                }
                if matched { return true }
            }
        }
        return false
    }

    /// Whether a whole token is one of the one-word patterns.
    func isExact(_ token: ClassTable.Token, in table: ClassTable) -> Bool {
        exact.contains { table.bytes(token.bytes, match: $0, prefix: false) }
    }

    static let boilerplate = WordList(ExtractionRules.boilerplateWords)
    /// Boilerplate on a product page, where customers' reviews and questions sit beside the description.
    static let boilerplateInShops = WordList(ExtractionRules.boilerplateWords + ExtractionRules.shopBoilerplateWords)
    /// Boilerplate on a forum page, where the comments are the posts.
    static let boilerplateInThreads = WordList(ExtractionRules.boilerplateWords.filter { !$0.hasPrefix("comment") })
    static let content = WordList(ExtractionRules.contentWords, oneWordsAsTokens: true)
    static let caption = WordList(ExtractionRules.captionWords)
    static let credit = WordList(ExtractionRules.creditWords)
}
