import Foundation
import NewsAnalysis
import NewsCompare
import NewsCore
import Testing

/// A fact-checker's textbook contested claim: one outlet says it happened, another that it did not.
@Suite("Claims denied or reversed are contested")
struct PolarityTests {
    static func compare(_ texts: [(String, String)]) -> StoryComparison {
        let articles = texts.enumerated().map { index, pair in
            ComparerTests.article(Int64(index + 1), pair.0, pair.1)
        }
        return CoverageComparer().compare(story: ArticleID(1), articles: articles)
    }

    static func claim(_ comparison: StoryComparison, holding words: String) -> ClaimGroup? {
        comparison.claims.first { $0.evidence.contains { $0.text.contains(words) } }
    }

    @Test("'was closed' against 'was not closed': contested, both sides cited")
    func negation() throws {
        let comparison = Self.compare([
            (
                "Riverton Gazette",
                "Riverton officials said the Elm Street bridge was closed on Monday after inspectors found cracks."
            ),
            (
                "Valley News",
                "The Elm Street bridge was not closed on Monday, Riverton officials said, after inspectors found cracks."
            ),
        ])
        let claim = try #require(Self.claim(comparison, holding: "Elm Street bridge"))
        #expect(claim.status == .contested)
        #expect(claim.evidence.count == 2)
        #expect(claim.conflict?.contains("Valley News") == true && claim.conflict?.contains("Riverton Gazette") == true)
        // Told the same way by both, the claim is corroborated.
        let agreeing = Self.compare([
            (
                "Riverton Gazette",
                "Riverton officials said the Elm Street bridge was closed on Monday after inspectors found cracks."
            ),
            (
                "Valley News",
                "The Elm Street bridge was closed on Monday, Riverton officials said, after inspectors found cracks."
            ),
        ])
        #expect(Self.claim(agreeing, holding: "Elm Street bridge")?.status == .corroborated)
    }

    @Test("'denied that' reverses the clause after it; 'rose' against 'fell' is contested")
    func denialAndAntonyms() throws {
        let denied = Self.compare([
            (
                "Riverton Gazette",
                "The mayor said the Elm Street bridge was closed on Monday after inspectors found cracks."
            ),
            (
                "Valley News",
                "The mayor denied that the Elm Street bridge was closed on Monday after inspectors found cracks."
            ),
        ])
        #expect(Self.claim(denied, holding: "Elm Street bridge")?.status == .contested)
        let reversed = Self.compare([
            ("Riverton Gazette", "Rents in Riverton rose sharply last year as the city council approved new towers."),
            ("Valley News", "Rents in Riverton fell sharply last year as the city council approved new towers."),
        ])
        #expect(Self.claim(reversed, holding: "Rents in Riverton")?.status == .contested)
    }

    @Test("a negation that both sentences share, or one about something else, contests nothing")
    func sharedNegation() throws {
        let comparison = Self.compare([
            ("Riverton Gazette", "The Elm Street bridge was not closed on Monday, Riverton officials said."),
            (
                "Valley News",
                "Riverton officials said the Elm Street bridge was not closed on Monday despite the cracks."
            ),
        ])
        #expect(Self.claim(comparison, holding: "Elm Street bridge")?.status == .corroborated)
    }
}
