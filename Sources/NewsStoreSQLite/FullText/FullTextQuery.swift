internal import NewsStore

/// Renders a parsed search (`SearchSyntax`) as an FTS5 expression that cannot be a syntax error: every term
/// is quoted, so nothing a user types is read as FTS5 syntax.
enum FullTextQuery {
    static func expression(for text: String) -> String? {
        guard let syntax = SearchSyntax(text) else { return nil }
        let groups = syntax.required.map { group in
            group.count == 1 ? term(group[0]) : "(" + group.map(term).joined(separator: " OR ") + ")"
        }
        return ([groups.joined(separator: " AND ")] + syntax.excluded.map { "NOT " + term($0) })
            .joined(separator: " ")
    }

    /// NB: quotes are doubled scalar by scalar: a quote followed by a combining mark is one `Character`, which
    /// a `Character` replacement misses, and the lone quote then broke the expression (found by fuzzing).
    private static func term(_ term: SearchSyntax.Term) -> String {
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in term.text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted) + (term.isPrefix ? "*" : "")
    }
}
