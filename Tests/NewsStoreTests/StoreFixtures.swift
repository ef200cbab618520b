import Foundation
import NewsCore
import NewsStore
import NewsStorePostgres
import NewsStoreSQLite
import NewsTesting
import Testing

/// The engines every store test runs against: the same tests, not copies.
///
/// PostgreSQL runs when `CORROBORATE_TEST_POSTGRES` names a server (`scripts/test.sh` starts a throwaway one with
/// `scripts/postgres-test-server.sh`); each test gets a schema of its own in it, so tests never see each other.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqliteFile, sqliteMemory, postgres

    /// The engines this run can reach.
    static var available: [StoreKind] { postgresURL == nil ? [.sqliteFile, .sqliteMemory] : allCases }

    /// The test server, if there is one.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CORROBORATE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var testDescription: String { rawValue }

    /// The schema version the engine's build writes.
    var schemaVersion: Int { self == .postgres ? PostgresStore.schemaVersion : NewsDatabase.schemaVersion }

    /// A new, empty store.
    func open(in folder: TemporaryFolder) async throws -> any ArticleStore {
        switch self {
        case .sqliteFile: try NewsDatabase.open(path: folder.file("store.sqlite"))
        case .sqliteMemory: try NewsDatabase.inMemory()
        case .postgres: try await PostgresStore.open(try Self.freshPostgresLocation())
        }
    }

    /// A schema nobody has used, on the test server.
    static func freshPostgresLocation() throws -> PostgresLocation {
        guard let url = postgresURL else { throw StoreError.cannotOpen("postgres", reason: "no test server") }
        let schema = "t" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return try PostgresLocation(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema)
    }
}

/// An article to add, as the tests build them.
func incoming(
    _ title: String, _ text: String, source: String? = "Outlet", language: LanguageCode? = .english,
    published: Date? = nil
) -> IncomingArticle {
    IncomingArticle(
        draft: ArticleDraft(
            title: title, text: text, source: source, published: published, language: language,
            raw: Array("\(title)\n\(text)".utf8), format: .plainText),
        ingested: Date(timeIntervalSince1970: 1_700_000_000), inputName: "test.txt")
}

/// Statements run on the PostgreSQL test server by `psql`, as an operator (or another program) would.
enum PostgresAdmin {
    /// Runs `sql` and returns what `psql` printed, one line per row.
    @discardableResult
    static func run(_ location: PostgresLocation, _ sql: String) async throws -> [String] {
        let url = try #require(StoreKind.postgresURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "psql: \(text)")
        return text.split(separator: "\n").map(String.init)
    }

    /// The tables of a schema, by name.
    static func tables(_ location: PostgresLocation, in schema: String) async throws -> [String] {
        try await run(location, "SELECT tablename FROM pg_tables WHERE schemaname = '\(schema)' ORDER BY 1")
    }
}
