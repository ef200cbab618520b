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

    private static func term(_ term: SearchSyntax.Term) -> String {
        "\"" + term.text.replacing("\"", with: "\"\"") + "\"" + (term.isPrefix ? "*" : "")
    }
}
