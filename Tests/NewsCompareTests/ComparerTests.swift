import Foundation
import NewsAnalysis
import NewsCompare
import NewsCore
import Testing

/// Small stories written for the rules they check.
@Suite("Coverage comparer")
struct ComparerTests {
    static let day = ISO8601DateFormatter().date(from: "2024-03-05T00:00:00Z")

    static func article(
        _ id: Int64, _ outlet: String, _ text: String, owner: String? = nil, copyOf: Int64? = nil
    )
        -> CoverageArticle
    {
        CoverageArticle(
            id: ArticleID(id), title: "Flooding in Valencia", text: text, outlet: outlet, owner: owner,
            duplicateOf: copyOf.map { ArticleID($0) }, published: day,
            analysis: TextAnalyzer().analyze(text, published: day, languageHint: .english))
    }

    static let wire =
        "Floods in Valencia killed 52 people on Monday, the regional government said. Rescue teams searched for survivors in the town of Paiporta."

    @Test("wire copies and outlets of one owner count as one origin")
    func origins() {
        let articles = [
            Self.article(1, "AP", Self.wire),
            Self.article(2, "Daily Herald", Self.wire, copyOf: 1),
            Self.article(
                3, "Evening Post", "Floods in Valencia killed 52 people on Monday, officials said.",
                owner: "Herald Group"),
            Self.article(
                4, "Daily Herald Online", "Floods in Valencia killed 52 people on Monday.", owner: "Herald Group"),
        ]
        let comparison = CoverageComparer().compare(story: ArticleID(1), articles: articles)
        #expect(comparison.origins.count == 2)
        let toll = comparison.claims.first { $0.evidence.contains { $0.text.contains("killed 52") } }
        #expect(toll?.status == .corroborated)
        #expect(toll?.origins.count == 2)
        // With every outlet under one owner, nothing is corroborated, however many articles say it.
        let owned = articles.map { article -> CoverageArticle in
            var article = article
            article.owner = "One Media"
            return article
        }
        let single = CoverageComparer().compare(story: ArticleID(1), articles: owned)
        #expect(single.origins.count == 1)
        #expect(single.claims.allSatisfy { $0.status == .singleSource })
        #expect(single.figures.flatMap(\.figures).allSatisfy { $0.status == .singleSource })
    }

    @Test("one reporter's figure changing between origins is contested; different reporters differ")
    func conflicts() throws {
        let articles = [
            Self.article(1, "AP", "The regional government said floods in Valencia killed 52 people on Monday."),
            Self.article(2, "Reuters", "The regional government said floods in Valencia killed 95 people on Monday."),
            Self.article(3, "AFP", "The Red Cross said floods in Valencia killed 120 people on Monday."),
        ]
        let comparison = CoverageComparer().compare(story: ArticleID(1), articles: articles)
        let row = try #require(comparison.figures.first { $0.figures.count == 3 })
        #expect(row.agreement == "conflict")
        let byText = Dictionary(uniqueKeysWithValues: row.figures.map { ($0.number.text, $0) })
        #expect(byText["52"]?.status == .contested)
        #expect(byText["95"]?.status == .contested)
        #expect(byText["120"]?.status == .singleSource)
        let contested = try #require(comparison.claims.first { $0.status == .contested })
        #expect(contested.conflict?.contains("52") == true)
        #expect(comparison.statusCounts["contested"] == 1)
    }

    @Test("hedged figures that can both be true do not conflict")
    func hedges() throws {
        let articles = [
            Self.article(
                1, "AP", "The regional government said at least 50 people were killed by floods in Valencia on Monday."),
            Self.article(
                2, "Reuters", "The regional government said 52 people were killed by floods in Valencia on Monday."),
        ]
        let comparison = CoverageComparer().compare(story: ArticleID(1), articles: articles)
        #expect(comparison.claims.allSatisfy { $0.status != .contested })
        #expect(comparison.figures.allSatisfy { $0.agreement != "conflict" })
    }

    @Test("different facts about the same place do not align")
    func unrelated() {
        let articles = [
            Self.article(
                1, "AP", "Rescue teams searched for survivors in the town of Paiporta near Valencia on Tuesday."),
            Self.article(
                2, "Reuters", "The football club of Valencia postponed its match against Sevilla after the storm."),
        ]
        let comparison = CoverageComparer().compare(story: ArticleID(1), articles: articles)
        #expect(comparison.claims.allSatisfy { $0.status == .singleSource })
    }

    @Test("CSV quotes fields and defuses formulas; HTML escapes article text")
    func escaping() {
        #expect(CSVRenderer.field("plain") == "plain")
        #expect(CSVRenderer.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(CSVRenderer.field("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        let text = "The <script>alert(1)</script> group & \"others\" said 40 people were killed in Valencia on Monday."
        let comparison = CoverageComparer().compare(
            story: ArticleID(1), articles: [Self.article(1, "A&B <News>", text)])
        let html = HTMLRenderer.render(comparison)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;") && html.contains("A&amp;B &lt;News&gt;"))
        let csv = CSVRenderer.render(comparison)
        #expect(csv.hasPrefix(CSVRenderer.header.joined(separator: ",") + "\r\n"))
        #expect(csv.contains("\"The <script>alert(1)</script> group & \"\"others\"\" said"))
    }

    @Test("an empty story and a story of one article compare without failing")
    func degenerate() {
        let empty = CoverageComparer().compare(story: ArticleID(9), articles: [])
        #expect(empty.claims.isEmpty && empty.origins.isEmpty && empty.summary.isEmpty)
        #expect(MarkdownRenderer.render(empty).contains("(no articles)"))
        let one = CoverageComparer().compare(story: ArticleID(1), articles: [Self.article(1, "AP", Self.wire)])
        #expect(one.claims.allSatisfy { $0.status == .singleSource })
        #expect(one.framing.first?.omittedEntities.isEmpty == true)
    }
}
