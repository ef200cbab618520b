/// Turns what a user types into an FTS5 expression that cannot be a syntax error.
///
/// Words become quoted terms (all required); `"a phrase"` stays a phrase; `word*` is a prefix; `OR`
/// between two terms is kept; `-word` excludes. Everything else FTS5 would read as syntax is quoted.
enum FullTextQuery {
    static func expression(for text: String) -> String? {
        var required: [String] = []
        var excluded: [String] = []
        var pendingOr = false
        for token in tokens(text) {
            if token.word == "OR", !token.quoted {
                pendingOr = !required.isEmpty
                continue
            }
            let negated = !token.quoted && token.word.hasPrefix("-") && token.word.count > 1
            var word = negated ? String(token.word.dropFirst()) : token.word
            let prefix = !token.quoted && word.hasSuffix("*") && word.count > 1
            if prefix { word.removeLast() }
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            let term = "\"" + word.replacing("\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
            if negated {
                excluded.append(term)
            } else if pendingOr, let last = required.popLast() {
                required.append("(\(last) OR \(term))")
            } else {
                required.append(term)
            }
            pendingOr = false
        }
        guard !required.isEmpty else { return nil }
        return ([required.joined(separator: " AND ")] + excluded.map { "NOT \($0)" }).joined(separator: " ")
    }

    /// Splits at white space outside double quotes; a quoted run is one token.
    private static func tokens(_ text: String) -> [(word: String, quoted: Bool)] {
        var result: [(String, Bool)] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                if !current.isEmpty { result.append((current, inQuotes)) }
                current = ""
                inQuotes.toggle()
            } else if character.isWhitespace, !inQuotes {
                if !current.isEmpty { result.append((current, false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, inQuotes)) }
        return result
    }
}
