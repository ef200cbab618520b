/// The lower-cased class and id tokens of an element, each split into its `-`/`_` parts, matched as bytes.
///
/// NB: `String.contains(_:)` builds a Boyer-Moore table per call; with ~100 patterns per element that made
/// class matching 40% of extraction. Comparing short byte arrays costs next to nothing.
struct ClassNames {
    let tokens: [[UInt8]]
    let parts: [[[UInt8]]]

    /// No tokens (text nodes, elements without a class or id).
    static let none = ClassNames(tokens: [], parts: [])

    private init(tokens: [[UInt8]], parts: [[[UInt8]]]) {
        self.tokens = tokens
        self.parts = parts
    }

    /// The tokens of an element; `HTMLDocument.classNames` holds them for every node, made once.
    init(_ node: HTMLDocument.Node) {
        var tokens: [[UInt8]] = []
        // NB: gumbo keeps the first of repeated attributes, so this reads the same values as `attribute(_:)`.
        for (name, value) in node.attributes where name == "class" || name == "id" {
            for token in value.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                tokens.append(token.map(\.asciiLowercased))
            }
        }
        self.tokens = tokens
        parts = tokens.map { $0.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F }).map(Array.init) }
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Whether a token matches one of the patterns.
    func matches(_ list: WordList) -> Bool {
        parts.contains { list.matches($0) }
    }

    /// Whether a token is a content class: equal to a generic content word, or holding a content phrase.
    var isContent: Bool {
        tokens.contains { WordList.content.exact.contains($0) } || parts.contains { WordList.content.matches($0) }
    }
}

/// Class-name patterns prepared for matching token parts (see `ExtractionRules.boilerplateWords`).
struct WordList: Sendable {
    /// One pattern: consecutive parts, each exact or a prefix.
    struct Pattern: Sendable {
        let parts: [(bytes: [UInt8], prefix: Bool)]
    }

    let patterns: [Pattern]
    /// One-word patterns that count only as a whole token.
    let exact: Set<[UInt8]>
    /// The patterns (their numbers) whose first part starts with each byte; those with an empty first part
    /// ("*") are in every list. NB: a class part is compared only with the few patterns that can start on it.
    private let startingWith: [[Int]]

    init(_ words: [String], oneWordsAsTokens: Bool = false) {
        var patterns: [Pattern] = []
        var exact: Set<[UInt8]> = []
        for word in words {
            let pieces = word.split(whereSeparator: { $0 == "-" || $0 == "_" })
            if oneWordsAsTokens, pieces.count == 1, !word.hasSuffix("*"), word.count <= 8 {
                exact.insert(Array(word.utf8))
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
    func matches(_ tokenParts: [[UInt8]]) -> Bool {
        for start in tokenParts.indices {
            guard let first = tokenParts[start].first else { continue }
            for number in startingWith[Int(first)] {
                let pattern = patterns[number]
                guard pattern.parts.count <= tokenParts.count - start else { continue }
                var matched = true
                for (offset, part) in pattern.parts.enumerated() {
                    let candidate = tokenParts[start + offset]
                    if part.prefix ? !candidate.starts(with: part.bytes) : candidate != part.bytes {
                        matched = false
                        break
                    }
                }
                if matched { return true }
            }
        }
        return false
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
