import NewsCore
import NewsTesting
import NewsText
import Testing

@Suite("Offsets slice back to the text")
struct OffsetPropertyTests {
    /// Pieces of every script and shape the segmenter must survive: RTL, CJK, emoji with joiners,
    /// combining marks, unpaired quote marks, odd spaces.
    static let pieces = [
        "Toner", " said", ".", " ", "\n", "\n\n", "“", "”", "\"", "'", "«", "»", "„", "U.N.", "Dec.", " 28", ",",
        "مرحبا", " بالعالم", "שלום", "美国", "批评", "。", "東京", "👩‍👩‍👧", "🇺🇸", "e\u{301}", "\u{00A0}",
        "\u{2009}", "250,000", "St.", "—", "-", "!", "?", "Dr.", " the", " report", "\t", "Ünïcödé",
    ]

    @Test("sentences, tokens and paragraphs of random text slice back and stay ordered", arguments: 0..<40)
    func randomText(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let count = Int.random(in: 0..<300, using: &generator)
        let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        let segmented = TextSegmenter(language: .english).segment(text)
        let utf8Count = text.utf8.count
        var previousEnd = 0
        for range in segmented.sentences {
            #expect(range.start >= previousEnd && range.end <= utf8Count && range.start < range.end)
            // Every range starts and ends on a character boundary, so slicing round-trips.
            #expect(range.slice(of: text).utf8.count == range.length)
            previousEnd = range.end
        }
        previousEnd = 0
        for token in segmented.tokens {
            #expect(token.range.start >= previousEnd && token.range.end <= utf8Count)
            #expect(token.range.slice(of: text).utf8.count == token.range.length)
            let tokenText = token.range.slice(of: text)
            #expect(!tokenText.allSatisfy { $0.isWhitespace })
            previousEnd = token.range.end
        }
        for (sentence, tokens) in segmented.sentenceTokens.enumerated() {
            for token in tokens { #expect(segmented.sentences[sentence].contains(segmented.tokens[token].range)) }
        }
        for (sentence, paragraph) in segmented.sentenceParagraphs.enumerated() {
            #expect(segmented.paragraphs[paragraph].contains(segmented.sentences[sentence]))
        }
    }
}
