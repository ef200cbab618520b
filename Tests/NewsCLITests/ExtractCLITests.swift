import Foundation
import Testing

@Suite("corroborate extract / add page.html, end to end", .serialized)
struct ExtractCLITests {
    static let page = CLIRunner.packageRoot.path + "/Tests/NewsExtractTests/Fixtures/news-article.html"

    @Test func extractPrintsOneObjectPerInput() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let short = try cli.write("short.html", "<html><body><p>Too short to be an article.</p></body></html>")
        let result = try await cli.run(
            ["extract", "--jsonl", Self.page, short, cli.folder + "/missing.html"], useDefaultDatabase: true)
        #expect(result.status == 0, "one page extracted, so not a total failure: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 2)
        let first = try #require(lines[0] ?? nil)
        #expect(first["title"] as? String == "Council approves new river bridge")
        #expect(first["authors"] as? [String] == ["Ana Ruiz", "Tom Berg"])
        #expect(first["published"] as? String == "2024-03-05")
        #expect(first["site"] as? String == "The Valley Courier")
        #expect((first["text"] as? String)?.hasPrefix("The town council voted") == true)
        #expect((first["blocks"] as? [[String: Any]])?.contains { $0["kind"] as? String == "caption" } == true)
        #expect(first["rejected"] == nil)
        let second = try #require(lines[1] ?? nil)
        #expect((second["rejected"] as? [String: Any])?["code"] as? String == "too-short")
        #expect(result.stderr.contains("missing.html"))
    }

    @Test func addStoresTheExtractedArticleAndTheRawPage() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let added = try await cli.run(["add", Self.page])
        #expect(added.status == 0, "\(added.stderr)")
        let article = try #require(try await cli.run(["article", "1", "--json"]).json()["article"] as? [String: Any])
        #expect(article["format"] as? String == "html" && article["source"] as? String == "The Valley Courier")
        #expect(article["language"] as? String == "en")
        #expect(
            try await cli.run(["article", "1", "--raw"]).stdout == String(contentsOfFile: Self.page, encoding: .utf8))
        #expect(try await cli.run(["search", "bridge"]).stdout.contains("Council approves"))
        let short = try cli.write("listing.html", "<html><body><ul><li><a href=/a>One</a></li></ul></body></html>")
        let rejected = try await cli.run(["add", short])
        #expect(rejected.status == 1 && rejected.stderr.contains("listing.html"))
        let kept = try #require(try await cli.run(["rejections", "--json"]).json()["rejections"] as? [[String: Any]])
        #expect(kept.count == 1 && kept[0]["code"] as? String == "no-content")
        #expect(kept[0]["format"] as? String == "html")
        #expect(kept[0]["bytesKept"] as? Int == (try Data(contentsOf: URL(fileURLWithPath: short))).count)
    }
}
