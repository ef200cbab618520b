import Foundation
import GRDB
import Testing

/// An archive written by the last release with schema 7 (commit 1506713, which kept the clusterer and the
/// near-duplicate index as two JSON documents in `cluster_state`), opened by this build.
///
/// The fixture holds the two seed articles and 43 JSON Lines articles: five events of eight reports each and
/// one wire text carried by three outlets; then story #43 (the wire copies) was merged into #1, #6 pinned and
/// article 8 split out of #3. Made with that release's `corroborate add`, `stories merge`, `stories pin` and
/// `stories split`, then vacuumed. (New reports of those events form stories of their own, as they do in a
/// fresh archive of this build: their texts share little beyond the event's sentence.)
@Suite("Upgrading an archive written by schema 7")
struct SchemaSevenUpgradeTests {
    static let fixture = CLIRunner.packageRoot.path + "/Tests/NewsStoreSQLiteTests/Fixtures/schema-v7.sqlite"

    /// Each article's story and origin, read straight from the file.
    static func assignments(_ path: String) throws -> [[Int64]] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Row.fetchAll(db, sql: "SELECT article_id, story_id, origin_id FROM story_article ORDER BY article_id")
                .map { [$0[0], $0[1], $0[2]] }
        }
    }

    static func legacyRows(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try db.tableExists("cluster_state") ? Int.fetchOne(db, sql: "SELECT count(*) FROM cluster_state") ?? 0 : 0
        }
    }

    /// Each story's article titles, read straight from the file.
    static func titlesByStory(_ path: String) throws -> [Int64: [String]] {
        try DatabaseQueue(path: path).read { db in
            var titles: [Int64: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT s.story_id, a.title FROM story_article s JOIN article a ON a.id = s.article_id")
            {
                titles[row[0], default: []].append(row[1])
            }
            return titles
        }
    }

    /// id → (articles, origins, pinned) as `stories --json` lists them.
    static func stories(_ cli: CLIRunner) async throws -> [Int: [Int]] {
        let result = try await cli.run(["stories", "--json", "--limit", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        let stories = try #require(try result.json()["stories"] as? [[String: Any]])
        var byID: [Int: [Int]] = [:]
        for story in stories {
            let id = try #require(story["id"] as? Int)
            byID[id] = [
                story["articles"] as? Int ?? -1, story["origins"] as? Int ?? -1,
                story["pinned"] as? Bool == true ? 1 : 0,
            ]
        }
        return byID
    }

    @Test("the stories, copies, merge, pin and split survive, and clustering carries on from them")
    func upgradeKeepsTheStoriesAndClusteringCarriesOn() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: cli.database)
        let before = try Self.assignments(cli.database)
        let legacy = try Self.legacyRows(cli.database)
        #expect(before.count == 45 && legacy == 1)

        // What that release's `stories --json` listed.
        let listed: [Int: [Int]] = [
            27: [8, 8, 0], 6: [8, 8, 1], 5: [8, 8, 0], 4: [8, 7, 0], 3: [7, 7, 0], 8: [1, 1, 0], 1: [5, 3, 0],
        ]
        #expect(try await Self.stories(cli) == listed)
        let check = try await cli.run(["info", "--check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try Self.assignments(cli.database) == before)

        // Two more reports of each event and a fourth copy of the wire text are clustered by the moved state:
        // each lands with its own event, the copy with its origin, and nothing stored before moves.
        var more = ConcurrentWritersTests.articles(10, tag: "n")
        let wire =
            "Officials said on Monday that the new bridge across the harbour will open to traffic next spring after "
            + "two years of delays caused by rising costs and a shortage of steel, according to the regional "
            + "transport authority, which oversees the project and its budget."
        more +=
            "\n" + #"{"published": "2024-03-05T06:00:00Z", "source": "Port Gazette", "text": ""# + wire
            + #"", "title": "Harbour bridge to open next spring"}"#
        let added = try await cli.run(["add", try cli.write("more.jsonl", more)])
        #expect(added.status == 0, "\(added.stderr)")
        let after = try await Self.stories(cli)
        #expect(after[1] == [6, 3, 0], "the fourth copy is one more article, not one more origin: \(after)")
        #expect(after[6]?[2] == 1, "the pin holds")
        #expect(try Self.assignments(cli.database).prefix(45).elementsEqual(before))
        for (story, titles) in try Self.titlesByStory(cli.database) where story != 1 {
            let events = Set(titles.map { $0.split(separator: "(")[0] })
            #expect(events.count == 1, "story #\(story) mixes events: \(titles)")
        }

        // The schema-7 documents were moved into the tables and dropped; the archive checks and copies cleanly.
        #expect(try Self.legacyRows(cli.database) == 0)
        let checked = try await cli.run(["info", "--check"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let copy = try CLIRunner()
        defer { copy.remove() }
        let migrated = try await cli.run(["migrate", "--to", copy.database, "--json"])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(try migrated.json()["storiesConsistent"] as? Bool == true)
    }
}
