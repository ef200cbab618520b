import Foundation
import Testing

@Suite("corroborate backup")
struct BackupCLITests {
    @Test("a copy taken while another process adds is consistent, checked, and usable as a database")
    func copyWhileWriting() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        let quiet = cli.folder + "/quiet.sqlite"
        let first = try await cli.run(["backup", quiet])
        #expect(first.status == 0 && first.stdout.contains("backed up 2 article(s)"), "\(first.stderr)")
        let copied = try await cli.run(["info", "--db", quiet, "--check", "--json"], useDefaultDatabase: true)
        let copiedArticles = try copied.json()["articles"] as? Int
        #expect(copied.status == 0 && copiedArticles == 2, "\(copied.stderr)")

        let again = try await cli.run(["backup", quiet])
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")

        // A writer adds 3,000 articles while two backups are taken: each copy is one snapshot.
        let file = try cli.write("big.jsonl", ConcurrentWritersTests.articles(3_000, tag: "b"))
        let writer = try cli.start(["add", file])
        defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL) } }
        for index in 0..<2 {
            try await Task.sleep(for: .milliseconds(500))
            let path = cli.folder + "/busy-\(index).sqlite"
            let backup = try await cli.run(["backup", path, "--json"])
            #expect(backup.status == 0, "\(backup.stderr)")
            let articles = try backup.json()["articles"] as? Int ?? -1
            #expect((2...3_002).contains(articles))
            let check = try await cli.run(["info", "--db", path, "--check"], useDefaultDatabase: true)
            #expect(check.status == 0, "backup \(index) with \(articles) articles: \(check.stdout) \(check.stderr)")
        }
        while writer.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!FileManager.default.fileExists(atPath: cli.folder + "/.busy-0.sqlite.partial"))
    }
}
