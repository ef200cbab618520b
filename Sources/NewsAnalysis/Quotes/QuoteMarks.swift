internal import NewsCore
internal import NewsText

/// A span in quote marks: the marks' tokens and the words between them.
struct QuoteSpan {
    /// The opening mark's token.
    var open: Int
    /// The closing mark's token.
    var close: Int
    /// The words inside the marks (spanning paragraphs when the quote continues).
    var range: TextRange
}

/// Pairs quote marks in body paragraphs. A mark opens when it follows white space and precedes a word,
/// and closes when it follows a word, whatever its shape, so mixed marks (`“extremely disturbing."`) and
/// every language's conventions pair alike: “…”, „…“, «…», »…«, 「…」, ‘…’, '…'.
enum QuoteMarks {
    static let doubleMarks: Set<String> = ["\"", "“", "”", "„", "«", "»", "「", "」", "『", "』", "〝", "〞", "＂"]
    static let singleMarks: Set<String> = ["'", "‘", "’", "‚", "‹", "›"]

    static func spans(in context: AnalysisContext) -> [QuoteSpan] {
        let tokens = context.tokens
        var spans: [QuoteSpan] = []
        var openDouble: Int?
        var openSingle: Int?
        var previousParagraph = -1
        // The paragraph the open double quote last reached (its own, or one it ran on into).
        var reachedParagraph = -1
        for index in tokens.indices where tokens[index].kind == .punctuation {
            let sentence = context.sentenceOf[index]
            guard context.sentenceRoles[sentence] == .body else { continue }
            let paragraph = context.text.sentenceParagraphs[sentence]
            let mark = context.lower[index]
            let isDouble = doubleMarks.contains(mark)
            guard isDouble || singleMarks.contains(mark) else { continue }
            let opens =
                Self.alwaysOpening.contains(mark)
                || (!Self.alwaysClosing.contains(mark) && isOpening(index, tokens, mark: mark))
            let closes =
                Self.alwaysClosing.contains(mark)
                || (!Self.alwaysOpening.contains(mark) && isClosing(index, tokens, mark: mark))
                || (isDouble && openDouble != nil && closesNested(index, context))
            if paragraph != previousParagraph {
                openSingle = nil
                // NB: a quote running on into the next paragraph reopens it with a mark, by convention; the
                // open mark is then carried over instead of dropped.
                if openDouble != nil, isDouble, opens, paragraph == reachedParagraph + 1,
                    isFirstToken(index, ofParagraph: paragraph, context)
                {
                    previousParagraph = paragraph
                    reachedParagraph = paragraph
                    continue
                }
                openDouble = nil
                previousParagraph = paragraph
            }
            if isDouble {
                if let start = openDouble, closes {
                    if let span = span(start, index, context) { spans.append(span) }
                    openDouble = nil
                    openSingle = nil
                } else if opens {
                    openDouble = index
                    openSingle = nil
                    reachedParagraph = paragraph
                }
            } else if openDouble == nil {
                if let start = openSingle, closes {
                    if let span = span(start, index, context) { spans.append(span) }
                    openSingle = nil
                } else if opens {
                    openSingle = index
                }
            }
        }
        return spans
    }

    /// CJK corner brackets have one shape per side.
    static let alwaysOpening: Set<String> = ["「", "『", "〝"]
    static let alwaysClosing: Set<String> = ["」", "』", "〞"]
    /// Guillemets may be spaced inside (French « ... »).
    static let guillemets: Set<String> = ["«", "»", "‹", "›"]

    private static func isOpening(_ index: Int, _ tokens: [Token], mark: String) -> Bool {
        let next = index + 1
        guard next < tokens.count else { return false }
        let afterSpaceOrPunctuation = tokens[index].spaceBefore || (index > 0 && tokens[index - 1].kind == .punctuation)
        if guillemets.contains(mark) { return afterSpaceOrPunctuation }
        return !tokens[next].spaceBefore && afterSpaceOrPunctuation
    }

    private static func isClosing(_ index: Int, _ tokens: [Token], mark: String) -> Bool {
        guard !tokens[index].spaceBefore || guillemets.contains(mark) else { return false }
        let next = index + 1
        return next >= tokens.count || tokens[next].spaceBefore || tokens[next].kind == .punctuation
    }

    /// `"… the term 'African American outreach,' " he told`: a double mark spaced off the single mark that
    /// closes a quote inside it closes too.
    private static func closesNested(_ index: Int, _ context: AnalysisContext) -> Bool {
        let tokens = context.tokens
        guard index > 0, tokens[index].spaceBefore, !tokens[index - 1].spaceBefore,
            singleMarks.contains(context.lower[index - 1])
        else { return false }
        let next = index + 1
        return next >= tokens.count || tokens[next].spaceBefore || tokens[next].kind == .punctuation
    }

    private static func isFirstToken(_ index: Int, ofParagraph paragraph: Int, _ context: AnalysisContext) -> Bool {
        context.tokens[index].range.start == context.text.paragraphs[paragraph].start
    }

    private static func span(_ open: Int, _ close: Int, _ context: AnalysisContext) -> QuoteSpan? {
        guard close > open + 1 else { return nil }
        // Spaced guillemets (« Nous ») keep their spaces outside the quote.
        let start = context.tokens[open + 1].range.start
        let end = context.tokens[close - 1].range.end
        guard end > start else { return nil }
        return QuoteSpan(open: open, close: close, range: TextRange(start, end))
    }
}
