import Foundation
import NewsAnalysis
import NewsCore
import Testing

@Suite("The seed reports, analysed whole")
struct SeedAnalysisTests {
    static func analysis(_ seed: String) throws -> (ArticleAnalysis, String) {
        let article = try Golden.seed(seed)
        return (TextAnalyzer().analyze(article.text, published: article.published), article.text)
    }

    @Test("golden analysis", arguments: ["trt-world", "voa"])
    func golden(seed: String) throws {
        let (analysis, text) = try Self.analysis(seed)
        try Golden.assert(Golden.render(analysis, text: text), named: "\(seed).analysis.txt")
    }

    /// The speaker named for the quote whose text contains `fragment`.
    static func speaker(
        of fragment: String, in analysis: ArticleAnalysis, text: String, kind: QuoteKind? = nil
    ) -> String? {
        // NB: a phrase in marks inside reported speech is the reported clause's (its `quotedWords`).
        let quote = analysis.quotes.first {
            $0.range.slice(of: text).contains(fragment) && (kind == nil || $0.kind == kind)
        }
        return quote?.speaker.map { analysis.entities[$0].name }
    }

    @Test("speakers: Toner, Konashenkov, de Mistura, Amnesty International's report")
    func speakers() throws {
        let (trt, trtText) = try Self.analysis("trt-world")
        #expect(Self.speaker(of: "We've seen a marked", in: trt, text: trtText, kind: .direct) == "Mark Toner")
        #expect(Self.speaker(of: "extremely disturbing", in: trt, text: trtText) == "Mark Toner")
        #expect(Self.speaker(of: "fake information", in: trt, text: trtText, kind: .partial) == "Igor Konashenkov")
        #expect(
            Self.speaker(of: "has unlawfully used unguided bombs", in: trt, text: trtText, kind: .partial)
                == "Amnesty International")
        let amnesty = try #require(
            trt.quotes.first { $0.verbatimSpans.contains { $0.slice(of: trtText).hasPrefix("has unlawfully used") } })
        #expect(amnesty.speakerMention?.slice(of: trtText) == "The report")

        let (voa, voaText) = try Self.analysis("voa")
        for fragment in ["We have at times", "We'd like to see", "We've consistently urges", "We do know that Russia"] {
            #expect(Self.speaker(of: fragment, in: voa, text: voaText, kind: .direct) == "Mark Toner", "\(fragment)")
        }
        let heSaid = try #require(voa.quotes.first { $0.range.slice(of: voaText).hasPrefix("We do know") })
        #expect(heSaid.speakerMention?.slice(of: voaText) == "he")
        #expect(Self.speaker(of: "broadest possible spectrum", in: voa, text: voaText) == "Staffan de Mistura")
        #expect(
            Self.speaker(of: "Kerry highlighted in his conversation", in: voa, text: voaText, kind: .indirect)
                == "Mark Toner")
    }

    @Test("people carry their roles")
    func roles() throws {
        let (trt, _) = try Self.analysis("trt-world")
        let (voa, _) = try Self.analysis("voa")
        func role(_ name: String, _ analysis: ArticleAnalysis) -> String? {
            analysis.entities.first { $0.name == name && $0.kind == .person }?.role
        }
        #expect(role("Mark Toner", voa) == "State Department spokesman")
        #expect(role("Sergei Lavrov", voa) == "Russian Foreign Minister")
        #expect(role("Igor Konashenkov", trt) == "Russian Defence Ministry spokesman")
        #expect(role("John Kerry", trt) == "US Secretary of State")
        // "Toner", "he" resolve to the full name.
        let toner = try #require(voa.entities.first { $0.name == "Mark Toner" })
        #expect(toner.mentions.contains { $0.form == .short } && toner.mentions.contains { $0.form == .pronoun })
        // Demonyms stand for their country.
        let russia = try #require(trt.entities.first { $0.name == "Russia" })
        #expect(russia.kind == .place && russia.mentions.contains { $0.form == .demonym })
    }

    @Test("numbers with what they count and who reports them")
    func numbers() throws {
        let (trt, text) = try Self.analysis("trt-world")
        func claim(_ written: String) -> NumericClaim? { trt.numbers.first { $0.range.slice(of: text) == written } }
        func reporter(_ claim: NumericClaim?) -> String? { claim?.reporter.map { trt.entities[$0].name } }
        let killed = try #require(claim("849"))
        #expect(killed.value == 849 && killed.counted == "civiians" && killed.predicate == "killed")
        #expect(reporter(killed) == "Syrian Network for Human Rights")
        let children = try #require(claim("more than 100"))
        #expect(
            children.qualifier == .atLeast && children.counted == "children"
                && reporter(children) == "Syrian Network for Human Rights")
        let casualties = try #require(claim("at least 200"))
        #expect(casualties.counted == "civilian casualties" && reporter(casualties) == "Amnesty International")
        #expect(claim("25")?.counted == "attacks")
        let war = try #require(claim("at least 250,000"))
        #expect(war.value == 250_000 && war.predicate == "killed" && reporter(war) == "United Nations")
        #expect(war.reporterMention?.slice(of: text) == "UN estimates")
        let half = try #require(claim("half of"))
        #expect(half.value == 0.5 && half.predicate == "displaced")
        #expect(claim("hundreds of")?.qualifier == .order)

        let (voa, voaText) = try Self.analysis("voa")
        #expect(voa.numbers.contains { $0.range.slice(of: voaText) == "Two" && $0.counted == "previous rounds" })
        let talks = try #require(voa.dates.first { $0.range.slice(of: voaText) == "January 25" })
        #expect(talks.value == "2016-01-25")
    }

    @Test("photo credits and captions are not body sentences")
    func furniture() throws {
        let (trt, text) = try Self.analysis("trt-world")
        let credit = try #require(trt.sentences.first { $0.range.slice(of: text) == "Photo by: AP" })
        #expect(credit.block == .credit)
        #expect(trt.sentences.first { $0.range.slice(of: text).hasPrefix("In this photo released") }?.block == .caption)
        #expect(trt.paragraphs.last?.role == .credit)  // "TRTWorld and agencies"
        let (voa, voaText) = try Self.analysis("voa")
        #expect(
            voa.sentences.filter { $0.range.slice(of: voaText).hasPrefix("FILE - ") }.allSatisfy {
                $0.block == .caption
            })
        #expect(!voa.quotes.contains { voa.sentences[$0.sentence].block != .body })
    }
}
