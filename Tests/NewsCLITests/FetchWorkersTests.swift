import FixtureServer
import Foundation
import Testing

/// Several `fetch` workers on one database, as a deployment runs them on several machines against PostgreSQL.
@Suite("Several fetch workers at once")
struct FetchWorkersTests {
    static let feeds = 48

    static func text(_ feed: Int, _ number: Int) -> String {
        "Flood report \(feed)-\(number): the river in town \(feed) rose \(number + feed % 7) metres overnight, "
            + "officials said, and \(feed * 10 + number) homes were evacuated before dawn on the east bank."
    }

    static func item(_ feed: Int, _ number: Int, base: String) -> String {
        let text = text(feed, number)
        return """
            <item><title>River rises in town \(feed), report \(number)</title><link>\(base)/a/\(feed)-\(number)</link>
            <guid>f\(feed)-\(number)</guid><pubDate>Fri, 08 Nov 2024 \(10 + number):00:00 GMT</pubDate>
            <content:encoded><![CDATA[<p>\(text)</p><p>\(text.replacingOccurrences(of: "overnight", with: "by noon"))</p>]]></content:encoded></item>
            """
    }

    @Test(
        "three workers share a round of 48 feeds: each feed polled once, each article stored once",
        arguments: CLIRunner.Engine.available)
    func threeWorkers(engine: CLIRunner.Engine) async throws {
        let site = try await FixtureServer.start { request in
            let base = "http://\(request.localHost):\(request.headers["host"]?.split(separator: ":").last ?? "")"
            if request.path.hasPrefix("/feed/"), let feed = Int(request.path.dropFirst(6).dropLast(4)) {
                var response = FixtureResponse.ok(
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                    <channel><title>Town \(feed) News</title><link>\(base)/</link>
                    \(Self.item(feed, 1, base: base))\(Self.item(feed, 2, base: base))
                    </channel></rss>
                    """, type: "application/rss+xml")
                // Slow enough that the workers' rounds overlap.
                response.delay = .milliseconds(60)
                return response
            }
            if request.path.hasPrefix("/a/") {
                let parts = request.path.dropFirst(3).split(separator: "-").compactMap { Int($0) }
                guard parts.count == 2 else { return .notFound }
                let text = Self.text(parts[0], parts[1])
                return .ok(
                    "<html><head><title>River rises in town \(parts[0]), report \(parts[1])</title></head><body>"
                        + "<article><h1>River rises in town \(parts[0]), report \(parts[1])</h1><p>\(text)</p><p>"
                        + text.replacingOccurrences(of: "overnight", with: "by noon") + "</p><p>"
                        + text.replacingOccurrences(of: "overnight", with: "by evening")
                        + "</p></article></body></html>")
            }
            return .notFound
        }
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let outlines = (0..<Self.feeds).map {
            "<outline type=\"rss\" text=\"Town \($0) News\" xmlUrl=\"\(site.url("/feed/\($0).xml"))\"/>"
        }
        let opml = try cli.write(
            "feeds.opml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>\(outlines.joined())</body></opml>")
        let imported = try await cli.run(["feeds", "import", opml])
        #expect(imported.status == 0, "\(imported.stderr)")

        let allow = ["CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"]
        async let one = cli.run(["fetch", "--concurrency", "2"], environment: allow)
        async let two = cli.run(["fetch", "--concurrency", "2"], environment: allow)
        async let three = cli.run(["fetch", "--concurrency", "2"], environment: allow)
        let workers = try await [one, two, three]
        for worker in workers { #expect(worker.status == 0, "\(worker.stderr)") }
        let paths = site.requests.map(\.path)
        let polled = Dictionary(grouping: paths.filter { $0.hasPrefix("/feed/") }, by: { $0 })
        let pages = Dictionary(grouping: paths.filter { $0.hasPrefix("/a/") }, by: { $0 })
        #expect(
            pages.values.allSatisfy { $0.count == 1 }, "pages read twice: \(pages.filter { $0.value.count > 1 }.keys)")
        #expect(polled.count == Self.feeds, "every feed polled")
        #expect(
            polled.values.allSatisfy { $0.count == 1 }, "polled twice: \(polled.filter { $0.value.count > 1 }.keys)")
        #expect(
            workers.filter { $0.stderr.contains("fetched") || $0.stdout.contains("fetched") }.count >= 2,
            "the round was shared: \(workers.map(\.stdout))")
        try await ConcurrentWritersTests.expectConsistent(cli, articles: Self.feeds * 2)
        await site.stop()
    }
}
