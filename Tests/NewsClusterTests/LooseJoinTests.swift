import Foundation
import NewsCluster
import Testing

@Suite("A loose match on common words does not join a story")
struct LooseJoinTests {
    /// Undated headline-and-lead records: many about other things, some naming one president, his wall or the
    /// border (common words, each in a few of them), a report of a subpoena told twice in other words, then another
    /// event of the same president that shares only those common words with it.
    static let records: [ArticleFeatures] =
        (0..<40).map { index in
            ArticleFeatures(
                id: String(format: "f%02d", index), published: nil,
                terms: [
                    "trump": index % 4 == 1 ? 1 : 0, "wall": index % 6 == 2 ? 1 : 0,
                    "border": index % 8 == 3 ? 1 : 0, "topic\(index)": 2, "aside\(index)": 2,
                ].filter { $0.value > 0 }, names: [])
        } + [
            ArticleFeatures(
                id: "x1", published: nil,
                terms: [
                    "trump": 2, "wall": 1, "border": 1, "flynn": 2, "subpoena": 2, "committee": 1, "intelligence": 1,
                ],
                names: []),
            ArticleFeatures(
                id: "x2", published: nil,
                terms: ["trump": 1, "flynn": 2, "subpoena": 2, "senate": 1, "panel": 1, "businesses": 1], names: []),
            ArticleFeatures(
                id: "y1", published: nil,
                terms: ["trump": 2, "wall": 2, "border": 2, "emergency": 1, "declares": 1], names: []),
        ]

    static func run(_ options: ClusterOptions) -> ClusteredRun { ClusteredRun(records, options: options) }

    @Test("another event sharing only common words starts its own story, and says why")
    func commonWordsDoNotJoin() throws {
        var off = ClusterOptions()
        off.looseJoinEvidence = 0
        let without = Self.run(off)
        // Without the rule the other event joins: the case the rule is for.
        #expect(without.stories["y1"] == "x1")
        let with = Self.run(ClusterOptions())
        #expect(with.stories["x2"] == "x1")
        #expect(with.stories["y1"] == "y1")
        let reason = try #require(with.reasons["y1"])
        #expect(reason.bestCandidate == "x1")
        #expect(reason.score >= ClusterOptions().threshold && reason.termSimilarity < ClusterOptions().looseJoinBelow)
        let evidence = try #require(reason.sharedEvidence)
        #expect(
            evidence < ClusterOptions().looseJoinEvidence && reason.evidenceNeeded == ClusterOptions().looseJoinEvidence
        )
    }
}
