import Foundation
import Testing

/// `corroborate migrate`, run as an operator moving an archive between engines would.
@Suite("Copying an archive with corroborate migrate")
struct MigrateCLITests {
    /// The engine to copy into: PostgreSQL when a test server runs, else another SQLite file.
    static var destinationEngine: CLIRunner.Engine { CLIRunner.Engine.available.last ?? .sqlite }

    /// What a person reads of an archive: its articles, stories and feeds as JSON, minus where it is.
    static func listing(_ cli: CLIRunner) async throws -> [String] {
        var documents: [String] = []
        for arguments in [
            ["articles", "--json", "--limit", "100000"], ["stories", "--json", "--limit", "100000"],
            ["feeds", "--json"], ["sources", "--json"],
        ] {
            let result = try await cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            var object = try result.json()
            object["database"] = nil
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            documents.append(String(decoding: data, as: UTF8.self))
        }
        return documents
    }

    @Test("there and back: the copies list what the original lists")
    func thereAndBack() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let copy = try CLIRunner(engine: Self.destinationEngine)
        defer { copy.remove() }
        let back = try CLIRunner()
        defer { back.remove() }
        let seeds = CLIRunner.packageRoot.path + "/Samples/seeds"
        #expect(try await cli.run(["add", seeds]).status == 0)
        let more = try cli.write("more.jsonl", ConcurrentWritersTests.articles(60, tag: "m"))
        #expect(try await cli.run(["add", more]).status == 0)
        let feedsFile = try cli.write(
            "feeds.opml",
            """
            <opml version="2.0"><body><outline text="VOA" xmlUrl="http://127.0.0.1:9/voa.xml"/></body></opml>
            """)
        #expect(try await cli.run(["feeds", "import", feedsFile]).status == 0)
        let original = try await Self.listing(cli)

        let there = try await cli.run(["migrate", "--to", copy.database, "--json"])
        #expect(there.status == 0, "\(there.stderr)")
        let report = try there.json()
        #expect(report["schema"] as? String == "corroborate.migrate.v1")
        #expect(report["resumed"] as? Bool == false && report["storiesConsistent"] as? Bool == true)
        #expect((report["rows"] as? Int ?? 0) > 100 && report["rows"] as? Int == report["copied"] as? Int)
        #expect(!(report["to"] as? String ?? "").contains("password"))
        #expect(try await Self.listing(copy) == original)

        let home = try await back.run(
            ["migrate", "--from", copy.database, "--to", back.database], useDefaultDatabase: true)
        #expect(home.status == 0, "\(home.stderr)")
        #expect(home.stdout.contains("counts checked") && home.stdout.contains("stories checked"), "\(home.stdout)")
        #expect(try await Self.listing(back) == original)
        #expect(try await back.run(["info", "--check"]).status == 0)

        // Copying again into a finished copy writes nothing; into another archive is refused.
        let again = try await cli.run(["migrate", "--to", copy.database, "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try again.json()["copied"] as? Int == 0)
        let other = try CLIRunner()
        defer { other.remove() }
        _ = try await other.run(["add", more])
        let refused = try await cli.run(["migrate", "--to", other.database])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds another archive") && refused.stderr.contains("hint:"))
    }

    @Test("bad destinations and sources say what to do")
    func badArguments() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let missing = try await cli.run([
            "migrate", "--from", cli.folder + "/none.sqlite", "--to", cli.folder + "/b.sqlite",
        ])
        #expect(missing.status == 1 && missing.stderr.contains("there is no database there"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/none.sqlite"))
        #expect(try await cli.run(["info"]).status == 0)
        let empty = try await cli.run(["migrate", "--to", cli.folder + "/c.sqlite"])
        #expect(empty.status == 1 && empty.stderr.contains("holds nothing to copy"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/c.sqlite"))
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        let same = try await cli.run(["migrate", "--to", cli.database])
        #expect(same.status != 0 && same.stderr.contains("same database"), "\(same.stderr)")
        let foreign = try await cli.run(["migrate", "--to", "mysql://host/db"])
        #expect(foreign.status == 1 && foreign.stderr.contains("postgres://"), "\(foreign.stderr)")
    }

    @Test("a copy killed mid-way goes on when run again, with nothing lost or doubled")
    func killedAndResumed() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let copy = try CLIRunner(engine: Self.destinationEngine)
        defer { copy.remove() }
        let articles = try cli.write("a.jsonl", ConcurrentWritersTests.articles(600, tag: "k"))
        #expect(try await cli.run(["add", articles]).status == 0)
        let original = try await Self.listing(cli)

        // Small chunks make the copy take long enough to be killed in the middle of it.
        let migrate = try cli.start(["migrate", "--to", copy.database, "--chunk-rows", "5"])
        var seen = 0
        for _ in 0..<600 where seen == 0 {
            try await Task.sleep(for: .milliseconds(50))
            if let info = try? await copy.run(["info", "--json"]).json() { seen = info["articles"] as? Int ?? 0 }
        }
        kill(migrate.processIdentifier, SIGKILL)
        migrate.waitUntilExit()
        // NB: on a fast machine the articles may all be across by the first look; later tables are not yet.
        #expect(seen > 0, "the copy had not started")

        let resumed = try await cli.run(["migrate", "--to", copy.database, "--json"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let report = try resumed.json()
        #expect(report["resumed"] as? Bool == true)
        #expect((report["copied"] as? Int ?? 0) < (report["rows"] as? Int ?? 0))
        #expect((report["copied"] as? Int ?? 0) > 0, "the copy was not caught mid-way: nothing was left to resume")
        #expect(try await Self.listing(copy) == original)
        #expect(try await copy.run(["info", "--check"]).status == 0)
        let hits = try await copy.run(["search", "--json", "--limit", "1000", "earthquake"]).json()
        #expect((hits["hits"] as? [Any])?.count == 120, "an article indexed twice or not at all")
    }
}
