import Foundation
import Testing

/// A database on a read-only file, folder or mount: everything that reads works, everything that writes says
/// so in one line, and the file is left as it was.
@Suite("Read-only database")
struct ReadOnlyCLITests {
    @Test("info, articles, stories, story, search, why, sources and check read a database whose folder is read-only")
    func readsWork() async throws {
        let cli = try CLIRunner()
        defer {
            chmod(cli.folder + "/archive", 0o755)
            cli.remove()
        }
        let archive = cli.folder + "/archive"
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        let database = archive + "/news.sqlite"
        let added = try await cli.run(["add", "--db", database, CLIRunner.packageRoot.path + "/Samples/seeds"])
        #expect(added.status == 0, "\(added.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        // What a checkpointed, closed database looks like on a read-only mount: no -wal, no -shm.
        #expect(!FileManager.default.fileExists(atPath: database + "-shm"))
        #expect(chmod(database, 0o444) == 0 && chmod(archive, 0o555) == 0)

        // NB: root ignores file modes; run as nobody then (CI runs as root), as the user the folder is not for.
        let wrapper =
            getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func read(_ arguments: [String]) async throws -> CLIRunner.Result {
            var arguments = arguments
            let nested = arguments.count > 1 && CLIRunner.nestedSubcommands.contains(arguments[1])
            arguments.insert(contentsOf: ["--db", database], at: nested ? 2 : 1)
            return try await cli.run(arguments, useDefaultDatabase: true, through: wrapper)
        }
        let info = try await read(["info", "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(try info.json()["articles"] as? Int == 2, "\(info.stdout)")
        for command in [
            ["articles"], ["stories"], ["story", "1"], ["search", "air strikes"], ["why", "2"], ["sources"],
            ["info", "--check"], ["check"],
        ] {
            let result = try await read(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(command) printed nothing")
            #expect(!result.stderr.contains("readonly"), "\(command): \(result.stderr)")
        }

        let check = try await read(["check"])
        #expect(check.stdout.contains("skipped    full-text indexes"), "\(check.stdout)")

        // A write is refused in one clear line, and the file is unchanged.
        let write = try await read(["stories", "split", "2"])
        #expect(write.status != 0)
        #expect(write.stderr.contains("cannot write to the database \(database)"), "\(write.stderr)")
        #expect(write.stderr.contains("hint:"), "\(write.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }
}
