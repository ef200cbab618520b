import Foundation
import Testing

@Suite("corroborate add / articles / search, end to end", .serialized)
struct AddSearchTests {
    static let seeds = CLIRunner.packageRoot.path + "/Samples/seeds"

    @Test(arguments: CLIRunner.Engine.available) func seedsAddSearchAndReAdd(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let added = try await cli.run(["add", Self.seeds])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.components(separatedBy: "added ").count - 1 == 2)
        #expect(added.stderr.contains("2 added, 0 already stored"))

        let search = try await cli.run(["search", "Toner", "--json"])
        #expect(search.status == 0)
        let hits = try #require(try search.json()["hits"] as? [[String: Any]])
        let sources = hits.compactMap { ($0["article"] as? [String: Any])?["source"] as? String }
        #expect(Set(sources) == ["TRT World", "VOA"])
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("Toner") == true })

        let human = try await cli.run(["search", "extremely", "disturbing"])
        #expect(human.stdout.contains("[extremely]") && human.stdout.contains("[disturbing]"))

        let again = try await cli.run(["add", Self.seeds])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already stored as #1") && again.stdout.contains("already stored as #2"))
        #expect(again.stderr.contains("0 added, 2 already stored"))

        let list = try await cli.run(["articles", "--json"])
        let document = try list.json()
        #expect(document["schema"] as? String == "corroborate.articles.v1")
        #expect(document["total"] as? Int == 2)
        let table = try await cli.run(["articles"])
        #expect(table.stdout.contains("TRT World") && table.stdout.contains("US criticises Russia"))

        let none = try await cli.run(["search", "zeppelin"])
        #expect(none.status == 0 && none.stderr.contains("No articles match"))
    }

    @Test func plainTextSeedsFromShared() async throws {
        let shared = CLIRunner.packageRoot.deletingLastPathComponent().path + "/shared/seeds"
        guard FileManager.default.fileExists(atPath: shared) else {
            print("skipped: ../shared/seeds is absent (plain-text seeds come from the shared folder)")
            return
        }
        let cli = try CLIRunner()
        defer { cli.remove() }
        let added = try await cli.run(["add", shared, "--source", "Seeds", "--language", "en"])
        #expect(added.status == 0, "\(added.stderr)")
        let article = try await cli.run(["article", "1", "--json"])
        let body = try #require(try article.json()["article"] as? [String: Any])
        #expect((body["title"] as? String)?.isEmpty == false && body["format"] as? String == "text")
        #expect(try await cli.run(["search", "Toner"]).stdout.components(separatedBy: "[Toner]").count > 2)
    }

    @Test func standardInputAndDefaultDatabase() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let added = try await cli.run(
            ["add", "-"], stdin: "From stdin\n\nA body read from standard input.\n", useDefaultDatabase: true)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/.local/share/corroborate/corroborate.sqlite"))
        let other = cli.folder + "/env.sqlite"
        _ = try await cli.run(
            ["add", "-"], stdin: "Env\n\nBody.\n", environment: ["CORROBORATE_DB": other], useDefaultDatabase: true)
        #expect(FileManager.default.fileExists(atPath: other))
        let info = try await cli.run(
            ["info", "--json"], environment: ["CORROBORATE_DB": other], useDefaultDatabase: true)
        #expect(try info.json()["articles"] as? Int == 1)
    }

    @Test func helpExplainsFormatsAndExitCodes() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let help = try await cli.run(["help", "add"], useDefaultDatabase: true)
        #expect(help.stdout.contains("JSON Lines") && help.stdout.contains("Exit status"))
        #expect(help.stdout.contains("--max-file-size"))
    }
}
