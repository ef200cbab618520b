internal import NewsCore
internal import NewsText

/// What a token's lower-cased word is, looked up once per token instead of at every question.
struct TokenFlags: OptionSet {
    let rawValue: UInt16

    static let stop = TokenFlags(rawValue: 1 << 0)
    static let speech = TokenFlags(rawValue: 1 << 1)
    static let cue = TokenFlags(rawValue: 1 << 2)
    static let role = TokenFlags(rawValue: 1 << 3)
    static let organisationWord = TokenFlags(rawValue: 1 << 4)
    static let skippable = TokenFlags(rawValue: 1 << 5)
    static let determiner = TokenFlags(rawValue: 1 << 6)
    static let documentNoun = TokenFlags(rawValue: 1 << 7)
    static let capitalized = TokenFlags(rawValue: 1 << 8)
    static let month = TokenFlags(rawValue: 1 << 9)
    static let weekday = TokenFlags(rawValue: 1 << 10)
    static let numberWord = TokenFlags(rawValue: 1 << 11)
    static let dateWord = TokenFlags(rawValue: 1 << 12)
    static let stance = TokenFlags(rawValue: 1 << 13)

    /// Every listed word of a language with its classes, built once per language: one lookup per token.
    static func table(for resources: LanguageResources) -> [String: TokenFlags] {
        if let table = tables[resources.language] { return table }
        return build(resources)
    }

    private static let tables: [String: [String: TokenFlags]] = Dictionary(
        uniqueKeysWithValues: LanguageResources.languages.map {
            ($0, build(LanguageResources.forLanguage(LanguageCode(rawValue: $0))))
        })

    private static func build(_ resources: LanguageResources) -> [String: TokenFlags] {
        var table: [String: TokenFlags] = [:]
        func add(_ words: some Sequence<String>, _ flag: TokenFlags) {
            for word in words { table[word, default: []].insert(flag) }
        }
        add(resources.stopWords, .stop)
        add(resources.speechVerbs, .speech)
        add(resources.cueVerbs, .cue)
        add(resources.stanceVerbs, .stance)
        add(resources.roles, .role)
        add(resources.organisationWords, .organisationWord)
        add(AttributionWords.skippable, .skippable)
        add(AttributionWords.determiners, .determiner)
        add(AttributionWords.documentNouns, .documentNoun)
        add(DateFinder.months.keys, .month)
        add(DateFinder.weekdays.keys, .weekday)
        add(NumberWords.units.keys, .numberWord)
        add(NumberWords.orders.keys, .numberWord)
        add(NumberWords.fractions.keys, .numberWord)
        add(NumberWords.multipliers.keys, .numberWord)
        add(["dozen"], .numberWord)
        add(["today", "tonight", "yesterday", "tomorrow", "last", "next", "this", "past"], .dateWord)
        return table
    }
}

/// The segmented text with what every analysis step looks up per token, computed once.
struct AnalysisContext {
    let text: SegmentedText
    let resources: LanguageResources
    /// Each token's text, lower-cased.
    let lower: [String]
    /// Each token's sentence.
    let sentenceOf: [Int]
    /// Each paragraph's role.
    let paragraphRoles: [BlockRole]
    /// Each sentence's paragraph role.
    let sentenceRoles: [BlockRole]
    /// Each token's word classes.
    let flags: [TokenFlags]

    init(text: SegmentedText, resources: LanguageResources, paragraphRoles: [BlockRole]) {
        self.text = text
        self.resources = resources
        lower = text.tokens.indices.map { Self.lowercased(text, $0) }
        var sentenceOf = [Int](repeating: 0, count: text.tokens.count)
        for (sentence, tokens) in text.sentenceTokens.enumerated() {
            for token in tokens { sentenceOf[token] = sentence }
        }
        self.sentenceOf = sentenceOf
        self.paragraphRoles = paragraphRoles
        sentenceRoles = text.sentenceParagraphs.map { paragraphRoles[$0] }
        var flags = [TokenFlags](repeating: [], count: text.tokens.count)
        let table = TokenFlags.table(for: resources)
        for index in text.tokens.indices {
            if text.tokens[index].kind == .word || text.tokens[index].kind == .ideographic {
                flags[index] = table[lower[index]] ?? []
                if Self.startsUpperCase(text, index) { flags[index].insert(.capitalized) }
            }
        }
        self.flags = flags
    }

    /// A token's text in lower case; ASCII folds byte by byte.
    private static func lowercased(_ text: SegmentedText, _ index: Int) -> String {
        let range = text.tokens[index].range
        let bytes = text.bytes[range.start..<range.end]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return text.string(range).lowercased()
    }

    /// Whether the token's word is in a class.
    func has(_ index: Int, _ flag: TokenFlags) -> Bool { flags[index].contains(flag) }

    private static func startsUpperCase(_ text: SegmentedText, _ index: Int) -> Bool {
        let start = text.tokens[index].range.start
        let byte = text.bytes[start]
        if byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        var iterator = text.bytes[start..<text.tokens[index].range.end].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.properties.isUppercase }
        return false
    }

    var tokens: [Token] { text.tokens }

    /// Whether a token is a word starting with an upper-case letter.
    func isCapitalized(_ index: Int) -> Bool {
        text.tokens[index].kind == .word && flags[index].contains(.capitalized)
    }

    /// Whether a token is the single punctuation character `character`.
    func isPunctuation(_ index: Int, _ character: Unicode.Scalar) -> Bool {
        guard index >= 0, index < text.tokens.count, text.tokens[index].kind == .punctuation else { return false }
        return lower[index].unicodeScalars.first == character
    }

    /// Whether a token ends a clause: a full stop, question or exclamation mark, colon or semicolon.
    func isClauseEnd(_ index: Int) -> Bool {
        guard text.tokens[index].kind == .punctuation else { return false }
        return [".", "!", "?", ";", ":"].contains(lower[index])
    }

    /// The first word token of a sentence, if any.
    func firstWord(of sentence: Int) -> Int? {
        text.sentenceTokens[sentence].first { text.tokens[$0].kind != .punctuation }
    }

    /// The span from the first token to the last, inclusive.
    func range(_ first: Int, _ last: Int) -> TextRange {
        TextRange(text.tokens[first].range.start, text.tokens[last].range.end)
    }

    /// The words of tokens `first...last` joined as written.
    func string(_ first: Int, _ last: Int) -> String { text.string(range(first, last)) }
}
