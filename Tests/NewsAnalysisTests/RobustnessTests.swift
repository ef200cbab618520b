import NewsAnalysis
import NewsCore
import NewsTesting
import Testing

@Suite("Any text terminates with spans that slice back")
struct RobustnessTests {
    static let pieces = [
        "Toner", " said", ".", " ", "\n\n", "“", "”", "\"", "'", "«", "»", "„", "U.N.", "Dec.", " 28", ",", "مرحبا",
        " שלום", "美国", "。", "👩‍👩‍👧", "e\u{301}", "250,000", " at least", " killed", " according to", " he", " the report",
        " Mr", " Smith", " Ministry", " spokesman", " Tuesday", " last week", " hundreds of", " civilians", "—",
        // Words that start a reach ahead for a name or a reporter, and the line breaks that end it early.
        "\n", "\u{A0}", " reported by", " said the", " told", " who", " according to the", " by",
    ]

    @Test("random mixtures of scripts, marks and numbers", arguments: 0..<300)
    func random(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let count = Int.random(in: 0..<400, using: &generator)
        let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        let analysis = TextAnalyzer().analyze(text, published: NumberAndDateTests.tuesday)
        var ranges =
            analysis.sentences.map(\.range) + analysis.quotes.map(\.range) + analysis.numbers.map(\.range)
            + analysis.dates.map(\.range)
        ranges += analysis.entities.flatMap { $0.mentions.map(\.range) }
        ranges += analysis.quotes.compactMap(\.speakerMention) + analysis.quotes.compactMap(\.cue)
        for range in ranges {
            #expect(range.start >= 0 && range.end <= text.utf8.count && range.start <= range.end)
            #expect(range.slice(of: text).utf8.count == range.length)
        }
        for quote in analysis.quotes {
            if let speaker = quote.speaker { #expect(speaker < analysis.entities.count) }
        }
    }

    /// Inputs that crashed the analyser (found by its fuzz target and by the random mixtures above), reduced.
    static let fuzzFindings = [
        // "according to the" ends a line: the speaker phrase ran into the next sentence's name.
        "According to the\nTU",
        "Officials said, according to the\nRed Cross. It was late.",
        "He spoke, said the\nMinistry spokesman Ali Khan.",
        // A count "reported by" with nothing after it: the reporter's name was read past the last token.
        "hundreds of l reported\u{A0}by",
        "Hundreds of people were killed, reported by",
        // A sentence opening on ", who said": the appositive's comma was looked for before the sentence.
        ",\nwho said e y\u{E7}e",
        // A no-break space alone: a sentence without a token, whose first token was read.
        "\u{A0}", "A line.\n\n\u{A0}\n\nAnother line.",
    ]

    @Test("inputs that once crashed the analyser", arguments: fuzzFindings)
    func fuzzFinding(text: String) {
        let analysis = TextAnalyzer().analyze(text, published: NumberAndDateTests.tuesday)
        for quote in analysis.quotes {
            #expect(quote.range.end <= text.utf8.count)
            if let speaker = quote.speakerMention {
                // A speaker lies inside the sentence of its quote's attribution, never across a break.
                #expect(!speaker.slice(of: text).contains("\n"))
            }
        }
    }

    @Test("a megabyte without a full stop, and a megabyte of quote marks")
    func huge() {
        let words = String(repeating: "Officials said Mark Toner called it \"bad\" and ", count: 20_000)
        let analysis = TextAnalyzer().analyze(words)
        #expect(analysis.sentences.count == 1)
        // Every repetition's words in marks survive, alone or inside the reported clause holding them.
        #expect(analysis.quotes.reduce(0) { $0 + $1.verbatimSpans.count } >= 20_000)
        let marks = TextAnalyzer().analyze(String(repeating: "“", count: 1 << 20))
        #expect(marks.quotes.isEmpty)
    }

    @Test("a transcript of 20,000 turns is 20,000 attributed lines, found in one pass")
    func longTranscript() {
        let turns = (0..<20_000).map { "\($0 % 2 == 0 ? "PENCE" : "WALLACE"): We will talk about turn \($0) now." }
        let text = "Chris Wallace spoke with Gov. Mike Pence.\n\n" + turns.joined(separator: "\n\n")
        let analysis = TextAnalyzer().analyze(text)
        let names = analysis.quotes.map { $0.speaker.map { analysis.entities[$0].name } ?? "?" }
        #expect(names.count == 20_000)
        #expect(names.filter { $0 == "Mike Pence" }.count == 10_000)
        #expect(names.filter { $0 == "Chris Wallace" }.count == 10_000)
    }
}
