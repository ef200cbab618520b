import Foundation
import Testing

@Suite("corroborate story and sources")
struct StoryCLITests {
    @Test(
        "story renders the seeds' comparison in every format; citations slice the stored text",
        arguments: CLIRunner.Engine.available)
    func formats(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        let json = try await cli.run(["story", "2", "--format", "json"])  // an article's id names its story
        #expect(json.status == 0, "\(json.stderr)")
        let document = try json.json()
        #expect(document["schema"] as? String == "corroborate.story.v1")
        #expect(document["story"] as? Int == 1)
        // The two outlets, then the reports TRT World relays (SNHR's, Amnesty's) as origins with no article.
        let origins = try #require(document["origins"] as? [[String: Any]])
        #expect(origins.filter { $0["external"] == nil }.count == 2)
        #expect(origins.filter { $0["external"] as? Bool == true }.count == 2)
        let counts = try #require(document["statusCounts"] as? [String: Int])
        #expect((counts["corroborated"] ?? 0) >= 4)
        // Offsets index the stored text in characters, as `article --json` returns it.
        var texts: [Int: [Unicode.Scalar]] = [:]
        for id in [1, 2] {
            let article = try #require(
                try await cli.run(["article", String(id), "--json"]).json()["article"] as? [String: Any])
            texts[id] = Array(try #require(article["text"] as? String).unicodeScalars)
        }
        let claims = try #require(document["claims"] as? [[String: Any]])
        var checked = 0
        for claim in claims {
            for evidence in try #require(claim["evidence"] as? [[String: Any]]) {
                let id = try #require(evidence["article"] as? Int)
                let start = try #require(evidence["start"] as? Int)
                let end = try #require(evidence["end"] as? Int)
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: try #require(texts[id])[start..<end])
                #expect(String(slice) == evidence["text"] as? String)
                checked += 1
            }
        }
        #expect(checked > 20)

        let markdown = try await cli.run(["story", "1"])
        #expect(markdown.stdout.hasPrefix("# Story #1: "))
        #expect(markdown.stdout.contains("## Corroborated by several origins (4)"))
        let page = try await cli.run(["story", "1", "--format", "html", "--output", cli.folder + "/story.html"])
        #expect(page.status == 0 && page.stderr.contains("wrote"))
        let html = try String(contentsOfFile: cli.folder + "/story.html", encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>") && html.contains("extremely disturbing"))
        let csv = try await cli.run(["story", "1", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("section,item,status,origins,article,outlet,start,end,text,detail,via\r\n"))
        #expect(csv.stdout.contains("figure,") && csv.stdout.contains("claim,"))

        let missing = try await cli.run(["story", "99"])
        #expect(missing.status == 1 && missing.stderr.contains("#99 is neither a story nor an article"))
        let unwritable = try await cli.run(["story", "1", "--output", cli.folder + "/no/such/folder/story.md"])
        #expect(unwritable.status == 1 && unwritable.stderr.contains("cannot write"))
    }

    @Test("sources set an owner; outlets of one owner become one origin", arguments: CLIRunner.Engine.available)
    func owners(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        func sources(_ arguments: String...) async throws -> CLIRunner.Result {
            try await cli.run(
                ["sources"] + Array(arguments.prefix(1)) + ["--db", cli.database] + arguments.dropFirst(),
                useDefaultDatabase: true)
        }
        let listed = try await cli.run(["sources", "--json"]).json()
        #expect((listed["sources"] as? [[String: Any]])?.map { $0["name"] as? String } == ["TRT World", "VOA"])
        let set = try await sources("set", "VOA", "--owner", "Media Group", "--kind", "state-funded", "--country", "US")
        #expect(set.status == 0 && set.stdout.contains("owner Media Group"))
        #expect(try await sources("set", "TRT World", "--owner", "media group").status == 0)
        let document = try await cli.run(["story", "1", "--format", "json"]).json()
        let origins = try #require(document["origins"] as? [[String: Any]])
        #expect(origins.filter { $0["external"] == nil }.count == 1)
        #expect((document["statusCounts"] as? [String: Int])?["corroborated"] == 0)
        let table = try await cli.run(["sources"])
        #expect(table.stdout.contains("state-funded") && table.stdout.contains("Media Group"))
        let badKind = try await sources("set", "VOA", "--kind", "tabloid")
        #expect(badKind.status != 0 && badKind.stderr.contains("'tabloid' is not a kind"))
        let unknown = try await sources("set", "Nowhere News", "--owner", "X")
        #expect(unknown.status == 1 && unknown.stderr.contains("no outlet named 'Nowhere News'"))
        #expect(try await sources("set", "VOA", "--owner", "").status == 0)
        let cleared = try #require(try await cli.run(["sources", "--json"]).json()["sources"] as? [[String: Any]])
        #expect(cleared.first { $0["name"] as? String == "VOA" }?["owner"] == nil)
    }
}
