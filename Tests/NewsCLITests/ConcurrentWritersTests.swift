import Foundation
import GRDB
import Testing

/// Several processes writing one database, as `add` beside `fetch --loop` or `serve` does.
@Suite("Several writers at once")
struct ConcurrentWritersTests {
    /// JSON Lines of `count` articles of a few events a day apart, distinct texts, ids prefixed by `tag`.
    static func articles(_ count: Int, tag: String) -> String {
        let events = [
            "The river burst its banks in the old town after days of heavy rain, flooding streets and shops",
            "A magnitude 6.8 earthquake struck off northern Japan, shaking buildings in Tokyo without a tsunami",
            "The central bank raised its benchmark interest rate by half a point to fight inflation again",
            "Rail workers walked out over pay, halting trains across the country as the union blamed the operator",
            "Wildfires spread across the dry hills overnight, forcing thousands of residents to leave their homes",
        ]
        return (0..<count).map { index in
            let event = events[index % events.count]
            let object: [String: Any] = [
                "title": "\(event.split(separator: ",")[0]) (\(tag) \(index))",
                "text": "\(event). Report \(tag)-\(index) adds detail \(index * 7919 % 1000) from the scene.",
                "source": "Outlet \(index % 4)",
                "published": String(format: "2024-03-%02dT%02d:00:00Z", 1 + index % 20, index % 24),
            ]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n")
    }

    /// Every stored article is in exactly one listed story: the listed stories' sizes add up to the articles.
    static func expectConsistent(_ cli: CLIRunner, articles: Int) async throws {
        let info = try await cli.run(["info", "--json"]).json()
        #expect(info["articles"] as? Int == articles, "\(info)")
        let listed = try await cli.run(["stories", "--json", "--limit", "100000"]).json()
        let stories = try #require(listed["stories"] as? [[String: Any]])
        let held = stories.reduce(0) { $0 + ($1["articles"] as? Int ?? 0) }
        #expect(held == articles, "\(held) of \(articles) articles are in listed stories")
        #expect(Set(stories.compactMap { $0["id"] as? Int }).count == stories.count)
        let check = try await cli.run(["info", "--check"])
        #expect(check.status == 0, "info --check: \(check.stdout) \(check.stderr)")
    }

    @Test("two adds at once: every article ends in exactly one live story", arguments: CLIRunner.Engine.available)
    func twoAdds(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let first = try cli.write("a.jsonl", Self.articles(400, tag: "a"))
        let second = try cli.write("b.jsonl", Self.articles(400, tag: "b"))
        async let one = cli.run(["add", first])
        async let two = cli.run(["add", second])
        let results = try await [one, two]
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        try await Self.expectConsistent(cli, articles: 800)
    }

    @Test(
        "an add killed mid-batch: the re-run stores nothing twice and finishes the clustering",
        arguments: CLIRunner.Engine.available)
    func killedAdd(engine: CLIRunner.Engine) async throws {
        let cli = try CLIRunner(engine: engine)
        defer { cli.remove() }
        let file = try cli.write("big.jsonl", Self.articles(3_000, tag: "k"))
        let process = try cli.start(["add", file])
        try await Task.sleep(for: .milliseconds(1_500))
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let rerun = try await cli.run(["add", file])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        try await Self.expectConsistent(cli, articles: 3_000)
    }

    @Test("a writer that finds the database locked waits, says so, and then does its work")
    func waitsAndSaysSo() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["add", try cli.write("a.jsonl", Self.articles(20, tag: "a"))]).status == 0)
        // Another writer holds the write lock for 3.5 s, on a thread of its own (not the tests' pool).
        let path = cli.database
        let locked = DispatchSemaphore(value: 0)
        let holder = Thread {
            let queue = try? DatabaseQueue(path: path)
            try? queue?.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 3.5)
                try db.execute(sql: "COMMIT")
            }
        }
        holder.start()
        locked.wait()
        let started = Date()
        let result = try await cli.run(["add", try cli.write("b.jsonl", Self.articles(20, tag: "b"))])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) >= 3)
        #expect(result.stderr.contains("waiting for another process writing to"), "\(result.stderr)")
        try await Self.expectConsistent(cli, articles: 40)
    }
}
