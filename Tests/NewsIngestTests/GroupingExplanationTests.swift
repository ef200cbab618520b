import Foundation
import NewsCluster
import NewsCore
import NewsStore
import Testing

@testable import NewsIngest

@Suite("why: the grouping explained")
struct GroupingExplanationTests {
    static func assignment(article: Int64, story: Int64, _ reason: ClusterReason) throws -> StoryAssignment {
        let json = String(decoding: try JSONEncoder().encode(reason), as: UTF8.self)
        return StoryAssignment(
            article: ArticleID(article), story: ArticleID(story), origin: ArticleID(article), relation: "independent",
            score: reason.score, reason: json)
    }

    @Test("an article turned away by a tight story says so, with the floor it missed")
    func spreadRejection() throws {
        var reason = ClusterReason(
            score: 0.31, termSimilarity: 0.31, nameOverlap: 0, timeFactor: 1, sharedTerms: ["shutdown"],
            sharedNames: [], bestCandidate: "3")
        reason.spreadFloor = 0.4
        let lines = GroupingExplanation(try Self.assignment(article: 9, story: 9, reason)).lines
        #expect(lines.first?.contains("story #3, scored 0.310, enough to join, but is tighter") == true)
        #expect(lines.contains { $0.contains("at least 0.400") && $0.contains("this one had 0.310") })
        reason.spreadFloor = nil
        reason.score = 0.05
        let plain = GroupingExplanation(try Self.assignment(article: 9, story: 9, reason)).lines
        #expect(plain.first?.contains("scored only 0.050") == true)
        #expect(!plain.contains { $0.contains("at least") })
    }

    @Test("an article turned away for sharing only common words says how much they were worth")
    func evidenceRejection() throws {
        var reason = ClusterReason(
            score: 0.2, termSimilarity: 0.2, nameOverlap: 0, timeFactor: 1, sharedTerms: ["trump", "wall"],
            sharedNames: [], bestCandidate: "3")
        reason.sharedEvidence = 1.34
        reason.evidenceNeeded = 2
        let explanation = GroupingExplanation(try Self.assignment(article: 9, story: 9, reason))
        #expect(explanation.decision == .started)
        #expect(
            explanation.lines.first?.contains("story #3, scored 0.200, enough to join, but on common words") == true)
        #expect(explanation.lines.first?.contains("worth 1.3 of the 2.0 rare words") == true)
        #expect(explanation.lines.contains("shared terms: trump, wall"))
    }

    @Test("an article turned away for sharing only names says what the other words were worth")
    func eventEvidenceRejection() throws {
        var reason = ClusterReason(
            score: 0.3, termSimilarity: 0.3, nameOverlap: 1, timeFactor: 1, sharedTerms: ["christi", "campaign"],
            sharedNames: ["christie"], bestCandidate: "3")
        reason.sharedEvidence = 2.6
        reason.sharedEventEvidence = 0.42
        reason.eventEvidenceNeeded = 1
        let lines = GroupingExplanation(try Self.assignment(article: 9, story: 9, reason)).lines
        #expect(lines.first?.contains("story #3, scored 0.300, enough to join, but on the same names only") == true)
        #expect(lines.first?.contains("worth 0.4 of the 1.0 rare words") == true)
    }

    @Test("a joined article names the next best story and its score")
    func runnerUp() throws {
        var reason = ClusterReason(
            score: 0.5, termSimilarity: 0.5, nameOverlap: 0, timeFactor: 1, sharedTerms: ["strike"], sharedNames: [],
            bestCandidate: "4")
        reason.runnerUpScore = 0.125
        let lines = GroupingExplanation(try Self.assignment(article: 9, story: 2, reason)).lines
        #expect(lines.first == "joined story #2 with score 0.500")
        #expect(lines.contains("next best: story #4 at 0.125"))
    }
}
