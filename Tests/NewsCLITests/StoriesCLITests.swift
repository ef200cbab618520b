import Foundation
import Testing

@Suite("corroborate stories and why")
struct StoriesCLITests {
    @Test(
        "adding the seeds makes one story of two origins; why names what they share",
        arguments: CLIRunner.Engine.available)
    func seeds(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let added = try await cli.run(["add", "--json", CLIRunner.packageRoot.path + "/Samples/seeds"]).json()
        let clustering = try #require(added["clustering"] as? [String: Int])
        #expect(clustering["clustered"] == 2 && clustering["newStories"] == 1 && clustering["joined"] == 1)
        let stories = try await cli.run(["stories", "--json"]).json()
        let list = try #require(stories["stories"] as? [[String: Any]])
        #expect(list.count == 1)
        #expect(
            list.first?["id"] as? Int == 1 && list.first?["articles"] as? Int == 2
                && list.first?["origins"] as? Int == 2)
        let why = try await cli.run(["why", "2", "--json"]).json()
        #expect(why["story"] as? Int == 1 && why["relation"] as? String == "independent")
        let reason = try #require(why["reason"] as? [String: Any])
        #expect((reason["sharedTerms"] as? [String])?.contains("toner") == true)
        let human = try await cli.run(["why", "2"])
        #expect(human.stdout.contains("joined story #1") && human.stdout.contains("shared terms"))
    }

    @Test(
        "articles stored without clustering are clustered when stories are listed; ids stay put",
        arguments: CLIRunner.Engine.available)
    func later(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let seeds = CLIRunner.packageRoot.path + "/Samples/seeds"
        #expect(try await cli.run(["add", "--no-cluster", seeds + "/trt-world.json"]).status == 0)
        #expect(try await cli.run(["add", "--no-cluster", seeds + "/voa.json"]).status == 0)
        let text = """
            {"title": "Earthquake strikes off Japan", "source": "Wire", "text": "A magnitude 6.8 earthquake struck \
            off northern Japan on Tuesday, shaking buildings in Tokyo; no tsunami warning was issued."}
            """
        #expect(try await cli.run(["add", "--no-cluster", try cli.write("quake.json", text)]).status == 0)
        let first = try #require(try await cli.run(["stories", "--json"]).json()["stories"] as? [[String: Any]])
        #expect(first.count == 2)
        let again = try #require(try await cli.run(["stories", "--json"]).json()["stories"] as? [[String: Any]])
        #expect(again.map { $0["id"] as? Int } == first.map { $0["id"] as? Int })
        let missing = try await cli.run(["why", "99"])
        #expect(missing.status != 0 && missing.stderr.contains("no article #99"))
    }
}

@Suite("corroborate stories merge, split, pin")
struct StoryChangesCLITests {
    @Test("split, merge and pin by hand, with refusals that say why", arguments: CLIRunner.Engine.available)
    func changes(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        // `stories ACTION --db PATH ...`: the runner would put --db before the action.
        func run(_ action: String, _ arguments: String...) async throws -> CLIRunner.Result {
            try await cli.run(["stories", action, "--db", cli.database] + arguments, useDefaultDatabase: true)
        }
        #expect(try await run("split", "2").status == 0)
        var stories = try #require(try await cli.run(["stories", "--json"]).json()["stories"] as? [[String: Any]])
        #expect(stories.count == 2)
        #expect(try await cli.run(["why", "2"]).stdout.contains("split out"))
        #expect(try await run("merge", "2", "1").status == 0)
        #expect(try await run("pin", "1").status == 0)
        stories = try #require(try await run("list", "--json").json()["stories"] as? [[String: Any]])
        #expect(stories.count == 1 && stories.first?["articles"] as? Int == 2)
        let refused = try await run("split", "1")
        #expect(refused.status == 1 && refused.stderr.contains("started its story"))
        let missing = try await run("merge", "9", "1")
        #expect(missing.status == 1 && missing.stderr.contains("no story 9"))
    }

    @Test(
        "splitting an article out again and merging back the other way hides nothing (no merge cycle)",
        arguments: CLIRunner.Engine.available)
    func noMergeCycle(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        func run(_ action: String, _ arguments: String...) async throws -> CLIRunner.Result {
            try await cli.run(["stories", action, "--db", cli.database] + arguments, useDefaultDatabase: true)
        }
        for (action, arguments) in [("split", ["2"]), ("merge", ["2", "1"]), ("split", ["2"]), ("merge", ["1", "2"])] {
            let result = try await cli.run(
                ["stories", action, "--db", cli.database] + arguments, useDefaultDatabase: true)
            #expect(result.status == 0, "stories \(action) \(arguments): \(result.stderr)")
        }
        let stories = try #require(try await run("list", "--json").json()["stories"] as? [[String: Any]])
        #expect(stories.count == 1 && stories.first?["id"] as? Int == 2 && stories.first?["articles"] as? Int == 2)
        for id in ["1", "2"] {
            let story = try await cli.run(["story", id, "--format", "json"])
            #expect(story.status == 0, "story \(id): \(story.stderr)")
        }
    }
}
