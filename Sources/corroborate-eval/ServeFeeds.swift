internal import ArgumentParser
internal import FixtureServer
internal import Foundation
internal import NewsTesting

/// `corroborate-eval serve-feeds`: many synthetic outlets' feeds on loopback addresses, for the fetch
/// benchmark (scripts/benchmark-fetch.sh); writes an OPML file listing them and serves until killed.
struct ServeFeeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-feeds",
        abstract: "Serve synthetic feeds on 127.0.1.x for the fetch benchmark; writes their OPML, runs until killed.")

    @Option(help: "Feeds in all.")
    var feeds = 1_000

    @Option(help: "Hosts they are spread over (127.0.1.1, 127.0.1.2, ...).")
    var hosts = 100

    @Option(help: "Items per feed.")
    var items = 20

    @Option(help: "The port every host listens on.")
    var port = 18_080

    @Option(help: "Share of items (0-1) that carry only a summary, so their page is fetched.")
    var summaryOnly = 0.0

    @Option(help: "Feeds on a host that accepts connections and never answers (127.0.2.1).")
    var slowFeeds = 0

    @Option(help: "Feeds on a host nobody listens on (127.0.2.2).")
    var deadFeeds = 0

    @Option(help: "Where to write the OPML list of the feeds.")
    var opml = "feeds.opml"

    @Option(help: "Where to keep, every second, how many times each feed was requested (path count, one per line).")
    var requestLog: String?

    func validate() throws {
        guard (1...250).contains(hosts) else { throw ValidationError("--hosts must be 1...250") }
        guard feeds >= hosts else { throw ValidationError("--feeds must be at least --hosts") }
    }

    func run() async throws {
        var servers: [FixtureServer] = []
        let items = items
        let summaryOnly = summaryOnly
        for index in 1...hosts {
            let host = "127.0.1.\(index)"
            servers.append(
                try await FixtureServer.start(host: host, port: port) { request in
                    Self.answer(request, host: host, items: items, summaryOnly: summaryOnly)
                })
        }
        if slowFeeds > 0 {
            servers.append(
                try await FixtureServer.start(host: "127.0.2.1", port: port) { _ in
                    var response = FixtureResponse()
                    response.hang = true
                    return response
                })
        }
        var lines = ["<?xml version=\"1.0\"?>", "<opml version=\"2.0\"><head><title>benchmark</title></head><body>"]
        for feed in 0..<feeds {
            let host = "127.0.1.\(feed % hosts + 1)"
            lines.append(
                "<outline type=\"rss\" text=\"Outlet \(feed)\" xmlUrl=\"http://\(host):\(port)/feeds/\(feed).xml\"/>")
        }
        for feed in 0..<slowFeeds {
            lines.append(
                "<outline type=\"rss\" text=\"Slow \(feed)\" xmlUrl=\"http://127.0.2.1:\(port)/feeds/\(feed).xml\"/>")
        }
        for feed in 0..<deadFeeds {
            lines.append(
                "<outline type=\"rss\" text=\"Dead \(feed)\" xmlUrl=\"http://127.0.2.2:\(port)/feeds/\(feed).xml\"/>")
        }
        lines.append("</body></opml>")
        try lines.joined(separator: "\n").write(toFile: opml, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(
            Data("serving \(feeds) feeds x \(items) items on \(hosts) hosts, port \(port); OPML in \(opml)\n".utf8))
        guard let requestLog else { while true { try await Task.sleep(for: .seconds(3600)) } }
        while true {
            try await Task.sleep(for: .seconds(1))
            var counts: [String: Int] = [:]
            for server in servers {
                for request in server.requests where request.path.hasPrefix("/feeds/") {
                    counts["http://\(server.host):\(port)\(request.path)", default: 0] += 1
                }
            }
            try counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
                .write(toFile: requestLog, atomically: true, encoding: .utf8)
        }
    }

    /// A feed or an article page, made up from the request path so every run serves the same bytes.
    static func answer(_ request: FixtureRequest, host: String, items: Int, summaryOnly: Double) -> FixtureResponse {
        let parts = request.path.split(separator: "/")
        if parts.count == 2, parts[0] == "feeds", let feed = Int(parts[1].split(separator: ".")[0]) {
            return .ok(
                feedXML(
                    feed, host: host, port: request.headers["host"]?.split(separator: ":").last.map(String.init) ?? "",
                    items: items, summaryOnly: summaryOnly), type: "application/rss+xml")
        }
        if parts.count == 3, parts[0] == "a", let feed = Int(parts[1]), let item = Int(parts[2]) {
            let paragraphs = Self.paragraphs(feed: feed, item: item)
            return .ok(
                "<!DOCTYPE html><html><head><title>\(title(feed, item))</title></head><body><nav>Home News</nav>"
                    + "<article><h1>\(title(feed, item))</h1>" + paragraphs.map { "<p>\($0)</p>" }.joined()
                    + "</article><footer>Contact us</footer></body></html>")
        }
        return .notFound
    }

    static func feedXML(_ feed: Int, host: String, port: String, items: Int, summaryOnly: Double) -> String {
        var generator = SeededGenerator(seed: UInt64(feed))
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Outlet \(feed)</title><link>http://\(host):\(port)/</link><ttl>30</ttl>
            """
        for item in 0..<items {
            let link = "http://\(host):\(port)/a/\(feed)/\(item)?utm_source=rss"
            let summary = Double.random(in: 0..<1, using: &generator) < summaryOnly
            xml += "<item><title>\(title(feed, item))</title><link>\(link)</link><guid>o\(feed)-\(item)</guid>"
            xml += "<pubDate>Mon, 04 Nov 2024 \(String(format: "%02d", item % 24)):00:00 GMT</pubDate>"
            xml += "<dc:creator>Reporter \(item % 7)</dc:creator><category>Topic \(item % 5)</category>"
            if summary {
                xml += "<description>A short summary of the story.</description></item>\n"
            } else {
                let body = paragraphs(feed: feed, item: item).map { "<p>\($0)</p>" }.joined()
                xml += "<content:encoded><![CDATA[\(body)]]></content:encoded></item>\n"
            }
        }
        return xml + "</channel></rss>\n"
    }

    /// Words every story uses.
    static let common = [
        "council", "minister", "said", "report", "police", "officials", "people", "city", "government", "week",
        "according", "statement", "residents", "local", "national", "plan", "new", "years", "month", "public",
    ]

    /// A made-up word from a number: syllables, so the vocabulary is large and stable across runs.
    static func word(_ number: Int) -> String {
        let syllables = [
            "ka", "lo", "mi", "ra", "te", "su", "vo", "ne", "di", "pa", "zu", "be", "or", "an", "el", "is",
        ]
        var rest = number
        var word = ""
        repeat {
            word += syllables[rest % syllables.count]
            rest /= syllables.count
        } while rest > 0
        return word + "n"
    }

    /// The story an item tells: 500 stories, each covered by about 40 items across outlets.
    static func story(_ feed: Int, _ item: Int) -> Int { (feed * 7 + item * 13) % 500 }

    /// Eight words that only one story uses (names, places, subjects).
    static func storyWords(_ story: Int) -> [String] { (0..<8).map { word(story * 8 + $0 + 300) } }

    static func title(_ feed: Int, _ item: Int) -> String {
        let words = storyWords(story(feed, item))
        var generator = SeededGenerator(seed: UInt64(feed * 1_000 + item) &* 31)
        return ([words[0], words[1]] + (0..<3).map { _ in common.randomElement(using: &generator) ?? "" } + [words[2]])
            .joined(separator: " ").capitalized
    }

    /// Four paragraphs of made-up news prose (about 1,500 characters): the story's own words among common ones.
    static func paragraphs(feed: Int, item: Int) -> [String] {
        var generator = SeededGenerator(seed: UInt64(feed * 1_000 + item))
        let own = storyWords(story(feed, item))
        return (0..<4).map { paragraph in
            (0..<3).map { sentence in
                let picked = (0..<12).map { index in
                    index % 3 == 0
                        ? own.randomElement(using: &generator) ?? ""
                        : (index % 3 == 1
                            ? common.randomElement(using: &generator) ?? ""
                            : word(Int.random(in: 0..<4_000, using: &generator) + 5_000))
                }.joined(separator: " ")
                let number = Int.random(in: 2...900, using: &generator)
                return "The \(picked) said \(number) people were affected in \(paragraph + sentence + 1) districts."
            }.joined(separator: " ")
        }
    }
}
