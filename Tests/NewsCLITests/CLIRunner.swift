import Foundation
import Testing

/// Runs the built `corroborate` binary in a temporary home, as a user would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        }
    }

    /// The engines a CLI test can run against: PostgreSQL when `CORROBORATE_TEST_POSTGRES` names a server.
    enum Engine: String, CaseIterable, Sendable {
        case sqlite, postgres

        /// The engines this run can reach.
        static var available: [Engine] { postgresURL == nil ? [.sqlite] : allCases }

        static var postgresURL: String? {
            ProcessInfo.processInfo.environment["CORROBORATE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    let folder: String
    /// What `--db` names: a file in the folder, or a schema of its own on the PostgreSQL test server.
    let database: String

    init(engine: Engine = .sqlite) throws {
        folder = NSTemporaryDirectory() + "corroborate-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        switch engine {
        case .sqlite: database = folder + "/db.sqlite"
        case .postgres:
            let url = try #require(Engine.postgresURL)
            let schema = "cli" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            database = url + (url.contains("?") ? "&" : "?") + "schema=" + schema
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary `swift build` put beside the test bundle; `CORROBORATE_BIN` overrides.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["CORROBORATE_BIN"] { return path }
        let candidates =
            [Bundle.main.executablePath, CommandLine.arguments.first].compactMap { $0 }
            .map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().deletingLastPathComponent().path }
            + [packageRoot.path + "/.build/debug"]
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder + "/corroborate") {
            return folder + "/corroborate"
        }
        return packageRoot.path + "/.build/debug/corroborate"
    }()

    /// Names of nested subcommands, after which `--db` goes.
    static let nestedSubcommands: Set<String> = [
        "add", "list", "remove", "import", "export", "set", "merge", "split", "pin", "create", "revoke",
    ]

    /// Writes a file into the temporary folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    /// Runs `corroborate ARGS`, with `--db` pointing into the folder unless `useDefaultDatabase`.
    ///
    /// NB: waits without blocking a thread: the concurrency pool has one thread per core, and tests blocked
    /// in `waitUntilExit` starved the tests serving and fetching on 127.0.0.1 into timeouts.
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        useDefaultDatabase: Bool = false, through wrapper: [String] = []
    ) async throws -> Result {
        var process: Process?
        try await withCheckedThrowingContinuation { (exited: CheckedContinuation<Void, any Error>) in
            do {
                process = try start(
                    arguments, stdin: stdin, environment: environment, useDefaultDatabase: useDefaultDatabase,
                    through: wrapper, onExit: { exited.resume() })
            } catch {
                exited.resume(throwing: error)
            }
        }
        return finish(try #require(process))
    }

    /// Starts `corroborate ARGS` (see `run`), as an argument of `wrapper` when one is given (`setpriv …`);
    /// `onExit` is called when it ends.
    func start(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        useDefaultDatabase: Bool = false, through wrapper: [String] = [], onExit: (@Sendable () -> Void)? = nil
    )
        throws -> Process
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        var arguments = arguments
        if !useDefaultDatabase, !arguments.isEmpty {
            // After the subcommand, and after a nested one (`feeds add`, `sources set`) when there is one.
            let nested = arguments.count > 1 && Self.nestedSubcommands.contains(arguments[1])
            arguments.insert(contentsOf: ["--db", database], at: nested ? 2 : 1)
        }
        if let program = wrapper.first {
            process.executableURL = URL(fileURLWithPath: program)
            arguments = wrapper.dropFirst() + [Self.binary] + arguments
        }
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CORROBORATE_") }
        env["HOME"] = folder
        env["XDG_DATA_HOME"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        _ = FileManager.default.createFile(atPath: folder + "/.stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/.stderr", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/.stdout"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/.stderr"))
        let input = Pipe()
        process.standardInput = input
        if let onExit { process.terminationHandler = { _ in onExit() } }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        return process
    }

    func finish(_ process: Process) -> Result {
        func read(_ name: String) -> String {
            (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? ""
        }
        return Result(status: process.terminationStatus, stdout: read(".stdout"), stderr: read(".stderr"))
    }
}
