import NewsAnalysis
import NewsCore
import Testing

@Suite("Quotes and their speakers")
struct QuoteTests {
    /// (kind, quoted text, speaker name) for each quote of `text`.
    static func quotes(_ text: String, language: String? = nil) -> [String] {
        let options = AnalysisOptions(language: language.flatMap(LanguageCode.init(rawValue:)))
        let analysis = TextAnalyzer(options: options).analyze(text)
        return analysis.quotes.map { quote in
            let speaker =
                quote.speaker.map { analysis.entities[$0].name } ?? quote.speakerMention.map { $0.slice(of: text) }
                ?? "?"
            let words = quote.spans.map { $0.slice(of: text) }.joined(separator: " … ")
            return "\(quote.kind.rawValue)|\(words)|\(speaker)"
        }
    }

    @Test("attribution before, after, inverted, continued, and by pronoun", arguments: attributionCases)
    func attribution(text: String, expected: [String]) {
        #expect(Self.quotes(text) == expected)
    }

    @Test("a related article's headline in marks, a paragraph of its own, is nobody's quote; a quote is")
    func headlineParagraph() {
        let text = """
            "It is going to be enormously disruptive," the analyst said.

            'All Bets Are Off.'

            "I would," Melanie said to the TV.

            "I would, Donald."
            """
        let found = Self.quotes(text)
        #expect(!found.contains { $0.contains("All Bets Are Off") })
        #expect(found.contains { $0.contains("It is going to be enormously disruptive,") })
        #expect(found.contains { $0.contains("I would, Donald.") })
    }

    @Test("a transcript's turns and a headline's colon attribute their line")
    func colonLines() {
        let transcript = """
            Chris Wallace spoke with Indiana Gov. Mike Pence on Sunday.

            WALLACE: Let us start with the debate. Will Gennifer Flowers be there?

            "PENCE: Well, look, this is serious business. The American people have a choice to make.

            WASHINGTON: The city was quiet on Sunday as the candidates prepared.

            UPDATE: This story has been updated with new figures.

            CLARIFICATION: The first sentence has been clarified to reflect the governor's plans.
            """
        #expect(
            Self.quotes(transcript) == [
                "direct|Let us start with the debate. Will Gennifer Flowers be there?|Chris Wallace",
                "direct|Well, look, this is serious business. The American people have a choice to make.|Mike Pence",
            ])
        // A time between the subject and its verb is not the speaker.
        #expect(
            Self.quotes("The Supreme Court this month rejected a request from Democrats in Ohio to restore a week.")
                == ["indirect|a request from Democrats in Ohio to restore a week|Supreme Court"])
        #expect(
            Self.quotes("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton\n\nThe poll was taken.")
                == ["indirect|Wealthy Voters Abandon Republican Party for Hillary Clinton|Poll"])
    }

    @Test("a quote running over two paragraphs is one quote")
    func multiParagraph() {
        let text =
            "Union leader Jane Doe spoke.\n\n\"We will not stop. We have waited years.\n\n\"And we will win,\" she said."
        let quotes = Self.quotes(text)
        #expect(quotes == ["direct|We will not stop. We have waited years.\n\n\"And we will win,|Jane Doe"])
    }

    @Test(
        "quote marks of other languages pair",
        arguments: [
            ("Le ministre Jean Dupont a déclaré : « Nous ne céderons pas. »", "Nous ne céderons pas."),
            ("Minister Hans Müller sagte: „Wir geben nicht auf.“", "Wir geben nicht auf."),
            ("Minister Hans Müller sagte: »Wir geben nicht auf.«", "Wir geben nicht auf."),
            ("大臣は「撤退しない」と述べた。", "撤退しない"),
            ("The minister said it was ‘a disgrace’ and left.", "a disgrace"),
        ])
    func marks(text: String, quoted: String) {
        let analysis = TextAnalyzer().analyze(text)
        #expect(analysis.quotes.contains { $0.verbatimSpans.contains { $0.slice(of: text) == quoted } })
    }

    @Test("apostrophes and unpaired marks make no quotes")
    func unpaired() {
        #expect(
            Self.quotes("Russia’s rebels' positions were hit, officials' reports say.").allSatisfy {
                $0.hasPrefix("indirect")
            })
        // An unpaired mark quotes nothing word for word; the sentence may still report what he said.
        let unclosed = "He said \"this never closes and the paragraph ends.\n\nNext one."
        #expect(TextAnalyzer().analyze(unclosed).quotes.allSatisfy { $0.verbatimSpans.isEmpty })
        // Only the very next paragraph may continue an open quote.
        let skipped = "Jane Doe said \"we will not stop.\n\nA paragraph between.\n\n\"Later,\" she said."
        #expect(Self.quotes(skipped).filter { $0.hasPrefix("direct") } == ["direct|Later,|Jane Doe"])
        #expect(Self.quotes(String(repeating: "\" ", count: 5000)).isEmpty)
    }
}
