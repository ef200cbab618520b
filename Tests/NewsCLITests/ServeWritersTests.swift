import FixtureServer
import Foundation
import Testing

/// `serve` polling a feed while another process adds, and `serve` killed while it stores a poll.
@Suite("serve beside other writers", .serialized)
struct ServeWritersTests {
    /// An RSS feed of `count` items, each a full article of its own (over the 500 characters that make an
    /// item's content the article, so no page is fetched).
    static func feed(_ count: Int, base: String) -> String {
        let items = (0..<count).map { index in
            let paragraph =
                "Item \(index) of the valley feed: the council met on day \(index % 9) to discuss the \(index % 7) "
                + "bridges and \(index * 31 % 100) road repairs, the mayor's office said in a statement on Friday."
            return """
                <item><title>Valley council report \(index)</title><link>\(base)/a/\(index)</link>\
                <guid>v-\(index)</guid><pubDate>Fri, 0\(1 + index % 8) Nov 2024 10:00:00 GMT</pubDate>\
                <content:encoded><![CDATA[<p>\(paragraph)</p><p>Residents of district \(index % 13) asked \
                for the repairs \(index) to start before winter, and the council promised an answer within \
                \(2 + index % 5) weeks.</p><p>The works on bridge \(index % 7) would cost about \(index * 17 % 90 + 10) \
                million, a spokesman for the regional government added on Friday evening.</p><p>Engineers from \
                \(3 + index % 4) firms inspected the site \(index) last month and found the old supports \
                corroded, according to a report the council published on its website.</p>]]></content:encoded></item>
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Valley Feed</title><link>\(base)/</link>\(items.joined(separator: "\n"))</channel></rss>
            """
    }

    static func startSite(items: Int) async throws -> FixtureServer {
        try await FixtureServer.start { request in
            guard request.path == "/feed.xml" else { return .notFound }
            let base = "http://\(request.localHost):\(request.headers["host"]?.split(separator: ":").last ?? "")"
            return .ok(feed(items, base: base), type: "application/rss+xml")
        }
    }

    /// Starts `serve` polling feeds on a free port, allowed to reach the fixture site on 127.0.0.1.
    static func startServe(_ cli: CLIRunner) throws -> Process {
        try cli.start(
            ["serve", "--port", String(Int.random(in: 20_000...40_000))],
            environment: ["CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"])
    }

    /// Waits until `condition` holds, checking every 100 ms, for at most `seconds`.
    static func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func storedArticles(_ cli: CLIRunner) async throws -> Int {
        try await cli.run(["info", "--json"]).json()["articles"] as? Int ?? -1
    }

    @Test("an add while serve polls a feed: both finish, every article in exactly one listed story")
    func addDuringPolling() async throws {
        let site = try await Self.startSite(items: 120)
        let cli = try CLIRunner()
        defer { cli.remove() }
        let subscribed = try await cli.run(["feeds", "add", site.url("/feed.xml"), "--no-check", "--source", "Valley"])
        #expect(subscribed.status == 0, "\(subscribed.stderr)")
        let serve = try Self.startServe(cli)
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        let added = try await cli.run(["add", try cli.write("a.jsonl", ConcurrentWritersTests.articles(600, tag: "a"))])
        #expect(added.status == 0, "\(added.stderr)")
        let polled = try await Self.eventually(60) { try await Self.storedArticles(cli) == 720 }
        let stored = try await Self.storedArticles(cli)
        #expect(polled, "serve stored the feed's 120 items (\(stored) stored)")
        // Stop serve the way an operator would, once its poll is clustered.
        _ = try await Self.eventually(30) {
            let stories = try await cli.run(["stories", "--json", "--limit", "100000"]).json()
            let held = (stories["stories"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["articles"] as? Int ?? 0) }
            return held == 720
        }
        kill(serve.processIdentifier, SIGTERM)
        while serve.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        try await ConcurrentWritersTests.expectConsistent(cli, articles: 720)
    }

    @Test("serve killed with SIGKILL while it stores a poll: the next command finishes, nothing is lost or doubled")
    func killedWhilePolling() async throws {
        let site = try await Self.startSite(items: 1_500)
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["feeds", "add", site.url("/feed.xml"), "--no-check"]).status == 0)
        let serve = try Self.startServe(cli)
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        let fetched = try await Self.eventually(30) { !site.requests.isEmpty }
        #expect(fetched, "serve polled the feed")
        // NB: the poll's 1,500 items take the debug build seconds to store and cluster: killed once the first
        // are stored, it dies in the middle.
        _ = try await Self.eventually(30) { try await Self.storedArticles(cli) > 0 }
        kill(serve.processIdentifier, SIGKILL)
        while serve.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let stored = try await Self.storedArticles(cli)
        let check = try await cli.run(["info", "--check", "--json"]).json()["check"] as? [String: Any]
        let waiting = check?["waitingArticles"] as? Int ?? -1
        // The next writer finishes what waits; fetch again stores what the kill cut short, nothing twice.
        let again = try await cli.run(["fetch", "--all"], environment: ["CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try await Self.storedArticles(cli)
        #expect(
            after == 1_500,
            "\(stored) stored (\(waiting) not clustered) when killed, \(after) after: \(again.stdout) \(again.stderr)")
        try await ConcurrentWritersTests.expectConsistent(cli, articles: 1_500)
    }
}
