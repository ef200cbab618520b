internal import NewsCore

/// Turns UTF-8 spans of the story's articles into `Citation`s in Unicode scalar offsets, the offsets the
/// CLI's JSON uses everywhere (a reader in any language can slice by characters).
struct CitationMaker {
    private let articles: [CoverageArticle]
    /// Per article, for each UTF-8 offset, the scalars before it; built when the article is first cited.
    private var scalarOffsets: [[Int32]?]

    init(articles: [CoverageArticle]) {
        self.articles = articles
        scalarOffsets = Array(repeating: nil, count: articles.count)
    }

    mutating func cite(_ range: TextRange, in article: Int) -> Citation {
        let offsets = table(article)
        let start = Int(offsets[min(range.start, offsets.count - 1)])
        let end = Int(offsets[min(range.end, offsets.count - 1)])
        let source = articles[article]
        return Citation(
            article: source.id, outlet: source.outlet, start: start, end: end, text: range.slice(of: source.text))
    }

    private mutating func table(_ article: Int) -> [Int32] {
        if let known = scalarOffsets[article] { return known }
        var offsets: [Int32] = []
        let utf8 = articles[article].text.utf8
        offsets.reserveCapacity(utf8.count + 1)
        var scalars: Int32 = 0
        for byte in utf8 {
            // A scalar starts at every byte that is not a continuation byte (10xxxxxx); an offset inside a
            // scalar rounds down to its start, so a span never splits one.
            if byte & 0xC0 == 0x80 {
                offsets.append(scalars - 1)
            } else {
                offsets.append(scalars)
                scalars += 1
            }
        }
        offsets.append(scalars)
        scalarOffsets[article] = offsets
        return offsets
    }
}
