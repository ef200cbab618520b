import Foundation
import NewsCompare
import NewsCore
import Testing

/// The founding example: TRT World and VOA on US criticism of Russian air strikes in Syria.
@Suite("Seed comparison")
struct SeedComparisonTests {
    static let comparison: StoryComparison = {
        // NB: the seeds ship with the package; a failure to read them is a broken checkout.
        CoverageComparer().compare(story: ArticleID(1), articles: try! SeedFixtures.seeds())
    }()

    /// The claim group holding a sentence of `outlet` that contains `words`.
    func group(_ outlet: String, _ words: String) throws -> ClaimGroup {
        try #require(
            Self.comparison.claims.first { group in
                // NB: the seeds have no-break spaces between some words.
                group.evidence.contains {
                    $0.outlet == outlet && String($0.text.map { $0 == "\u{A0}" ? " " : $0 }).contains(words)
                }
            }, "no claim of \(outlet) contains \(words)")
    }

    @Test("two independent origins")
    func origins() {
        #expect(Self.comparison.articleOrigins.map(\.label) == ["TRT World", "VOA"])
        // The reports TRT relays are origins of their own, with no article in the story.
        let named = Self.comparison.origins.filter { $0.external == true }
        #expect(named.map(\.label) == ["Syrian Network for Human Rights", "Amnesty International"])
        #expect(named.allSatisfy { $0.articles.isEmpty })
        #expect(Self.comparison.articles.count == 2)
    }

    @Test("corroborated: the 'extremely disturbing' reports, hundreds killed, Kerry raised it, Russia denies")
    func corroborated() throws {
        let disturbing = try group("TRT World", "extremely disturbing")
        #expect(disturbing.status == .corroborated)
        #expect(disturbing.evidence.contains { $0.outlet == "VOA" && $0.text.contains("hundreds of Syrian civilians") })
        let kerry = try group("TRT World", "concern US Secretary of State John Kerry has raised")
        #expect(kerry.status == .corroborated)
        #expect(kerry.evidence.contains { $0.outlet == "VOA" && $0.text.contains("Kerry discussed concerns") })
        let denial = try group("TRT World", "Russia rejected the report")
        #expect(denial.status == .corroborated)
        #expect(denial.evidence.contains { $0.outlet == "VOA" && $0.text.contains("Russia has denied") })
        let hundreds = Self.comparison.figures.flatMap(\.figures).filter { $0.number.text.hasPrefix("hundreds") }
        #expect(Set(hundreds.map(\.number.outlet)) == ["TRT World", "VOA"])
        // TRT's own (Toner's NGOs), Amnesty's report that TRT relays, and VOA's: three origins.
        #expect(hundreds.allSatisfy { $0.status == .corroborated && $0.originCount == 3 })
    }

    @Test("single-source in TRT World: SNHR's 849, Amnesty's 200, the UN's 250,000")
    func singleSourceTRT() throws {
        for words in ["849 civiians", "at least 200 civilian casualties", "at least 250,000 people"] {
            #expect(try group("TRT World", words).status == .singleSource, "\(words)")
        }
        let figures = Self.comparison.figures.flatMap(\.figures)
        func figure(_ text: String) throws -> Figure { try #require(figures.first { $0.number.text == text }) }
        #expect(try figure("849").reporter == "Syrian Network for Human Rights")
        #expect(try figure("849").status == .singleSource)
        #expect(try figure("at least 200").reporter == "Amnesty International")
        #expect(try figure("at least 200").status == .singleSource)
        #expect(try figure("at least 250,000").reporter == "United Nations")
        // SNHR's and Amnesty's counts of civilians are shown side by side as differing figures, not merged.
        let row = try #require(
            Self.comparison.figures.first { row in row.figures.contains { $0.number.text == "at least 200" } })
        #expect(row.agreement == "differ")
        #expect(row.figures.contains { $0.number.text.hasPrefix("hundreds") })
        #expect(row.explanation.contains("can all be true"), "\(row.explanation)")
        #expect(row.explanation.contains("849 (Syrian Network for Human Rights)"), "\(row.explanation)")
    }

    @Test("single-source in VOA: Alloush's death, Geneva talks on January 25, de Mistura")
    func singleSourceVOA() throws {
        #expect(try group("VOA", "killed Zahran Alloush").status == .singleSource)
        let geneva = try group("VOA", "Geneva for negotiations beginning January 25")
        #expect(geneva.status == .singleSource)
        #expect(geneva.evidence.count == 1)
        #expect(Self.comparison.timeline.contains { $0.date == "2016-01-25" && $0.text.contains("de Mistura") })
    }

    @Test("quotes: Toner's 'extremely disturbing' is carried by both")
    func quotes() throws {
        let shared = try #require(Self.comparison.quotes.shared.first { $0.text == "extremely disturbing" })
        #expect(shared.originCount == 2)
        #expect(shared.speakers.contains("Mark Toner"))
        let toner = try #require(Self.comparison.quotes.speakers.first { $0.name == "Mark Toner" })
        #expect((toner.countsByOutlet["TRT World"] ?? 0) > 0 && (toner.countsByOutlet["VOA"] ?? 0) > 0)
    }

    @Test("framing: the words only each headline uses, and what each leaves out")
    func framing() throws {
        let trt = try #require(Self.comparison.framing.first { $0.outlet == "TRT World" })
        let voa = try #require(Self.comparison.framing.first { $0.outlet == "VOA" })
        #expect(trt.distinctiveWords.contains("killing"))
        #expect(voa.distinctiveWords.contains("Disturbing"))
        #expect(!voa.distinctiveWords.contains("Syrian") && !voa.distinctiveWords.contains("Civilians"))
        #expect(trt.omittedEntities.contains("Zahran Alloush"))
        #expect(!trt.omittedEntities.contains("Bashar al-Assad"))
        #expect(voa.omittedEntities.contains("Syrian Network for Human Rights"))
    }

    @Test("summary: corroborated facts first, each sentence citing its articles")
    func summary() {
        let summary = Self.comparison.summary
        #expect((3...5).contains(summary.count))
        #expect(summary.first?.status == .corroborated)
        let firstSingle = summary.firstIndex { $0.status != .corroborated } ?? summary.count
        #expect(summary[firstSingle...].allSatisfy { $0.status != .corroborated })
        #expect(summary.allSatisfy { sentence in sentence.citations.contains { $0.text == sentence.text } })
    }

    @Test("every citation slices its article to the cited text, in character offsets")
    func citations() throws {
        let texts = Dictionary(uniqueKeysWithValues: try SeedFixtures.seeds().map { ($0.id, $0.text) })
        let comparison = Self.comparison
        var all = comparison.claims.flatMap(\.evidence) + comparison.summary.flatMap(\.citations)
        all += comparison.figures.flatMap(\.figures).flatMap { [$0.number, $0.sentence] }
        all += comparison.quotes.speakers.flatMap(\.quotes).map(\.words) + comparison.quotes.shared.flatMap(\.evidence)
        all += comparison.timeline.flatMap(\.citations)
        #expect(all.count > 80)
        for citation in all {
            let scalars = Array(try #require(texts[citation.article]).unicodeScalars)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[citation.start..<citation.end])
            #expect(String(slice) == citation.text)
        }
    }

    @Test("golden: the Markdown rendering")
    func golden() throws {
        try Golden.assert(MarkdownRenderer.render(Self.comparison), named: "seeds.story.md")
    }

    @Test("the JSON document reads back equal")
    func json() throws {
        let data = ComparisonJSON.encode(Self.comparison)
        #expect(try ComparisonJSON.decode(data) == Self.comparison)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "corroborate.story.v1")
    }
}
