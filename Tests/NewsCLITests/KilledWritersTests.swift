import AsyncHTTPClient
import FixtureServer
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Writers killed with SIGKILL at random moments (`fetch` fetching pages, `analyse --stored`, `serve` while a
/// merge runs): afterwards `check` passes, every article is in exactly one live story, what finished before
/// the kill is kept, and the next run completes with nothing twice.
@Suite("writers killed with SIGKILL", .serialized)
struct KilledWritersTests {
    static let items = 150

    /// An RSS feed of items carrying a one-line summary only, so every item's page is fetched.
    static func feed(base: String) -> String {
        let items = (0..<items).map { index in
            """
            <item><title>Harbour report \(index)</title><link>\(base)/a/\(index)</link><guid>h-\(index)</guid>\
            <description>Short summary \(index).</description></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Harbour Feed</title><link>\(base)/</link>
            \(items.joined(separator: "\n"))</channel></rss>
            """
    }

    /// The article page of item `index`: texts distinct enough that no two are one another's copy.
    static func page(_ index: Int) -> String {
        let words = ["ferry", "crane", "dock", "tug", "pier", "quay", "barge", "tanker", "lock", "buoy"]
        let paragraphs = (0..<4).map { part in
            let a = words[(index + part) % words.count]
            let b = words[(index * 3 + part * 7) % words.count]
            return "<p>Report \(index)-\(part): the \(a) at berth \(index * 13 % 97 + part) was moved past the \(b) "
                + "on day \(index % 28 + 1), harbour master \(index * 7 % 89) said, after \(index * 31 % 400 + part) "
                + "tonnes of cargo number \(index * 977 + part) were checked by \(index % 11 + 2) inspectors.</p>"
        }
        return """
            <!DOCTYPE html><html lang="en"><head><title>Harbour report \(index)</title></head>
            <body><article><h1>Harbour report \(index)</h1>\(paragraphs.joined())</article></body></html>
            """
    }

    /// The site: the feed, and pages that each take a moment, so a poll of every page lasts seconds.
    static func startSite() async throws -> FixtureServer {
        try await FixtureServer.start { request in
            if request.path == "/feed.xml" {
                let base = "http://\(request.localHost):\(request.headers["host"]?.split(separator: ":").last ?? "")"
                return .ok(feed(base: base), type: "application/rss+xml")
            }
            guard request.path.hasPrefix("/a/"), let index = Int(request.path.dropFirst(3)) else { return .notFound }
            var response = FixtureResponse.ok(page(index))
            response.delay = .milliseconds(150)
            return response
        }
    }

    static let environment = ["CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"]

    @Test("fetch killed several times while it fetches pages: items saved as they finish, a re-run completes")
    func killedWhileFetchingPages() async throws {
        let site = try await Self.startSite()
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["feeds", "add", site.url("/feed.xml"), "--no-check"]).status == 0)
        var generator = SystemRandomNumberGenerator()
        var storedAtKills: [Int] = []
        for round in 0..<3 {
            let pagesBefore = site.requests.count { $0.path.hasPrefix("/a/") }
            let fetch = try cli.start(["fetch", "--all"], environment: Self.environment)
            defer { if fetch.isRunning { kill(fetch.processIdentifier, SIGKILL) } }
            // Killed at a random moment once some 30 more pages were asked for: the first batches are saved by
            // then (25 items or 10 s each), the feed is far from done.
            let target = pagesBefore + 30 + Int.random(in: 0..<8, using: &generator)
            let reached = try await ServeWritersTests.eventually(60) {
                site.requests.count { $0.path.hasPrefix("/a/") } >= target || !fetch.isRunning
            }
            #expect(reached && fetch.isRunning, "round \(round): fetch ended before the kill")
            kill(fetch.processIdentifier, SIGKILL)
            while fetch.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            let stored = try await ServeWritersTests.storedArticles(cli)
            storedAtKills.append(stored)
            let check = try await cli.run(["check"])
            #expect(check.status == 0, "round \(round): check after the kill: \(check.stdout) \(check.stderr)")
        }
        // Each kill kept what the rounds before it saved and added more: pages are not fetched again for items
        // already stored.
        #expect(storedAtKills[0] > 0, "nothing was saved before the first kill: \(storedAtKills)")
        #expect(storedAtKills == storedAtKills.sorted() && storedAtKills[2] > storedAtKills[0], "\(storedAtKills)")
        #expect(storedAtKills[2] < Self.items, "the rounds were meant to end before the feed was done")
        let again = try await cli.run(["fetch", "--all"], environment: Self.environment)
        #expect(again.status == 0, "\(again.stdout) \(again.stderr)")
        try await ConcurrentWritersTests.expectConsistent(cli, articles: Self.items)
        // No page was asked for twice once its article was stored: at most the pages in flight at each kill
        // (4 at a time) and the batch not yet saved (under 25) are fetched again.
        let pages = site.requests.count { $0.path.hasPrefix("/a/") }
        #expect(pages <= Self.items + 3 * (4 + 25), "\(pages) page requests for \(Self.items) items")
        let feeds = try await cli.run(["feeds", "list", "--json"]).json()
        let feed = try #require((feeds["feeds"] as? [[String: Any]])?.first)
        #expect(feed["articleCount"] as? Int == Self.items, "\(feed)")
    }

    @Test("analyse --stored killed several times: each batch saved stays, a re-run analyses the rest once")
    func killedAnalyse() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let total = 3_000
        let file = try cli.write("many.jsonl", ConcurrentWritersTests.articles(total, tag: "a"))
        #expect(try await cli.run(["add", file]).status == 0)
        func analysed() async throws -> Int {
            let info = try await cli.run(["info", "--json"]).json()
            return (info["analysesByAlgorithm"] as? [String: Int])?.values.reduce(0, +) ?? -1
        }
        var generator = SystemRandomNumberGenerator()
        var counts: [Int] = []
        for round in 0..<3 {
            let before = try await analysed()
            let process = try cli.start(["analyse", "--stored"])
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            // Killed at a random moment after the first batch of this run is saved.
            _ = try await ServeWritersTests.eventually(60) { try await analysed() > before || !process.isRunning }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<300, using: &generator)))
            #expect(process.isRunning, "round \(round): analyse finished before the kill")
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            counts.append(try await analysed())
            let check = try await cli.run(["check"])
            #expect(check.status == 0, "round \(round): \(check.stdout) \(check.stderr)")
        }
        #expect(counts == counts.sorted() && counts[0] > 0 && counts[2] < total, "\(counts)")
        let rest = try await cli.run(["analyse", "--stored", "--json"]).json()
        #expect(rest["analysed"] as? Int == total - counts[2], "\(rest), \(counts[2]) analysed before")
        #expect(try await analysed() == total)
        let none = try await cli.run(["analyse", "--stored", "--json"]).json()
        #expect(none["analysed"] as? Int == 0)
        try await ConcurrentWritersTests.expectConsistent(cli, articles: total)
    }

    @Test("serve killed at random moments after a merge request: the merge happened whole or not at all")
    func serveKilledDuringMerge() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let total = 1_500
        let file = try cli.write("many.jsonl", ConcurrentWritersTests.articles(total, tag: "m"))
        #expect(try await cli.run(["add", file]).status == 0)
        let token = try await cli.run(["token", "create", "tests"]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        func largest() async throws -> [(id: Int, articles: Int)] {
            let listed = try await cli.run(["stories", "--json", "--limit", "100000"]).json()
            let stories = try #require(listed["stories"] as? [[String: Any]])
            return stories.compactMap { story in
                guard let id = story["id"] as? Int, let articles = story["articles"] as? Int else { return nil }
                return (id, articles)
            }.sorted { $0.articles > $1.articles }
        }
        var generator = SystemRandomNumberGenerator()
        var merged = 0
        for round in 0..<4 {
            let stories = try await largest()
            try #require(stories.count >= 2, "round \(round): \(stories.count) stories")
            let (from, into) = (stories[1], stories[0])
            let port = Int.random(in: 20_000...40_000, using: &generator)
            let serve = try cli.start(["serve", "--port", String(port)])
            defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
            let base = "http://127.0.0.1:\(port)"
            let up = try await ServeWritersTests.eventually(60) {
                (try? await HTTPClient.shared.execute(
                    HTTPClientRequest(url: base + "/api/v1/stories?limit=1"), timeout: .seconds(2)))?.status == .ok
            }
            try #require(up, "round \(round): serve did not answer on \(port)")
            var request = HTTPClientRequest(url: base + "/api/v1/stories/\(from.id)/merge")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"into":\#(into.id)}"#))
            let sent = Task { try? await HTTPClient.shared.execute(request, timeout: .seconds(30)).status }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<60, using: &generator)))
            kill(serve.processIdentifier, SIGKILL)
            while serve.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            let status = await sent.value
            let check = try await cli.run(["check"])
            #expect(check.status == 0, "round \(round): \(check.stdout) \(check.stderr)")
            try await ConcurrentWritersTests.expectConsistent(cli, articles: total)
            // Whole or not at all: the merged-away story is gone and its articles are all in the other, or both
            // are as they were; an answered merge is never lost.
            let after = try await largest()
            let sizes = Dictionary(after.map { ($0.id, $0.articles) }, uniquingKeysWith: +)
            if sizes[from.id] == nil {
                #expect(sizes[into.id] == from.articles + into.articles, "round \(round): \(sizes)")
                merged += 1
            } else {
                #expect(status != .ok, "round \(round): merge answered 200 but did not happen")
                #expect(sizes[from.id] == from.articles && sizes[into.id] == into.articles, "round \(round)")
            }
        }
        // NB: when every kill came before the merge's commit, nothing shows the merge can land; it does, later.
        let last = try await largest()
        let finish = try await cli.run(["stories", "merge", String(last[1].id), String(last[0].id)])
        #expect(finish.status == 0, "\(finish.stderr) (\(merged) of 4 merges landed before the kills)")
        try await ConcurrentWritersTests.expectConsistent(cli, articles: total)
    }
}
