import Foundation
import Testing

@Suite("corroborate analyse")
struct AnalyseCLITests {
    static let seeds = CLIRunner.packageRoot.path + "/Samples/seeds"

    @Test("analyses files and prints one JSON document with speakers and reporters")
    func files() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try await cli.run(["analyse", "--json", Self.seeds + "/voa.json", Self.seeds + "/trt-world.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["schema"] as? String == "corroborate.analysis.v1")
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        let quotes = try #require(articles[0]["quotes"] as? [[String: Any]])
        #expect(
            quotes.contains {
                ($0["text"] as? String)?.hasPrefix("We do know") == true && $0["speakerName"] as? String == "Mark Toner"
            })
        // Toner's two pieces around "Toner said." are one quote, its pieces kept as spans of their own.
        let pieced = try #require(quotes.first { ($0["pieces"] as? [[String: Any]])?.count == 2 })
        let pieces = try #require(pieced["pieces"] as? [[String: Any]])
        #expect((pieces[0]["text"] as? String)?.hasPrefix("We have at times") == true)
        #expect((pieces[1]["text"] as? String)?.hasPrefix("We'd like to see") == true)
        #expect(
            pieced["start"] as? Int == pieces[0]["start"] as? Int && pieced["end"] as? Int == pieces[1]["end"] as? Int)
        let numbers = try #require(articles[1]["numbers"] as? [[String: Any]])
        let killed = try #require(numbers.first { $0["text"] as? String == "849" })
        #expect(killed["reporterName"] as? String == "Syrian Network for Human Rights")
        // Offsets count Unicode scalars of the text and slice back to the span's text.
        let text = try #require(try Self.text(of: Self.seeds + "/trt-world.json"))
        let scalars = Array(text.unicodeScalars)
        for number in numbers {
            let start = try #require(number["start"] as? Int)
            let end = try #require(number["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == number["text"] as? String)
        }
    }

    static func text(of path: String) throws -> String? {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return object?["text"] as? String
    }

    @Test("human output lists entities, quotes, numbers and dates")
    func human() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try await cli.run(["analyse", Self.seeds + "/voa.json"])
        #expect(result.status == 0)
        for heading in ["Entities (", "Quotes (", "Numbers (", "Dates ("] { #expect(result.stdout.contains(heading)) }
        #expect(result.stdout.contains("Staffan de Mistura"))
    }

    @Test("stored articles are analysed once per algorithm and shown with article --analysis")
    func stored() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["add", Self.seeds]).status == 0)
        let before = try await cli.run(["article", "1", "--analysis"])
        #expect(before.status != 0 && before.stderr.contains("analyse --stored"))
        let first = try await cli.run(["analyse", "--stored", "--json"]).json()
        #expect(first["analysed"] as? Int == 2 && first["schema"] as? String == "corroborate.analyse-stored.v1")
        let again = try await cli.run(["analyse", "--stored"])
        #expect(again.status == 0 && again.stdout.contains("every article"))
        let shown = try await cli.run(["article", "2", "--analysis", "--json"]).json()
        let articles = try #require(shown["articles"] as? [[String: Any]])
        #expect(
            (articles.first?["entities"] as? [[String: Any]])?.contains { $0["name"] as? String == "Mark Toner" }
                == true)
        let info = try await cli.run(["info", "--json"]).json()
        #expect((info["analysesByAlgorithm"] as? [String: Int])?.values.reduce(0, +) == 2)
        let missing = try await cli.run(["analyse", "--stored", "7"])
        #expect(missing.status != 0 && missing.stderr.contains("no article #7"))
    }

    @Test("JSON Lines stream article by article; a bad line is rejected with its number and the rest analysed")
    func jsonLines() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let lines = [
            #"{"title": "One", "text": "\"We will win,\" said Jane Doe."}"#, #"{"title": "Broken", "text": "#,
            #"{"title": "Two", "text": "Officials said 12 people were hurt."}"#,
        ]
        let file = try cli.write("feed.jsonl", lines.joined(separator: "\n"))
        let result = try await cli.run(["analyse", "--json", file])
        #expect(result.status == 3)
        let json = try result.json()
        #expect((json["articles"] as? [[String: Any]])?.count == 2)
        let rejected = try #require(json["rejected"] as? [[String: Any]])
        #expect(rejected.count == 1 && rejected.first?["location"] as? String == "line 2")
    }

    @Test("bad input is named with its reason")
    func badInput() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let empty = try cli.write("empty.txt", "   \n")
        let result = try await cli.run(["analyse", empty, cli.folder + "/missing.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("empty.txt") && result.stderr.contains("missing.json"))
        let usage = try await cli.run(["analyse"])
        #expect(usage.status != 0 && usage.stderr.contains("--stored"))
    }
}
