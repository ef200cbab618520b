internal import NewsCore

/// Reads a plain-text article: the first non-blank line is the title, the rest is the body.
struct PlainTextArticleReader {
    var defaults: ArticleDefaults

    func read(_ text: String, raw: [UInt8], charset: String) -> Result<ArticleDraft, ExtractionRejection> {
        let normalized = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, Whitespace.isBlank(first) { lines = lines.dropFirst() }
        guard let titleLine = lines.first else { return .failure(.empty) }
        let title = Whitespace.folded(titleLine)
        let body = Whitespace.normalizedParagraphs(lines.dropFirst().joined(separator: "\n"))
        guard !body.isEmpty else { return .failure(.noBody) }
        return .success(
            ArticleDraft(
                title: title, text: body, source: defaults.source, language: defaults.language, raw: raw,
                format: .plainText, charset: charset))
    }
}
