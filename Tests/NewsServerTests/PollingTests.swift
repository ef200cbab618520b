import FixtureServer
import Foundation
import NIOHTTP1
import Testing

/// The server's own feed polling: a subscription made through the API is polled, its items stored,
/// analysed and grouped into a story the API then lists, all while the server runs.
@Suite("Feed polling in the server")
struct PollingTests {
    static let paragraphs = [
        "The harbour authority of Lakeside closed the north pier on Tuesday after inspectors found the pilings "
            + "had shifted by 40 centimetres during the storm, the authority said in a statement.",
        "\"Nobody will walk on that pier until it is safe,\" said harbour master Ana Lund, who expects repairs to "
            + "take six weeks and cost about 300,000 euros.",
        "Ferries will use the south pier meanwhile, and the Tuesday market moves to the town square.",
    ]

    static func feed(base: String) -> String {
        let paragraph = paragraphs[0]
        let items = (1...2).map { index in
            """
            <item><title>Lakeside closes north pier after storm damage (\(index))</title>
            <link>\(base)/news/pier-\(index)</link><guid>pier-\(index)</guid>
            <pubDate>Tue, 05 Nov 2024 0\(index):00:00 GMT</pubDate>
            <description><![CDATA[<p>\(paragraph)</p><p>\(paragraph) Repairs will take weeks, said harbour master Ana Lund.</p><p>\(paragraph) Ferries use the south pier meanwhile.</p>]]></description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lakeside Courier</title>
            <link>\(base)/</link><description>News</description>\(items.joined())</channel></rss>
            """
    }

    @Test("subscribe through the API; the poller stores and groups the items")
    func subscribeAndPoll() async throws {
        let site = try await FixtureServer.start { request in
            let host = request.headers["host"] ?? request.headers["Host"] ?? "127.0.0.1"
            if request.path == "/feed.xml" {
                return FixtureResponse(
                    headers: [("Content-Type", "application/rss+xml")],
                    body: Array(Self.feed(base: "http://" + host).utf8))
            }
            guard request.path.hasPrefix("/news/pier-") else { return FixtureResponse(status: 404) }
            // The items' pages: fetched because a feed's <description> is taken as a summary.
            let paragraphs = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
            let page = """
                <!doctype html><html><head><title>Lakeside closes north pier</title></head><body>
                <nav><a href="/">Home</a></nav><article><h1>Lakeside closes north pier after storm damage</h1>
                \(paragraphs)</article><footer>© Lakeside Courier</footer></body></html>
                """
            return FixtureResponse(headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(page.utf8))
        }
        let server = try await TestServer.start(pollFeeds: true)
        defer { Task { await server.stop() } }
        let before = try await server.request(.GET, "/api/v1/articles").json() as? [String: Any]
        let url = "http://127.0.0.1:\(site.port)/feed.xml"
        let added = try await server.request(
            .POST, "/api/v1/feeds", json: #"{"url":"\#(url)","source":"Lakeside Courier"}"#, token: server.token)
        #expect(added.status == 201, "\(added.text)")
        var found = false
        for _ in 0..<100 where !found {
            try await Task.sleep(for: .milliseconds(200))
            let stories = try await server.request(.GET, "/api/v1/stories").json() as? [String: Any]
            found = (stories?["stories"] as? [[String: Any]] ?? []).contains {
                ($0["title"] as? String)?.hasPrefix("Lakeside closes north pier") == true && $0["articles"] as? Int == 2
            }
        }
        #expect(found, "the feed's two items never became one story")
        let after = try await server.request(.GET, "/api/v1/articles").json() as? [String: Any]
        #expect((after?["total"] as? Int ?? 0) == (before?["total"] as? Int ?? 0) + 2)
        let feeds = try await server.request(.GET, "/api/v1/feeds").json() as? [String: Any]
        let feed = (feeds?["feeds"] as? [[String: Any]])?.first
        #expect(feed?["articleCount"] as? Int == 2 && feed?["failures"] as? Int == 0, "\(feed ?? [:])")
        // The subscriptions page shows it.
        #expect(try await server.request(.GET, "/subscriptions").text.contains(url))
    }
}
