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

    @Test(
        "attribution before, after, inverted, continued, and by pronoun",
        arguments: [
            (
                "\"We will not stop,\" Jane Doe said.",
                ["direct|We will not stop,|Jane Doe"]
            ),
            (
                "“We will not stop,” said Jane Doe, the union leader.",
                ["direct|We will not stop,|Jane Doe"]
            ),
            (
                "Jane Doe, the union leader, said: \"We will not stop.\"",
                ["direct|We will not stop.|Jane Doe"]
            ),
            (
                "Union leader Jane Doe spoke first.\n\n\"We will not stop,\" she said. \"Not now.\"",
                ["direct|We will not stop, … Not now.|Jane Doe"]
            ),
            (
                "\"We will not stop,\" Jane Doe said, \"until the offer is fair.\"",
                ["direct|We will not stop, … until the offer is fair.|Jane Doe"]
            ),
            (
                "\"Absolutely not,\" Jane Doe, a writer for The Atlantic magazine, said on Twitter.",
                ["direct|Absolutely not,|Jane Doe"]
            ),
            (
                "Readers wrote in.\n\n“He is ignorant of our culture.” ― Pamela Padilla",
                ["direct|He is ignorant of our culture.|Pamela Padilla"]
            ),
            (
                // One signed quote per line, signed by names no list knows.
                "Readers wrote in.\n\n“He is ignorant of our culture.” ― Beck Pimentel\n“Fear. I am afraid.” ― Nell Carden Grey",
                ["direct|He is ignorant of our culture.|Beck Pimentel", "direct|Fear. I am afraid.|Nell Carden Grey"]
            ),
            (
                // A sentence always ends after "?”", so the attribution is a sentence of its own.
                "Senator Jane Doe spoke in Tulsa.\n\n“How many times must we see this?” she said.",
                ["direct|How many times must we see this?|Jane Doe"]
            ),
            (
                "The Valley Times reports:\n\n“The bridge will close for a year.”",
                ["direct|The bridge will close for a year.|Valley Times"]
            ),
            (
                // A quote standing alone after a sentence of reported speech goes on in that speaker's voice.
                "The strike may go on until spring, union leader Jane Doe said. \"Nobody here wants it to.\"",
                ["indirect|The strike may go on until spring|Jane Doe", "direct|Nobody here wants it to.|Jane Doe"]
            ),
            (
                // Reported words before their attribution run from the sentence's start, over a "while" inside.
                "Adam Schiff spoke.\n\nThe administration may be reluctant to act while John Kerry negotiates with"
                    + " Russia over Syria, Schiff said.",
                [
                    "indirect|The administration may be reluctant to act while John Kerry negotiates with Russia over"
                        + " Syria|Adam Schiff"
                ]
            ),
            (
                "Union leader Jane Doe said that the strike would go on.",
                ["indirect|that the strike would go on|Jane Doe"]
            ),
            (
                "Senator Mary Price endorsed Jane Doe for governor on Monday.",
                ["indirect|Jane Doe for governor on Monday|Mary Price"]
            ),
            (
                "The ministry declined to comment on the report.",
                ["indirect|to comment on the report|The ministry"]
            ),
            (
                "Mayor Joan Ellis told her advisers to find money for the bridge.",
                ["indirect|her advisers to find money for the bridge|Joan Ellis"]
            ),
            (
                "The strike will last into next week, attorneys for the dock workers said.",
                ["indirect|The strike will last into next week|attorneys for the dock workers"]
            ),
            (
                "Rents rose by a third in five years, a study of city records shows.",
                ["indirect|Rents rose by a third in five years|a study of city records"]
            ),
            (
                "To prevent floods, Mayor Joan Ellis said, the town must raise its dikes.",
                ["indirect|To prevent floods … the town must raise its dikes|Joan Ellis"]
            ),
            (
                "\"The data are clear,\" said Dr. Jane Smith, a professor at the University of Toronto.",
                ["direct|The data are clear,|Jane Smith"]
            ),
            (
                "\"This bridge will change the town,\" said the mayor, Joan Ellis, after the vote.",
                ["direct|This bridge will change the town,|Joan Ellis"]
            ),
            (
                "\"It's a disaster,\" said one resident, who asked not to be named.",
                ["direct|It's a disaster,|one resident"]
            ),
            (
                "The mayor, who spoke to reporters outside city hall, said crews would work through the night.",
                ["indirect|crews would work through the night|The mayor"]
            ),
            (
                "Prime Minister Justin Trudeau left early. \"We are staying,\" she said.",
                ["direct|We are staying,|she"]
            ),
            (
                "\"I don't know,\" Jane Smith said when asked about the timeline.",
                ["direct|I don't know,|Jane Smith"]
            ),
            (
                "State Department spokesman Mark Toner spoke first. \"It is fine,\" Mr Toner said.",
                ["direct|It is fine,|Mark Toner"]
            ),
            (
                // The attribution is the clause; the words in marks are its `quotedWords`.
                "Union leader Jane Doe called the offer \"an insult\" on Monday.",
                ["partial|the offer \"an insult\"|Jane Doe"]
            ),
            (
                "Union leader Jane Doe said the strike would go on.",
                ["indirect|the strike would go on|Jane Doe"]
            ),
            (
                "The strike will go on, union leader Jane Doe said.",
                ["indirect|The strike will go on|Jane Doe"]
            ),
            (
                "According to Amnesty International, the strikes hit three hospitals.",
                ["indirect|the strikes hit three hospitals|Amnesty International"]
            ),
            (
                // A title and a party-and-state parenthetical stand between the quote and the verb.
                "\"They may not want to answer,\" Rep. John Mica (R-Fla.) said.",
                ["direct|They may not want to answer,|John Mica"]
            ),
            (
                "\"They would just go get them,\" Rep. Jim Jordan (R-Ohio), an oversight panel member, said.",
                ["direct|They would just go get them,|Jim Jordan"]
            ),
            (
                // An adverb between the subject and its verb: the speaker is the subject, not the one told.
                "\"We will win,\" Jane Doe defiantly told the crowd.",
                ["direct|We will win,|Jane Doe"]
            ),
            (
                // After a colon the quote is a whole utterance, whatever came before its speaker.
                "Trump will probably use the encounter to make news, Jim Kall said: \"I feel like he has a surprise.\"",
                ["direct|I feel like he has a surprise.|Jim Kall"]
            ),
            (
                // The place after a participle is where they were, not who speaks.
                "Residents living near the plant said the smell was unbearable.",
                ["indirect|the smell was unbearable|Residents"]
            ),
            (
                "Protesters marching through the streets chanted \"What curfew?\" and kept going.",
                ["direct|What curfew?|Protesters"]
            ),
            (
                // A body's title before the name: the speaker is the person, not "panel".
                "\"We will get the documents,\" said panel Chairman Rep. Jason Chaffetz (R-Utah).",
                ["direct|We will get the documents,|Jason Chaffetz"]
            ),
            (
                // "Del." is a title, so the sentence goes on to the name.
                "\"This is a waste of time,\" said Del. Stacey Plaskett.",
                ["direct|This is a waste of time,|Stacey Plaskett"]
            ),
            (
                "\"Why is this not proof that it is too big to fail?\" Senator David Vitter demanded.",
                ["direct|Why is this not proof that it is too big to fail?|David Vitter"]
            ),
            (
                // A double mark spaced off the single mark closing a quote inside it closes too.
                "\"I have always been insulted with the term 'African American outreach,' \" Donald Trump told the group.",
                ["direct|I have always been insulted with the term 'African American outreach,'|Donald Trump"]
            ),
            (
                // A show's title after a possessive is nobody's words; what follows it is the report.
                "Sanders told MSNBC's \"Morning Joe\" that nobody would question his record.",
                ["indirect|that nobody would question his record|Sanders"]
            ),
            (
                "\"We cannot paint with a broad brush,\" Pence said on CNN's \"State of the Union.\"",
                ["direct|We cannot paint with a broad brush,|Pence"]
            ),
            (
                // Marks around an id in leftover markup hold no words.
                "She posted it. <tweet tweet-id=\"783492272595750912\"><tweet/>. Then she left.",
                []
            ),
        ])
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
