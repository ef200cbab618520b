public import NewsCore

/// One article found by a search, best first.
public struct SearchHit: Sendable, Hashable {
    /// The article, as listings show it.
    public var article: Article
    /// bm25 relevance: higher is better (the negation of SQLite's bm25, which ranks lower first).
    public var score: Double
    /// A passage of the body around the matches.
    public var snippet: Snippet

    /// Creates a hit.
    public init(article: Article, score: Double, snippet: Snippet) {
        self.article = article
        self.score = score
        self.snippet = snippet
    }
}

/// A passage of text with the matched words marked, so each shell can render the marks its own way.
public struct Snippet: Sendable, Hashable {
    /// The passage, `…` where it was cut.
    public var text: String
    /// The matched words, as ranges of `text`'s Unicode scalars' offsets (`[start, end)`).
    public var highlights: [Range<Int>]

    /// Creates a snippet.
    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// Parses text in which matches sit between `open` and `close` markers; runs of white space (paragraph
    /// breaks included) become one space, so a snippet is one line.
    public init(marked: String, open: Unicode.Scalar, close: Unicode.Scalar) {
        var scalars = String.UnicodeScalarView()
        var highlights: [Range<Int>] = []
        var start: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == open {
                start = count
            } else if scalar == close {
                if let begin = start, begin < count { highlights.append(begin..<count) }
                start = nil
            } else if scalar.properties.isWhitespace {
                if let last = scalars.last, last != " " {
                    scalars.append(" ")
                    count += 1
                }
            } else {
                scalars.append(scalar)
                count += 1
            }
        }
        self.init(text: String(scalars), highlights: highlights)
    }

    /// The passage with each match wrapped in `before` and `after`.
    public func rendered(before: String, after: String) -> String {
        segments.map { $0.isMatch ? before + $0.text + after : $0.text }.joined()
    }

    /// The passage in order as runs of plain text and matches (overlapping or out-of-range marks skipped),
    /// for a shell that must escape the text itself before marking it.
    public var segments: [(text: String, isMatch: Bool)] {
        var result: [(text: String, isMatch: Bool)] = []
        let scalars = Array(text.unicodeScalars)
        var position = 0
        for range in highlights where range.lowerBound >= position && range.upperBound <= scalars.count {
            result.append((String(String.UnicodeScalarView(scalars[position..<range.lowerBound])), false))
            result.append((String(String.UnicodeScalarView(scalars[range])), true))
            position = range.upperBound
        }
        result.append((String(String.UnicodeScalarView(scalars[position...])), false))
        return result
    }
}
