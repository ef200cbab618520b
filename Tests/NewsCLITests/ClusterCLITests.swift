import Foundation
import Testing

@Suite("corroborate cluster")
struct ClusterCLITests {
    @Test("the seeds and a rerun of one of them: one story, two origins")
    func seeds() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        var lines: [String] = []
        for name in ["trt-world", "voa"] {
            let data = try Data(contentsOf: CLIRunner.packageRoot.appendingPathComponent("Samples/seeds/\(name).json"))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            object["id"] = name
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            if name == "voa" {
                object["id"] = "voa-rerun"
                object["title"] = "Russian strikes on Syrian civilians disturbing, US says"
                object["published"] = "2015-12-29T06:00:00Z"
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
        }
        lines.append(
            #"{"id": "quake", "text": "A magnitude 6.8 earthquake struck off northern Japan, the meteorological agency said."}"#
        )
        let file = try cli.write("articles.jsonl", lines.joined(separator: "\n"))
        let result = try await cli.run(["cluster", file, "--jsonl"], useDefaultDatabase: true)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
        }
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"]!, $0) })
        #expect(byID["trt-world"]?["story"] == byID["voa"]?["story"])
        #expect(byID["voa-rerun"]?["story"] == byID["voa"]?["story"])
        #expect(byID["voa-rerun"]?["origin"] == "voa" && byID["voa-rerun"]?["relation"] != "independent")
        #expect(byID["quake"]?["story"] == "quake")
        let table = try await cli.run(["cluster", file], useDefaultDatabase: true)
        #expect(table.stdout.contains("US criticises Russia"))
    }

    @Test("two processes (each with its own hash seed) give the same stories")
    func acrossProcesses() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let input = CLIRunner.packageRoot.path + "/Eval/quotes-dev/articles.jsonl"
        let first = try await cli.run(["cluster", input, "--jsonl", "--why"], useDefaultDatabase: true)
        let second = try await cli.run(["cluster", input, "--jsonl", "--why"], useDefaultDatabase: true)
        #expect(first.status == 0 && !first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("a broken line is named and the rest clustered")
    func badLine() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("bad.jsonl", "{\"id\": 1, \"text\": \"one two three\"}\n{\"id\": 2\n")
        let result = try await cli.run(["cluster", file, "--jsonl"], useDefaultDatabase: true)
        #expect(result.status == 3 && result.stderr.contains("line 2"))
        #expect(result.stdout.contains("\"story\":\"1\""))
    }

    @Test("records are read as add reads them: \"date\" and \"body\" aliases let time keep events apart")
    func readsAddsFieldAliases() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let text = "Flood waters rose along the Elm river as the town council opened three shelters for residents."
        let lines = [
            #"{"id": "a", "headline": "Elm river floods", "body": "\#(text)", "date": "2021-03-01"}"#,
            #"{"id": "b", "headline": "Elm river floods", "body": "\#(text)", "datePublished": "2021-03-01T09:00:00Z"}"#,
            #"{"id": "c", "headline": "Elm river floods", "body": "\#(text)", "date": "2022-03-01"}"#,
        ]
        let file = try cli.write("aliases.jsonl", lines.joined(separator: "\n"))
        let result = try await cli.run(["cluster", file, "--jsonl"], useDefaultDatabase: true)
        #expect(result.status == 0, "\(result.stderr)")
        let stories = Dictionary(
            uniqueKeysWithValues: try result.stdout.split(separator: "\n").map { line -> (String, String) in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
                return (object["id"]!, object["story"]!)
            })
        // A year apart the same text is another event; read as undated, all three would be one story.
        #expect(stories["a"] == "a" && stories["b"] == "a")
        #expect(stories["c"] == "c")
    }
}
