import Foundation
import NewsCore
import NewsTesting
import Testing

@testable import NewsAnalysis

@Suite("The learned attribution tagger")
struct AttributionTaggerTests {
    /// Texts attributing with a verb no word list knows ("blorfed"), so only a learned model can find them.
    static func training(count: Int) -> [(text: String, attributions: [AnnotatedAttribution])] {
        let names = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Peter Novak", "Leila Haddad", "Omar Farouk"]
        let clauses = [
            "the bridge would reopen next week", "prices had risen sharply in the spring",
            "the talks would resume after the holiday", "the council had ignored the warnings",
            "the company would cut two hundred jobs", "the river was rising faster than expected",
        ]
        return (0..<count).map { number in
            let name = names[number % names.count]
            let clause = clauses[(number / names.count) % clauses.count]
            let text = "Report number \(number).\n\n\(name) blorfed that \(clause). The weather was mild."
            func range(of part: String) -> TextRange {
                let found = text.range(of: part)!
                let start = text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound)
                return TextRange(start, start + part.utf8.count)
            }
            return (
                text,
                [
                    AnnotatedAttribution(
                        sources: [range(of: name)], cues: [range(of: "blorfed")],
                        contents: [range(of: "that " + clause)])
                ]
            )
        }
    }

    static func model(epochs: Int) -> AttributionModel {
        var training = AttributionTraining()
        for example in Self.training(count: 48) { training.add(example.text, attributions: example.attributions) }
        return training.train(epochs: epochs)
    }

    @Test("training learns a cue no list knows, and the same data give the same model")
    func learns() throws {
        let model = Self.model(epochs: 4)
        #expect(Self.model(epochs: 4).encoded() == model.encoded())
        let text = "Council report.\n\nHana Kim blorfed that the ferry would stop running in winter."
        let tagged = TextAnalyzer(attributionModel: model).analyze(text)
        let quote = try #require(tagged.quotes.first)
        #expect(quote.kind == .indirect)
        #expect(quote.range.slice(of: text) == "that the ferry would stop running in winter")
        #expect(quote.cue?.slice(of: text) == "blorfed")
        #expect(quote.speaker.map { tagged.entities[$0].name } == "Hana Kim")
        // The rules alone know no such verb.
        let rules = TextAnalyzer(options: AnalysisOptions(attributionTagger: false)).analyze(text)
        #expect(rules.quotes.isEmpty)
    }

    @Test("the bundled model loads, round-trips through its encoding and refuses damaged bytes")
    func bundled() throws {
        let model = try #require(AttributionModel.bundled)
        #expect(model.featureCount > 10_000)
        let encoded = model.encoded()
        #expect(AttributionModel(encoded: encoded)?.encoded() == encoded)
        #expect(AttributionModel(encoded: encoded.dropLast(3)) == nil)
        #expect(AttributionModel(encoded: Data("CAT2 not a model".utf8)) == nil)
        #expect(AttributionModel(encoded: Data()) == nil)
    }

    @Test("decoding never opens a sentence or a part with an inside label")
    func wellFormed() {
        var random = SeededGenerator(seed: 7)
        let labels = AttributionLabel.count
        for _ in 0..<200 {
            let count = Int.random(in: 1...30, using: &random)
            let emissions = (0..<(count * labels)).map { _ in Float.random(in: -5...5, using: &random) }
            let transitions = (0..<(labels * labels)).map { _ in Float.random(in: -5...5, using: &random) }
            let path = AttributionModel.viterbi(
                count: count, emissions: emissions, transitions: transitions, lowest: -Float.infinity)
            #expect(path.count == count)
            #expect(path[0].part == 0 || path[0].rawValue % 2 == 1)
            for index in 1..<max(1, count) { #expect(path[index - 1].allows(path[index])) }
        }
    }

    @Test("reported speech holding words in marks is one attribution that keeps them")
    func quotedWords() throws {
        let text = "Union leader Jane Doe said the offer was \"an insult\" to every worker."
        let analysis = TextAnalyzer().analyze(text)
        let quote = try #require(analysis.quotes.first)
        #expect(analysis.quotes.count == 1)
        #expect(quote.kind == .partial)
        #expect(quote.range.slice(of: text) == "the offer was \"an insult\" to every worker")
        #expect(quote.verbatimSpans.map { $0.slice(of: text) } == ["an insult"])
        #expect(quote.speaker.map { analysis.entities[$0].name } == "Jane Doe")
    }

    @Test("a bare word of saying after \"and\" is no second attribution: \"federal and state law\" stays one clause")
    func bareSpeechWordAfterAnd() throws {
        let text = "The attorney general said the campaign violated federal and state law by using the images."
        let analysis = TextAnalyzer().analyze(text)
        #expect(
            analysis.quotes.map { $0.range.slice(of: text) } == [
                "the campaign violated federal and state law by using the images"
            ])
    }

    @Test("a clause the tagger ends at a coordinating \"and\" goes on to the end of its sentence")
    func coordinationToSentenceEnd() throws {
        let text =
            "He argued there is little point for Canada to respond now to the threats to close the border and "
            + "slap a 25 percent tariff on Canadian steel."
        let quote = try #require(TextAnalyzer().analyze(text).quotes.first)
        #expect(
            quote.range.slice(of: text)
                == "there is little point for Canada to respond now to the threats to close the border and slap a "
                + "25 percent tariff on Canadian steel")
    }

    @Test("the relative pronoun a speaker speaks through is a mention of the speaker (\"Mary Lane, who said\")")
    func relativePronounIsAMention() throws {
        let text = "Senator Mary Lane, who said the bill would ruin small farms, now supports a version of it."
        let analysis = TextAnalyzer().analyze(text)
        let quote = try #require(analysis.quotes.first { $0.range.slice(of: text).hasPrefix("the bill") })
        let speaker = try #require(quote.speaker)
        #expect(analysis.entities[speaker].name == "Mary Lane")
        #expect(analysis.entities[speaker].mentions.map { $0.range.slice(of: text) } == ["Mary Lane", "who"])
        #expect(analysis.entities[speaker].mentions.last?.form == .pronoun)
    }

    @Test(
        "a \"who\" between the speaker and the verb is the speaker's mention however the speaker was found",
        arguments: [
            (
                "Obama has had a frosty relationship with Mitch McConnell, now the Senate majority leader, who in 2010"
                    + " said the party's most important goal was to make Obama a one-term president.",
                "Mitch McConnell"
            ),
            (
                "It has become a major issue, with Hillary Clinton — who has called for big tax increases on the rich"
                    + " — attacking the plan in every speech.",
                "Hillary Clinton"
            ),
            (
                "Also receiving legal protection was Heather Samuelson, a campaign staffer turned legal assistant who"
                    + " made the initial determination on how to categorize the emails.",
                "Heather Samuelson"
            ),
        ])
    func relativePronounBeforeTheVerb(text: String, name: String) throws {
        let analysis = TextAnalyzer().analyze(text)
        let entity = try #require(analysis.entities.firstIndex { $0.name == name })
        #expect(analysis.quotes.contains { $0.speaker == entity })
        #expect(analysis.entities[entity].mentions.contains { $0.range.slice(of: text) == "who" })
    }

    @Test("a phrase set apart by commas between the subject and the verb is not the speaker")
    func parentheticalIsNotTheSpeaker() {
        let text =
            "Donald Trump spoke on Monday.\n\nTrump, speaking to a veterans group in Virginia, said he would order a"
            + " thorough review of the nation's computer defenses."
        let analysis = TextAnalyzer().analyze(text)
        let said = analysis.quotes.first { $0.cue.map { $0.slice(of: text) } == "said" }
        #expect(said?.speaker.map { analysis.entities[$0].name } == "Donald Trump")
        #expect(said?.speakerMention.map { $0.slice(of: text) } == "Trump")
    }

    @Test("only English is tagged: the model learned English news")
    func englishOnly() {
        let text = "Le ministre Jean Dupont a déclaré que le pont serait rouvert la semaine prochaine."
        let with = TextAnalyzer().analyze(text).quotes
        let without = TextAnalyzer(options: AnalysisOptions(attributionTagger: false)).analyze(text).quotes
        #expect(with == without)
    }
}
