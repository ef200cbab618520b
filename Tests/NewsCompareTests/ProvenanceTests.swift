import Foundation
import NewsAnalysis
import NewsCompare
import NewsCore
import Testing

/// Relayed reports are one origin, not independent corroboration.
@Suite("Claims traced to the origin they relay")
struct ProvenanceTests {
    static func compare(_ texts: [(String, String)], outlets: [KnownOutlet] = KnownOutlet.builtIn) -> StoryComparison {
        let articles = texts.enumerated().map { index, pair in
            ComparerTests.article(Int64(index + 1), pair.0, pair.1)
        }
        return CoverageComparer(outlets: outlets).compare(story: ArticleID(1), articles: articles)
    }

    static func claim(_ comparison: StoryComparison, holding words: String) -> ClaimGroup? {
        comparison.claims.first { $0.evidence.contains { $0.text.contains(words) } }
    }

    static let original =
        "The harbour authority in Port Elmo closed the northern pier on Thursday after divers found cracks in its pylons."

    @Test("an outlet in the story relayed by two others: one origin, relayed by 2")
    func relayedByTwo() throws {
        let comparison = Self.compare([
            ("nyt", Self.original + " Ferries will dock at the southern pier until repairs end."),
            (
                "Fox News",
                "The harbour authority in Port Elmo closed the northern pier on Thursday after divers found cracks, "
                    + "The New York Times is reporting."
            ),
            (
                "HuffPost",
                "According to the Times, the harbour authority in Port Elmo closed the northern pier on Thursday "
                    + "after divers found cracks in its pylons."
            ),
        ])
        let claim = try #require(Self.claim(comparison, holding: "northern pier"))
        #expect(claim.evidence.count == 3)
        #expect(claim.origins == [comparison.articles[0].origin])
        #expect(claim.status == .singleSource)
        #expect(claim.relayedBy == ["Fox News", "HuffPost"])
        #expect(claim.evidence.compactMap(\.via) == ["nyt", "nyt"])
        #expect(comparison.statusCounts["corroborated"] == 0)
        // Told by each outlet on its own, the same claim is corroborated by three origins.
        let independent = Self.compare([
            ("nyt", Self.original),
            ("Fox News", Self.original.replacingOccurrences(of: "divers", with: "inspectors")),
            ("HuffPost", Self.original.replacingOccurrences(of: "Thursday", with: "Thursday morning")),
        ])
        let told = try #require(Self.claim(independent, holding: "northern pier"))
        #expect(told.origins.count == 3 && told.status == .corroborated && told.relayedBy == nil)
    }

    @Test("a source outside the story is an external origin: two outlets citing Reuters are one origin")
    func externalSource() throws {
        let comparison = Self.compare([
            ("Riverton Gazette", Self.original.dropLast() + ", Reuters reported."),
            (
                "Valley News",
                "According to Reuters, " + Self.original.prefix(1).lowercased() + Self.original.dropFirst()
            ),
        ])
        let claim = try #require(Self.claim(comparison, holding: "northern pier"))
        #expect(claim.status == .singleSource)
        #expect(claim.origins.count == 1)
        let origin = comparison.origins[claim.origins[0]]
        #expect(origin.label == "Reuters" && origin.external == true && origin.articles.isEmpty)
        #expect(comparison.articleOrigins.count == 2)
        #expect(MarkdownRenderer.render(comparison).contains("2 articles from 2 independent origins"))
        #expect(
            MarkdownRenderer.render(comparison).contains("1 origin (Reuters), relayed by Riverton Gazette, Valley News")
        )
    }

    @Test("'told CNN', 'in an interview with', 'citing', a dateline credit, an organisation's report")
    func cues() {
        let cases: [(String, String)] = [
            ("The mayor told CNN that the northern pier would stay closed on Thursday.", "CNN"),
            ("In an interview with the BBC, the mayor said the northern pier would stay closed on Thursday.", "BBC"),
            ("The northern pier will stay closed on Thursday, citing Bloomberg News.", "Bloomberg"),
            (
                "PORT ELMO (AP) — The northern pier will stay closed on Thursday, the mayor said.",
                "The Associated Press"
            ),
            (
                "The northern pier will stay closed on Thursday, the Süddeutsche Zeitung berichtet.",
                "Süddeutsche Zeitung"
            ),
            (
                "A Harbour Safety Board report says the northern pier will stay closed on Thursday.",
                "Harbour Safety Board"
            ),
        ]
        for (text, source) in cases {
            let comparison = Self.compare([("Riverton Gazette", text)])
            let via = comparison.claims.flatMap(\.evidence).compactMap(\.via)
            #expect(via.contains { $0.contains(source) }, "\(text) should be relayed via \(source), got \(via)")
        }
    }

    @Test("outlets named without a sourcing phrase, and look-alike words, are not sources")
    func notSources() {
        let texts = [
            "Fox News host Glenn Beck said the northern pier would stay closed.",
            "At times the Times Square crowd blocked the northern pier, the mayor said.",
            "The post office near the northern pier closed on Thursday, the mayor said.",
            "The mayor spoke at the AP Stylebook meeting about the northern pier on Thursday.",
        ]
        for text in texts {
            let comparison = Self.compare([("Riverton Gazette", text)])
            #expect(comparison.claims.allSatisfy { $0.relayedBy == nil }, "\(text) relays nothing")
        }
    }

    @Test("an article citing its own outlet is its own origin; a registry outlet is known by its name and owner")
    func ownOutletAndRegistry() throws {
        let own = Self.compare([("CNN", "The mayor told CNN that the northern pier would stay closed until Friday.")])
        #expect(own.claims.allSatisfy { $0.relayedBy == nil })
        let outlets = KnownOutlet.directory(adding: [
            KnownOutlet(
                registered: "Harbour Herald", domain: "harbourherald.example", owner: "Coast Media", isAgency: false),
            KnownOutlet(registered: "Coast Daily", domain: nil, owner: "Coast Media", isAgency: false),
        ])
        let comparison = Self.compare(
            [
                ("Coast Daily", Self.original),
                ("Valley News", Self.original.dropLast() + ", the Harbour Herald reported."),
            ], outlets: outlets)
        let claim = try #require(Self.claim(comparison, holding: "northern pier"))
        // The Herald ran no article here, but its owner's other outlet did: one origin.
        #expect(claim.origins == [comparison.articles[0].origin])
        #expect(claim.status == .singleSource)
    }

    @Test("BASIL's Mary Cheney story: one origin (the Times), relayed by Fox and HuffPost")
    func cheney() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "shared/eval/clustering/basil.jsonl")
        guard let data = try? String(contentsOf: path, encoding: .utf8) else {
            print("skipped: \(path.path) is absent (BASIL comes from the shared folder)")
            return
        }
        let story = "11c9f251-35c8-4452-b052-df9be61464c6"
        var articles: [CoverageArticle] = []
        for line in data.split(separator: "\n") where line.contains(story) {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            guard record["story"] as? String == story, let text = record["text"] as? String else { continue }
            articles.append(
                CoverageArticle(
                    id: ArticleID(Int64(articles.count + 1)), title: record["title"] as? String ?? "", text: text,
                    outlet: record["source"] as? String ?? "?",
                    analysis: TextAnalyzer().analyze(text, published: nil, languageHint: .english)))
        }
        try #require(articles.count == 3)
        let comparison = CoverageComparer().compare(story: ArticleID(1), articles: articles)
        let claim = try #require(Self.claim(comparison, holding: "has taken to Facebook"))
        let nyt = try #require(comparison.articles.first { $0.outlet == "nyt" })
        #expect(claim.origins == [nyt.origin], "\(claim)")
        #expect(claim.status == .singleSource)
        #expect(Set(claim.relayedBy ?? []) == ["fox", "hpo"])
        // Fox's "reportedly" sentences point back at the Times it named first.
        let reportedly = comparison.claims.flatMap(\.evidence).filter {
            $0.outlet == "fox" && $0.text.contains("reportedly")
        }
        #expect(!reportedly.isEmpty && reportedly.allSatisfy { $0.via == "nyt" })
    }
}
