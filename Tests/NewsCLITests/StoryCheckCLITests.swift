import Foundation
import GRDB
import Testing

@Suite("corroborate info --check")
struct StoryCheckCLITests {
    @Test("reports the stories an older build's concurrent writers could leave, repairs them, and loses nothing")
    func reportsAndRepairs() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("news.jsonl", ConcurrentWritersTests.articles(30, tag: "c"))
        #expect(try await cli.run(["add", file]).status == 0)
        let clean = try await cli.run(["info", "--check"])
        #expect(clean.status == 0 && clean.stdout.contains("check      ok"), "\(clean.stdout) \(clean.stderr)")
        let listed = try #require(try await cli.run(["stories", "--json"]).json()["stories"] as? [[String: Any]])
        let ids = listed.compactMap { $0["id"] as? Int64 }.sorted()
        try #require(ids.count >= 3, "the five events make several stories: \(listed)")

        // What lost updates looked like: two stories merged into each other, one merged into a story that
        // does not exist, a summary that no longer counts its articles.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: cli.database, configuration: configuration)
        try await queue.write { db in
            try db.execute(sql: "UPDATE story SET merged_into = ? WHERE id = ?", arguments: [ids[1], ids[0]])
            try db.execute(sql: "UPDATE story SET merged_into = ? WHERE id = ?", arguments: [ids[0], ids[1]])
            try db.execute(sql: "UPDATE story SET merged_into = 999999 WHERE id = ?", arguments: [ids[2]])
            try db.execute(sql: "UPDATE story SET article_count = 99 WHERE id = ?", arguments: [ids.last!])
        }
        try queue.close()

        let broken = try await cli.run(["info", "--check"])
        #expect(broken.status == 1)
        for problem in ["merge-cycles", "merges-into-missing-stories", "articles-in-merged-stories", "stale-summaries"]
        {
            #expect(broken.stdout.contains(problem), "\(problem) in: \(broken.stdout)")
        }
        #expect(broken.stderr.contains("--check --repair"))
        let json = try await cli.run(["info", "--check", "--json"])
        #expect(json.status == 1)
        let check = try #require(try json.json()["check"] as? [String: Any])
        #expect(check["consistent"] as? Bool == false)
        // The merged-away stories' index entries are stale too.
        let problems = (check["findings"] as? [[String: Any]] ?? []).compactMap { $0["problem"] as? String }
        #expect(Set(problems).isSuperset(of: ["merge-cycles", "merges-into-missing-stories", "stale-summaries"]))

        let repair = try await cli.run(["info", "--check", "--repair"])
        #expect(repair.status == 0 && repair.stdout.contains("repaired"), "\(repair.stdout) \(repair.stderr)")
        let after = try await cli.run(["info", "--check"])
        #expect(after.status == 0 && after.stdout.contains("check      ok"), "\(after.stdout)")
        try await ConcurrentWritersTests.expectConsistent(cli, articles: 30)
        // The clustering goes on over the repaired stories.
        let more = try cli.write("more.jsonl", ConcurrentWritersTests.articles(10, tag: "d"))
        #expect(try await cli.run(["add", more]).status == 0)
        try await ConcurrentWritersTests.expectConsistent(cli, articles: 40)
    }

    @Test("--repair needs --check")
    func repairNeedsCheck() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try await cli.run(["info", "--repair"])
        #expect(result.status != 0 && result.stderr.contains("--repair goes with --check"))
    }

    @Test("corroborate check: the file, references and full-text indexes too; exit 3 when anything is wrong")
    func wholeCheck() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        let clean = try await cli.run(["check"])
        #expect(clean.status == 0 && clean.stdout.contains("file       ok"), "\(clean.stdout) \(clean.stderr)")

        let queue = try DatabaseQueue(path: cli.database)
        try await queue.write { db in try db.execute(sql: "UPDATE story SET article_count = 7") }
        let stale = try await cli.run(["check"])
        #expect(stale.status == 3 && stale.stdout.contains("stale-summaries"), "\(stale.stdout)")
        #expect(try await cli.run(["check", "--repair"]).status == 0)

        try await queue.write { db in try db.execute(sql: "DELETE FROM article_fts_english_data WHERE id > 1") }
        try queue.close()
        let damaged = try await cli.run(["check", "--json"])
        #expect(damaged.status == 3)
        let document = try damaged.json()
        #expect(document["schema"] as? String == "corroborate.check.v1" && document["healthy"] as? Bool == false)
        let integrity = try #require(document["integrity"] as? [String: Any])
        #expect((integrity["fullText"] as? [String])?.first?.contains("article_fts_english") == true)
        #expect(try await cli.run(["check"]).stderr.contains("corroborate backup"))
    }

    @Test("check compares the clustering state with the tables: unreadable, behind, mismatched; --repair mends it")
    func clusteringState() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let file = try cli.write("news.jsonl", ConcurrentWritersTests.articles(60, tag: "s"))
        #expect(try await cli.run(["add", file]).status == 0)
        #expect(try await cli.run(["check"]).status == 0)

        // A profile that cannot be read, a story that lost a posting, counters wound back behind the tables.
        let queue = try DatabaseQueue(path: cli.database)
        let (broken, unindexed) = try await queue.write { db -> (Int64, Int64) in
            let open = try Int64.fetchAll(
                db, sql: "SELECT seq FROM story WHERE seq IS NOT NULL AND closed = 0 AND merged_into IS NULL")
            try #require(open.count >= 2, "the events make several open stories")
            try db.execute(sql: "UPDATE story SET profile = x'ff00' WHERE seq = ?", arguments: [open[0]])
            try db.execute(
                sql: """
                    DELETE FROM cluster_posting
                    WHERE story_seq = ?1 AND term_id = (SELECT min(term_id) FROM cluster_posting WHERE story_seq = ?1)
                    """, arguments: [open[1]])
            let counters = try #require(try Data.fetchOne(db, sql: "SELECT counters FROM cluster_meta"))
            var object = try #require(try JSONSerialization.jsonObject(with: counters) as? [String: Any])
            object["nextPosting"] = 0
            try db.execute(
                sql: "UPDATE cluster_meta SET counters = ?",
                arguments: [try JSONSerialization.data(withJSONObject: object)])
            return (
                try #require(try Int64.fetchOne(db, sql: "SELECT id FROM story WHERE seq = ?", arguments: [open[0]])),
                try #require(try Int64.fetchOne(db, sql: "SELECT id FROM story WHERE seq = ?", arguments: [open[1]]))
            )
        }
        let found = try await cli.run(["check", "--json"])
        #expect(found.status == 3)
        let check = try #require(try found.json()["stories"] as? [String: Any])
        let findings = (check["findings"] as? [[String: Any]] ?? [])
        let problems = Dictionary(
            findings.compactMap { f in (f["problem"] as? String).map { ($0, f["examples"] as? [Int64] ?? []) } },
            uniquingKeysWith: +)
        #expect(problems["unreadable-profiles"] == [broken], "\(findings)")
        #expect(problems["index-mismatch"] == [unindexed], "\(findings)")
        #expect(problems["counters-behind-tables"] != nil, "\(findings)")
        let text = try await cli.run(["check"])
        #expect(text.status == 3 && text.stdout.contains("profile cannot be read"), "\(text.stdout)")

        // Options that cannot be read stop the clustering with an error that names the repair, never a reset.
        try await queue.write { db in try db.execute(sql: "UPDATE cluster_meta SET options = x'7b'") }
        let more = try cli.write("more.jsonl", ConcurrentWritersTests.articles(10, tag: "t"))
        let refused = try await cli.run(["add", more])
        #expect(refused.status != 0 && refused.stderr.contains("check --repair"), "\(refused.stderr)")
        let unreadable = try await cli.run(["check"])
        #expect(unreadable.status == 3 && unreadable.stdout.contains("unreadable-clustering-state"))
        try queue.close()

        let repaired = try await cli.run(["check", "--repair"])
        #expect(repaired.status == 0 && repaired.stdout.contains("repaired"), "\(repaired.stdout) \(repaired.stderr)")
        #expect(try await cli.run(["check"]).status == 0)
        // The articles the refused add stored are clustered now, into stories the repaired state makes.
        #expect(try await cli.run(["add", more]).status == 0)
        let again = try cli.write("again.jsonl", ConcurrentWritersTests.articles(10, tag: "u"))
        #expect(try await cli.run(["add", again]).status == 0)
        #expect(try await cli.run(["check"]).status == 0)
        try await ConcurrentWritersTests.expectConsistent(cli, articles: 80)
    }
}
