import Foundation
import GRDB
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting
import Testing

@Suite("SQLite file: schema, migrations, refusal of bad files, atomic batches")
struct DatabaseFileTests {
    @Test func fileIsWALWithForeignKeysAndVersion() async throws {
        let folder = try TemporaryFolder()
        _ = try NewsDatabase.open(path: folder.file("a.sqlite"))
        let queue = try DatabaseQueue(path: folder.file("a.sqlite"))
        try await queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == NewsDatabase.schemaVersion)
            let notNull = try Row.fetchAll(db, sql: "PRAGMA table_info(article)")
                .filter { ($0["notnull"] as Int) == 1 }.map { $0["name"] as String }
            #expect(
                Set(notNull).isSuperset(of: [
                    "content_hash", "title", "body", "ingested_at", "input_name", "input_format", "charset",
                ]))
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(article)").count == 1)
        }
    }

    @Test func dataSurvivesReopening() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("a.sqlite")
        _ = try await NewsDatabase.open(path: path).add([incoming("Kept", "Across runs.")])
        let reopened = try NewsDatabase.open(path: path)
        #expect(try await reopened.articles(ArticleQuery()).map(\.title) == ["Kept"])
        #expect(try await reopened.search(SearchQuery("runs")).count == 1)
    }

    /// The first released schema, as a file written by version 0.1.0 with the two seed articles, must open,
    /// keep its rows and stay searchable.
    @Test func migratesFromFirstSchema() async throws {
        let fixture = try #require(
            Bundle.module.path(forResource: "schema-v1", ofType: "sqlite", inDirectory: "Fixtures"))
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        let store = try NewsDatabase.open(path: path)
        let articles = try await store.articles(ArticleQuery())
        #expect(articles.map(\.source) == ["VOA", "TRT World"])
        #expect(try await store.search(SearchQuery("Toner")).count == 2)
        #expect(try await store.info().schemaVersion == NewsDatabase.schemaVersion)
        // v2 added rejected_input, v3 article_analysis, v4 the stories, v5 the source registry's columns, v6
        // the feeds and v7 the server's tables: the v1 file gains them on opening, its outlets with empty
        // metadata and no feeds.
        #expect(NewsDatabase.schemaVersion == 11)
        #expect(try await store.savedSearches().isEmpty)
        #expect(try await store.tokens().isEmpty)
        #expect(try await store.feeds().isEmpty)
        #expect(try await store.sources().map(\.name) == ["TRT World", "VOA"])
        #expect(try await store.sources().allSatisfy { $0.owner == nil && $0.kind == nil && $0.articleCount == 1 })
        let updated = try await store.updateSource(named: "voa", SourceUpdate(owner: "USAGM", kind: .stateFunded))
        #expect(updated?.owner == "USAGM" && updated?.kind == .stateFunded && updated?.name == "VOA")
        #expect(try await store.updateSource(named: "Nobody", SourceUpdate(owner: "X")) == nil)
        #expect(try await store.storyArticles(ArticleID(1)) == nil)
        #expect(try await store.unclusteredArticles(limit: 10).count == 2)
        #expect(try await store.stories(limit: 10, offset: 0).isEmpty)
        #expect(try await store.rejections(limit: 5, offset: 0).isEmpty)
        #expect(try await store.countNeedingAnalysis(algorithm: "any.v1") == 2)
        let more = try await store.add([incoming("New", "Added after the upgrade.")])
        #expect(more == [.added(ArticleID(3))])
    }

    @Test func refusesANewerSchema() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("new.sqlite")
        _ = try NewsDatabase.open(path: path)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect(throws: StoreError.self) { try NewsDatabase.open(path: path) }
        do {
            _ = try NewsDatabase.open(path: path)
        } catch {
            #expect(error.code == "store.newer-schema")
            #expect(error.description.contains(path))
        }
    }

    @Test func refusesAFileThatIsNotSQLiteAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("notes.sqlite")
        let bytes = Data(String(repeating: "not a database ", count: 500).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(
            performing: { try NewsDatabase.open(path: path) },
            throws: { ($0 as? StoreError)?.code == "store.not-a-database" })
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func refusesAnotherProgramsDatabase() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        #expect(
            performing: { try NewsDatabase.open(path: path) },
            throws: { ($0 as? StoreError)?.code == "store.not-a-database" })
        let touched = try await queue.read { db in try db.tableExists("article") }
        #expect(!touched)
    }

    @Test func cannotOpenInAMissingFolder() {
        #expect(
            performing: { try NewsDatabase.open(path: "/nonexistent-folder/x/db.sqlite") },
            throws: {
                ($0 as? StoreError)?.code == "store.cannot-open"
            })
    }

    @Test func aFailingBatchLeavesNothingBehind() async throws {
        let folder = try TemporaryFolder()
        let path = folder.file("a.sqlite")
        let store = try NewsDatabase.open(path: path)
        _ = try await store.add([incoming("Before", "Stored before.")])
        // A trigger makes the second article of the next batch fail, after the first was inserted.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER poison BEFORE INSERT ON article WHEN NEW.title = 'Poison'
                    BEGIN SELECT RAISE(ABORT, 'poisoned'); END
                    """)
        }
        await #expect(throws: StoreError.self) {
            try await store.add([incoming("Good", "Would be stored."), incoming("Poison", "Fails.")])
        }
        #expect(try await store.articles(ArticleQuery()).map(\.title) == ["Before"])
        #expect(try await store.search(SearchQuery("stored")).map(\.article.title) == ["Before"])
    }
}
