/// What a user types into search, parsed once for every engine: each engine renders it in its own index's
/// query language (FTS5 on SQLite, `tsquery` on PostgreSQL), so `"phrases"`, `prefix*`, `OR` and `-exclude`
/// mean the same everywhere.
///
/// Words are all required; `"a phrase"` stays a phrase; `word*` is a prefix; `OR` between two terms makes
/// them alternatives; `-word` excludes. A token with no letter or digit is dropped.
public struct SearchSyntax: Sendable, Hashable {
    /// One thing to look for.
    public struct Term: Sendable, Hashable {
        /// The word or phrase, as typed (without the quotes, `*` or `-`).
        public var text: String
        /// Whether it was quoted: a phrase, matched as typed.
        public var isPhrase: Bool
        /// Whether it ended in `*`: any word starting with it.
        public var isPrefix: Bool
    }

    /// Groups that must all match; within a group, any term may (`a OR b`).
    public var required: [[Term]]
    /// Terms no hit may contain.
    public var excluded: [Term]

    /// Parses a query, or returns `nil` when it has no term to look for.
    public init?(_ text: String) {
        var required: [[Term]] = []
        var excluded: [Term] = []
        var pendingOr = false
        for token in Self.tokens(text) {
            if token.word == "OR", !token.quoted {
                pendingOr = !required.isEmpty
                continue
            }
            let negated = !token.quoted && token.word.hasPrefix("-") && token.word.count > 1
            var word = negated ? String(token.word.dropFirst()) : token.word
            let prefix = !token.quoted && word.hasSuffix("*") && word.count > 1
            if prefix { word.removeLast() }
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            let term = Term(text: word, isPhrase: token.quoted, isPrefix: prefix)
            if negated {
                excluded.append(term)
            } else if pendingOr, !required.isEmpty {
                required[required.count - 1].append(term)
            } else {
                required.append([term])
            }
            pendingOr = false
        }
        guard !required.isEmpty else { return nil }
        self.required = required
        self.excluded = excluded
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Splits at white space and control characters outside double quotes; a quoted run is one token.
    private static func tokens(_ text: String) -> [(word: String, quoted: Bool)] {
        var result: [(String, Bool)] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                if !current.isEmpty { result.append((current, inQuotes)) }
                current = ""
                inQuotes.toggle()
            } else if character.isWhitespace || Self.isControl(character), !inQuotes {
                if !current.isEmpty { result.append((current, false)) }
                current = ""
            } else if Self.isControl(character) {
                // NB: a NUL ended the FTS5 expression early ("unterminated string", found by fuzzing); no control
                // character is part of a word, inside quotes either.
                current.append(" ")
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, inQuotes)) }
        return result
    }
}
