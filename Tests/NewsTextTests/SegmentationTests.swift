import NewsCore
import NewsText
import Testing

@Suite("Sentences and tokens")
struct SegmentationTests {
    static func sentences(_ text: String, language: String = "en") -> [String] {
        let segmented = TextSegmenter(language: LanguageCode(rawValue: language)).segment(text)
        return segmented.sentences.map { segmented.string($0) }
    }

    @Test(
        "news abbreviations do not end sentences",
        arguments: [
            (
                "Syrian citizens gather in Homs, Monday, Dec. 28, 2015. The US said more.",
                ["Syrian citizens gather in Homs, Monday, Dec. 28, 2015.", "The US said more."]
            ),
            (
                "Attacks between Sept. 30 and Nov. 29 killed many. Russia denied it.",
                ["Attacks between Sept. 30 and Nov. 29 killed many.", "Russia denied it."]
            ),
            (
                "Gen. Igor Konashenkov spoke. He left.",
                ["Gen. Igor Konashenkov spoke.", "He left."]
            ),
            (
                "The U.N. envoy spoke to the U.S. delegation. Talks begin.",
                ["The U.N. envoy spoke to the U.S. delegation.", "Talks begin."]
            ),
            (
                "They met at St. Peter's church. John F. Kennedy was there.",
                ["They met at St. Peter's church.", "John F. Kennedy was there."]
            ),
            (
                "Mr. Toner said so. Dr. Smith agreed.",
                ["Mr. Toner said so.", "Dr. Smith agreed."]
            ),
        ])
    func abbreviations(text: String, expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test("paragraphs and line breaks always end sentences")
    func paragraphs() {
        let text = "Photo by: AP\nPhoto by: AP\n\nThe first paragraph has no full stop\n\n  Second one.  "
        let segmented = TextSegmenter(language: .english).segment(text)
        #expect(
            segmented.paragraphs.map { segmented.string($0) } == [
                "Photo by: AP\nPhoto by: AP", "The first paragraph has no full stop", "Second one.",
            ])
        #expect(
            Self.sentences(text) == [
                "Photo by: AP", "Photo by: AP", "The first paragraph has no full stop", "Second one.",
            ])
        #expect(segmented.sentenceParagraphs == [0, 0, 1, 2])
    }

    @Test("tokens keep numbers, acronyms and possessives whole; white space is not a token")
    func tokens() {
        let segmented = TextSegmenter(language: .english).segment(
            "Russia’s U.N. envoy: 250,000 killed, 1.5 million fled.")
        let words = segmented.tokens.indices.map { segmented.string(of: $0) }
        #expect(
            words == ["Russia’s", "U.N", ".", "envoy", ":", "250,000", "killed", ",", "1.5", "million", "fled", "."])
        #expect(segmented.tokens.map(\.kind).filter { $0 == .number }.count == 2)
        #expect(segmented.tokens[0].spaceBefore && !segmented.tokens[2].spaceBefore)
    }

    @Test("Chinese and Japanese are cut into dictionary words")
    func ideographs() {
        let segmented = TextSegmenter(language: LanguageCode(rawValue: "zh")).segment("美国批评俄罗斯空袭。叙利亚平民死亡。")
        #expect(segmented.sentences.count == 2)
        #expect(segmented.tokens.filter { $0.kind == .ideographic }.count >= 4)
    }

    @Test("a megabyte without a full stop is one sentence, its tokens in order")
    func longSentence() {
        let text = String(repeating: "word ", count: 200_000)
        let segmented = TextSegmenter(language: .english).segment(text)
        #expect(segmented.sentences.count == 1)
        #expect(segmented.tokens.count == 200_000)
    }

    @Test("empty and blank text have no sentences")
    func empty() {
        for text in ["", "   \n\n \t "] {
            let segmented = TextSegmenter(language: .english).segment(text)
            #expect(segmented.sentences.isEmpty && segmented.tokens.isEmpty && segmented.paragraphs.isEmpty)
        }
    }
}
