import NewsCore
import NewsStore
import NewsStoreSQLite
import Testing

@Suite("SQLite full-text indexes")
struct SnowballIndexTests {
    @Test func everySnowballAlgorithmOpens() async throws {
        let store = try NewsDatabase.inMemory()
        let batch = LanguageCode.snowballAlgorithms.keys.sorted().map {
            incoming("Title \($0)", "Body text \($0)", source: "S", language: LanguageCode(rawValue: $0))
        }
        let results = try await store.add(batch)
        #expect(results.count == batch.count)
        #expect(try await store.info().indexedLanguages.count == Set(LanguageCode.snowballAlgorithms.values).count)
    }
}
