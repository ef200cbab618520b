import Foundation
import NewsCluster
import Testing

@Suite("A loose match on the same names only does not join a story")
struct EventEvidenceTests {
    /// Undated records: many about other things, two reports of a subpoena of one governor's campaign told in other
    /// words, then his run for president, which shares his names with them and little of what happened.
    static let records: [ArticleFeatures] =
        (0..<40).map { index in
            ArticleFeatures(
                id: String(format: "f%02d", index), published: nil,
                terms: ["topic\(index)": 2, "aside\(index)": 2, "campaign": index % 5 == 0 ? 1 : 0].filter {
                    $0.value > 0
                }, names: [])
        } + [
            ArticleFeatures(
                id: "x1", published: nil,
                terms: ["christi": 3, "jersey": 2, "subpoena": 2, "prosecutor": 1, "campaign": 1, "document": 1],
                names: ["christie", "jersey"], nameTerms: ["christi", "jersey"]),
            ArticleFeatures(
                id: "x2", published: nil,
                terms: ["christi": 3, "jersey": 2, "subpoena": 2, "attorney": 1, "campaign": 1, "bridge": 1],
                names: ["christie", "jersey"], nameTerms: ["christi", "jersey"]),
            ArticleFeatures(
                id: "y1", published: nil,
                terms: ["christi": 2, "jersey": 1, "announc": 2, "presid": 2, "run": 2, "truth": 1, "nation": 1],
                names: ["christie", "jersey"], nameTerms: ["christi", "jersey"]),
        ]

    @Test("another event of the same people starts its own story, and says why")
    func namesAloneDoNotJoin() throws {
        var off = ClusterOptions()
        off.eventEvidence = 0
        let without = ClusteredRun(Self.records, options: off)
        // Without the rule the other event joins: the case the rule is for.
        #expect(without.stories["y1"] == "x1")
        let with = ClusteredRun(Self.records, options: ClusterOptions())
        #expect(with.stories["x2"] == "x1")
        #expect(with.stories["y1"] == "y1")
        let reason = try #require(with.reasons["y1"])
        #expect(reason.bestCandidate == "x1")
        #expect(reason.score >= ClusterOptions().threshold)
        #expect(reason.termSimilarity < ClusterOptions().eventEvidenceBelow)
        let event = try #require(reason.sharedEventEvidence)
        let all = try #require(reason.sharedEvidence)
        #expect(event < ClusterOptions().eventEvidence && event < all)
        #expect(reason.eventEvidenceNeeded == ClusterOptions().eventEvidence)
        // The same report told twice shares what happened: its join says so.
        let joined = try #require(with.reasons["x2"])
        #expect(try #require(joined.sharedEventEvidence) >= ClusterOptions().eventEvidence)
    }

    @Test("names are the body's capitalised words it never writes in lower case")
    func nameTerms() {
        let features = FeatureExtractor().features(
            of: ClusterDocument(
                id: "a", title: "Prosecutors Subpoena Christie Campaign",
                text:
                    "Prosecutors Subpoena Christie Campaign\n\nFederal prosecutors on Monday subpoenaed the campaign of "
                    + "Governor Chris Christie of New Jersey, seeking documents. The Christie campaign said it would "
                    + "comply.",
                published: nil))
        #expect(features.nameTerms.isSuperset(of: ["christi", "chris", "jersey", "governor"]))
        // Written in lower case elsewhere in the body: words of what happened, even where capitalised.
        #expect(features.nameTerms.isDisjoint(with: ["prosecutor", "subpoena", "campaign"]))
        // The headline's title case names nobody.
        #expect(features.names.contains("christie"))
    }
}

@Suite("Figures are terms")
struct FigureTermTests {
    @Test("a figure with separators is one term, its decimal point kept; a full stop after it is still one")
    func figures() {
        let features = FeatureExtractor().features(
            of: ClusterDocument(
                id: "a", title: "",
                text: "The wall would cost $5.7 billion, and 800,000 workers went unpaid. They were 1,000.",
                published: nil))
        #expect(features.terms["5.7"] != nil)
        #expect(features.terms["800000"] != nil)
        #expect(features.terms["1000"] != nil)
        #expect(features.terms["000"] == nil)
        #expect(features.terms["billion"] != nil && features.terms["worker"] != nil)
    }

    @Test("a day after a month is a date the text mentions, one term whatever the spelling")
    func mentionedDates() {
        let extractor = FeatureExtractor()
        for text in ["The deal was signed on Jan. 25 in Washington.", "On January 25, 2019, the deal was signed."] {
            let features = extractor.features(of: ClusterDocument(id: "a", title: "", text: text, published: nil))
            #expect(features.terms["jan 25"] != nil, "\(text)")
        }
        let none = extractor.features(
            of: ClusterDocument(id: "b", title: "", text: "In January 2019, 25 workers left.", published: nil))
        #expect(!none.terms.keys.contains { $0.hasPrefix("jan ") })
    }
}
