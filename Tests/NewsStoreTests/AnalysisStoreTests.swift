import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("Stored analyses")
struct AnalysisStoreTests {
    static func analysis(_ algorithm: String, entity: String) -> ArticleAnalysis {
        ArticleAnalysis(
            algorithm: algorithm,
            language: LanguageGuess(language: .english, code: "en", percent: 99, isReliable: true),
            paragraphs: [], sentences: [Sentence(range: TextRange(0, 5), paragraph: 0, block: .body)],
            entities: [
                Entity(
                    id: 0, kind: .person, name: entity, role: "spokesman",
                    mentions: [Mention(range: TextRange(0, 5), form: .name)])
            ],
            quotes: [
                Quote(kind: .direct, range: TextRange(1, 4), cue: nil, speakerMention: nil, speaker: 0, sentence: 0)
            ],
            numbers: [], dates: [])
    }

    @Test("round trip, replacement, and what an algorithm still has to do", arguments: StoreKind.available)
    func roundTrip(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add([
            incoming("One", "Toner said."), incoming("Two", "Kerry said."), incoming("Three", "x"),
        ])
        #expect(try await store.countNeedingAnalysis(algorithm: "a.v1") == 3)
        #expect(try await store.analysis(of: ArticleID(1)) == nil)

        let when = Date(timeIntervalSince1970: 1_700_000_000)
        let first = StoredAnalysis(
            articleID: ArticleID(1), analysis: Self.analysis("a.v1", entity: "Toner"), analysedAt: when)
        let second = StoredAnalysis(
            articleID: ArticleID(2), analysis: Self.analysis("a.v0", entity: "Kerry"), analysedAt: when)
        try await store.saveAnalyses([first, second])
        #expect(try await store.analysis(of: ArticleID(1)) == first)
        // Article 2 was analysed by an older algorithm and article 3 never: both still need a.v1.
        #expect(
            try await store.idsNeedingAnalysis(algorithm: "a.v1", after: nil, limit: 10) == [
                ArticleID(2), ArticleID(3),
            ])
        #expect(try await store.idsNeedingAnalysis(algorithm: "a.v1", after: ArticleID(2), limit: 10) == [ArticleID(3)])
        #expect(try await store.countNeedingAnalysis(algorithm: "a.v1") == 2)
        #expect(try await store.info().analysesByAlgorithm == ["a.v1": 1, "a.v0": 1])

        let redone = StoredAnalysis(
            articleID: ArticleID(2), analysis: Self.analysis("a.v1", entity: "John Kerry"), analysedAt: when)
        try await store.saveAnalyses([redone])
        #expect(try await store.analysis(of: ArticleID(2))?.analysis.entities.first?.name == "John Kerry")
        #expect(try await store.countNeedingAnalysis(algorithm: "a.v1") == 1)
    }

    @Test(
        "an analysis of an article that does not exist is refused, and nothing of its batch is kept",
        arguments: StoreKind.available)
    func foreignKey(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add([incoming("One", "Toner said.")])
        let when = Date(timeIntervalSince1970: 1_700_000_000)
        let good = StoredAnalysis(
            articleID: ArticleID(1), analysis: Self.analysis("a.v1", entity: "Toner"), analysedAt: when)
        let orphan = StoredAnalysis(
            articleID: ArticleID(42), analysis: Self.analysis("a.v1", entity: "X"), analysedAt: when)
        await #expect(throws: StoreError.self) { try await store.saveAnalyses([good, orphan]) }
        #expect(try await store.analysis(of: ArticleID(1)) == nil)
    }
}
