import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("ArticleStore conformance (SQLite file and memory, PostgreSQL)")
struct ArticleStoreTests {
    @Test(arguments: StoreKind.available)
    func addListAndDeduplicate(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        let first = incoming(
            "Strikes hit Homs", "Air strikes hit the city.", published: Date(timeIntervalSince1970: 1_451_347_200))
        let second = incoming("Talks planned", "Peace talks are planned.", source: "Other")
        let results = try await store.add([first, second, first])
        #expect(results == [.added(ArticleID(1)), .added(ArticleID(2)), .duplicate(of: ArticleID(1))])
        #expect(try await store.add([second]) == [.duplicate(of: ArticleID(2))])

        let listed = try await store.articles(ArticleQuery())
        #expect(listed.map(\.id) == [ArticleID(2), ArticleID(1)])
        let article = try #require(try await store.article(ArticleID(1)))
        #expect(article.title == "Strikes hit Homs" && article.source == "Outlet" && article.language == .english)
        #expect(article.published == Date(timeIntervalSince1970: 1_451_347_200))
        #expect(article.ingested == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(article.contentHash == first.draft.contentHash)
        #expect(try await store.rawInput(of: ArticleID(1)) == first.draft.raw)
        #expect(try await store.article(ArticleID(99)) == nil)
        #expect(try await store.articleCount(ArticleQuery(source: "other")) == 1)
        #expect(try await store.articles(ArticleQuery(limit: 1, offset: 1)).map(\.id) == [ArticleID(1)])
        let info = try await store.info()
        #expect(info.articleCount == 2 && info.sourceCount == 2 && info.schemaVersion == kind.schemaVersion)
        #expect(info.indexedLanguages == ["english": 2])
    }

    @Test(arguments: StoreKind.available)
    func searchStemsPerLanguage(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        _ = try await store.add([
            incoming(
                "US criticises Russia", "Mark Toner said the strikes were extremely disturbing.", source: "TRT World"),
            incoming("Disturbing", "Toner spoke on Tuesday about civilian casualties.", source: "VOA"),
            incoming(
                "Elecciones en España", "Las elecciones generales se celebran hoy.", source: "El País",
                language: LanguageCode(rawValue: "es")),
            incoming("Untagged", "A striking headline without a language.", source: "Blog", language: nil),
        ])
        func ids(_ text: String) async throws -> [Int64] {
            try await store.search(SearchQuery(text)).map(\.article.id.rawValue).sorted()
        }
        #expect(try await ids("Toner") == [1, 2])
        #expect(try await ids("strike") == [1])  // stemmed English; "striking" in the untagged article is not stemmed
        #expect(try await ids("elección") == [3])  // Spanish stems, diacritics folded
        #expect(try await ids("eleccion") == [3])
        #expect(try await ids("\"extremely disturbing\"") == [1])
        #expect(try await ids("Toner -casualties") == [1])
        #expect(try await ids("Elecciones OR Tuesday") == [2, 3])
        #expect(try await ids("civil*") == [2])
        #expect(try await ids("Toner's AND ( NEAR") == [])  // never an FTS5 syntax error
        // Control characters separate words, in and out of quotes (a NUL used to end the expression early).
        #expect(try await ids("\"extremely\u{0}disturbing\" -casualties\u{0}\u{0}") == [1])
        #expect(try await ids("Toner\u{7F}spoke") == [2])
        // A quote with a combining mark on it is one Character but still a quote to FTS5.
        #expect(try await ids("Toner\"\u{059F}x") == [])
        #expect(try await ids("\"(\u{059F}?y(\" Toner") == [])

        let hit = try #require(try await store.search(SearchQuery("Toner spoke")).first)
        #expect(hit.article.id == ArticleID(2))
        #expect(hit.snippet.highlights.map { hit.snippet.text.scalarSlice($0) } == ["Toner", "spoke"])
        await #expect(throws: StoreError.self) { try await store.search(SearchQuery("  -- ")) }
    }

    @Test(arguments: StoreKind.available)
    func rejectedInputsAreKeptOncePerInputPlaceAndReason(kind: StoreKind) async throws {
        let folder = try TemporaryFolder()
        let store = try await kind.open(in: folder)
        func rejection(_ name: String, _ code: String, at seconds: Double, raw: [UInt8]? = nil) -> RejectedInput {
            RejectedInput(
                inputName: name, location: "line 2", code: code, reason: "because", format: .jsonLines, raw: raw,
                rejectedAt: Date(timeIntervalSince1970: seconds))
        }
        try await store.recordRejections([
            rejection("a.jsonl", "invalid-json", at: 1, raw: [1, 2]), rejection("b.html", "too-short", at: 2),
        ])
        try await store.recordRejections([rejection("a.jsonl", "invalid-json", at: 3, raw: [3])])
        let kept = try await store.rejections(limit: 10, offset: 0)
        #expect(kept.map(\.inputName) == ["a.jsonl", "b.html"])
        #expect(kept[0].raw == [3] && kept[0].rejectedAt == Date(timeIntervalSince1970: 3) && kept[1].raw == nil)
        #expect(kept[0].format == .jsonLines)
        #expect(try await store.info().rejectionCount == 2)
    }
}

extension String {
    func scalarSlice(_ range: Range<Int>) -> String {
        let scalars = Array(unicodeScalars)
        return String(String.UnicodeScalarView(scalars[range]))
    }
}
