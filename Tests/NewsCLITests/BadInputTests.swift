import Foundation
import Testing

@Suite("corroborate add with bad inputs and bad databases", .serialized)
struct BadInputTests {
    @Test func aMixedBatchAddsTheGoodAndNamesTheBad() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let good = try cli.write("in/good.txt", "Good title\n\nA fine body.\n")
        let empty = try cli.write("in/empty.txt", "  \n\n")
        let binary = try cli.write("in/photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        let latin1 = try cli.write("in/latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x0A, 0x0A, 0x93, 0x51, 0x94, 0x2E])
        let lines = try cli.write(
            "in/feed.jsonl",
            Array("{\"title\":\"J1\",\"text\":\"caf".utf8) + [0xE9] + Array("\"}\n{oops\n{\"title\":\"J3\"}\n".utf8))
        let result = try await cli.run(["add", good, empty, binary, latin1, lines, cli.folder + "/missing.txt"])
        #expect(result.status == 3, "some added, some rejected: \(result.stderr)")
        #expect(result.stderr.contains("\(empty): empty input"))
        #expect(result.stderr.contains("\(binary): binary data"))
        #expect(result.stderr.contains("\(latin1): not valid UTF-8; decoded as windows-1252"))
        #expect(result.stderr.contains("\(lines):2: invalid JSON"))
        #expect(result.stderr.contains("\(lines): 1 line(s) not valid UTF-8; decoded as windows-1252"))
        #expect(result.stderr.contains("\(lines):3: no \"text\""))
        #expect(result.stderr.contains("missing.txt: no such file or folder"))
        #expect(result.stderr.contains("3 added, 0 already stored, 5 rejected"))

        // The rejections are kept with their reasons, and with the bytes that were read.
        let kept = try #require(try await cli.run(["rejections", "--json"]).json()["rejections"] as? [[String: Any]])
        #expect(
            Set(kept.compactMap { $0["code"] as? String }) == [
                "input.empty", "input.binary", "invalid-json", "missing-field", "input.not-found",
            ])
        let badLine = try #require(kept.first { $0["code"] as? String == "invalid-json" })
        #expect(badLine["location"] as? String == "line 2" && badLine["bytesKept"] as? Int == 5)
        #expect(badLine["format"] as? String == "jsonl")
        #expect(kept.first { $0["code"] as? String == "input.empty" }?["format"] as? String == "text")
        #expect(kept.first { $0["code"] as? String == "input.not-found" }?["bytesKept"] == nil)
        #expect(kept.first { $0["code"] as? String == "input.not-found" }?["format"] == nil)

        // A large rejected input keeps its first MiB and its size, not the whole file.
        let big = try cli.write("in/big.txt", [UInt8](repeating: 0, count: 5 << 20))
        #expect(try await cli.run(["add", big]).status == 1)
        let bigKept = try #require(
            try await cli.run(["rejections", "--json"]).json()["rejections"] as? [[String: Any]]
        ).first { ($0["input"] as? String)?.hasSuffix("big.txt") == true }
        #expect(bigKept?["bytesKept"] as? Int == 1 << 20 && bigKept?["bytes"] as? Int == 5 << 20, "\(bigKept ?? [:])")
        let listing = try await cli.run(["rejections"])
        #expect(listing.stdout.contains("first 1,048,576 of 5,242,880 bytes kept"), "\(listing.stdout)")
        let databaseBytes = try FileManager.default.attributesOfItem(atPath: cli.database)[.size] as? Int ?? 0
        #expect(databaseBytes < 4 << 20, "the database holds \(databaseBytes) bytes")

        let latin = try await cli.run(["article", "2"])
        #expect(latin.stdout.contains("Café") && latin.stdout.contains("“Q”."))

        let json = try await cli.run(["add", "--json", good, empty]).json()
        #expect(json["schema"] as? String == "corroborate.add.v1")
        #expect(json["duplicates"] as? Int == 1 && json["rejected"] as? Int == 1)
    }

    @Test func nothingAddedExitsNonZero() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let empty = try cli.write("empty.json", "")
        let result = try await cli.run(["add", empty, cli.folder + "/nope"])
        #expect(result.status == 1)
        #expect(try await cli.run(["articles", "--json"]).json()["total"] as? Int == 0)
    }

    @Test func sizeCapRefusesBigFilesBeforeReadingThem() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let huge = cli.folder + "/huge.txt"
        _ = FileManager.default.createFile(atPath: huge, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: 200 MB without writing them
        try handle.close()
        let refused = try await cli.run(["add", huge])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("huge.txt: 200.0 MiB is over the 100.0 MiB limit"))

        let small = try cli.write("small.txt", "Title\n\n" + String(repeating: "word ", count: 400))
        let capped = try await cli.run(["add", "--max-file-size", "1K", small])
        #expect(capped.status == 1 && capped.stderr.contains("over the 1.0 KiB limit"))
        let viaEnvironment = try await cli.run(["add", small], environment: ["CORROBORATE_MAX_FILE_SIZE": "1K"])
        #expect(viaEnvironment.status == 1)
        #expect(try await cli.run(["add", "--max-file-size", "4K", small]).status == 0)
        #expect(try await cli.run(["add", "--max-file-size", "lots", small]).status != 0)
    }

    @Test("a JSON Lines line longer than a record may be is rejected as it streams past; the lines around it are added")
    func overlongLineIsSkipped() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        func line(_ title: String) -> String {
            #"{"title":"\#(title)","text":"The council met on Monday to discuss the harbour.","source":"Gazette"}"#
        }
        // 20 MiB in one line: under the 100 MiB file cap, over the 16 MiB a record may have.
        let long = #"{"title":"long","text":""# + String(repeating: "x", count: 20 << 20) + #""}"#
        let path = try cli.write("mixed.jsonl", [line("first"), long, line("third")].joined(separator: "\n") + "\n")
        let streamed = try await cli.run(["add", path])
        #expect(streamed.status == 3, "some added, some rejected: \(streamed.stderr)")
        #expect(try await cli.run(["info", "--json"]).json()["articles"] as? Int == 2)
        #expect(
            streamed.stderr.contains("mixed.jsonl:2: over 20 MiB in one record (the limit is 16 MiB)"),
            "\(streamed.stderr)")
        // No newline until the end: the line is still rejected as it passes, not gathered first.
        let endless = try cli.write("endless.jsonl", line("only") + "\n" + long + long)
        let lone = try await cli.run(["add", endless])
        #expect(lone.status == 3, "\(lone.stderr)")
        #expect(lone.stderr.contains("endless.jsonl:2: over 40 MiB in one record"), "\(lone.stderr)")
        #expect(try await cli.run(["info", "--json"]).json()["articles"] as? Int == 3)
    }

    @Test("a full disk (a file-size limit) stops add with one clear line; what was stored stays, a re-run finishes")
    func fullDisk() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try await cli.run(["add", CLIRunner.packageRoot.path + "/Samples/seeds"]).status == 0)
        let lines = (0..<3_000).map { index in
            #"{"title":"Story \#(index)","text":"\#(String(repeating: "The council met on Monday to discuss item \(index). ", count: 40))","source":"Gazette \#(index % 7)"}"#
        }
        let many = try cli.write("many.jsonl", lines.joined(separator: "\n") + "\n")
        // RLIMIT_FSIZE makes the kernel refuse writes past 3 MiB (EFBIG), as a full disk does.
        let full = try await cli.run(["add", many], through: ["/usr/bin/prlimit", "--fsize=\(3 << 20)"])
        #expect(full.status != 0)
        let errors = full.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "\(full.stderr)")
        #expect(full.stderr.contains("the disk is full or a file-size limit was reached"), "\(full.stderr)")
        #expect(full.stderr.contains("hint: free some space"), "\(full.stderr)")
        let check = try await cli.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let rerun = try await cli.run(["add", many])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try await cli.run(["info", "--json"]).json()["articles"] as? Int == 3_002)
    }

    @Test("extract, analyse and cluster read under the same cap as add, files and standard input")
    func capsOnWholeFileCommands() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let page = try cli.write(
            "page.html", "<html><body><p>" + String(repeating: "word ", count: 400) + "</p></body></html>")
        let lines = try cli.write(
            "feed.jsonl",
            "{\"id\": \"a\", \"title\": \"T\", \"text\": \"" + String(repeating: "w ", count: 800) + "\"}\n")
        for arguments in [["extract", page], ["analyse", page], ["cluster", lines]] {
            let refused = try await cli.run(arguments + ["--max-file-size", "1K"], useDefaultDatabase: true)
            #expect(refused.status != 0, "\(arguments)")
            #expect(refused.stderr.contains("over the 1.0 KiB limit"), "\(arguments): \(refused.stderr)")
            let viaEnvironment = try await cli.run(
                arguments, environment: ["CORROBORATE_MAX_FILE_SIZE": "1K"], useDefaultDatabase: true)
            #expect(viaEnvironment.stderr.contains("over the 1.0 KiB limit"), "\(arguments)")
        }
        let piped = try await cli.run(
            ["extract", "-", "--max-file-size", "1K"], stdin: String(repeating: "a", count: 4096),
            useDefaultDatabase: true)
        #expect(piped.status != 0 && piped.stderr.contains("-: 4.0 KiB is over the 1.0 KiB limit"))
        let folder = try await cli.run(["extract", cli.folder], useDefaultDatabase: true)
        #expect(folder.stderr.contains("not a regular file"))
        let allowed = try await cli.run(
            ["extract", page, "--max-file-size", "1M", "--jsonl"], useDefaultDatabase: true)
        #expect(!allowed.stderr.contains("limit") && allowed.stdout.contains("\"file\""))
    }

    @Test func corruptAndUnwritableDatabases() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let article = try cli.write("a.txt", "Title\n\nBody.\n")
        let corrupt = try cli.write("corrupt.sqlite", String(repeating: "garbage ", count: 1000))
        let before = try Data(contentsOf: URL(fileURLWithPath: corrupt))
        let result = try await cli.run(["add", "--db", corrupt, article], useDefaultDatabase: true)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(corrupt) is not a Corroborate database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: corrupt)) == before)

        let underAFile = article + "/db.sqlite"
        let unwritable = try await cli.run(["add", "--db", underAFile, article], useDefaultDatabase: true)
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot open the database \(underAFile)"))
    }

    /// A process killed in the middle of a large add leaves whole batches only, and a re-run completes it.
    @Test func killedMidwayLosesNothingStored() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        var lines = ""
        for index in 0..<20_000 {
            lines +=
                "{\"title\":\"Article \(index)\",\"text\":\"Body of article \(index) about air strikes.\",\"source\":\"S\"}\n"
        }
        let file = try cli.write("big.jsonl", lines)
        // NB: clustering is left out: this test is about whole batches surviving a kill.
        let process = try cli.start(["add", "--no-cluster", "--batch-size", "500", file])
        let deadline = Date().addingTimeInterval(60)
        var stored = 0
        while process.isRunning, Date() < deadline, stored == 0 {
            try await Task.sleep(for: .milliseconds(50))
            stored = (try? await cli.run(["info", "--json"]).json()["articles"] as? Int) ?? 0
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()

        let total = try #require(try await cli.run(["articles", "--json", "--limit", "0"]).json()["total"] as? Int)
        #expect(total % 500 == 0 || total == 20_000, "only whole batches are stored, found \(total)")
        let rerun = try await cli.run(["add", "--no-cluster", "--json", "--batch-size", "500", file])
        #expect(rerun.status == 0)
        let report = try rerun.json()
        #expect(report["added"] as? Int == 20_000 - total && report["duplicates"] as? Int == total)
        #expect(try await cli.run(["articles", "--json", "--limit", "0"]).json()["total"] as? Int == 20_000)
    }
}

@Suite("Hostile fields")
struct HostileFieldTests {
    @Test("a NUL byte in a title or body no longer cuts what follows; a megabyte title is cut to a headline")
    func nulAndHugeTitle() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let huge = String(repeating: "word ", count: 200_000)
        let lines = [
            #"{"title":"Before\u0000after","text":"The body goes on\u0000past the NUL byte to its end.","source":"A"}"#,
            "{\"title\":\"\(huge)\",\"text\":\"A body under a very long title.\",\"source\":\"B\"}",
        ]
        let file = try cli.write("hostile.jsonl", lines.joined(separator: "\n"))
        let added = try await cli.run(["add", file])
        #expect(added.status == 0, "\(added.stderr)")
        let first = try #require(try await cli.run(["article", "1", "--json"]).json()["article"] as? [String: Any])
        #expect(first["title"] as? String == "Before after")
        #expect((first["text"] as? String)?.hasSuffix("past the NUL byte to its end.") == true, "\(first)")
        let second = try #require(try await cli.run(["article", "2", "--json"]).json()["article"] as? [String: Any])
        let title = try #require(second["title"] as? String)
        #expect(title.count <= 501 && title.hasSuffix("…") && title.hasPrefix("word word"))
    }
}

@Suite("Names as printed")
struct PrintedNameTests {
    @Test("a file named with a line break or an escape sequence is printed escaped, never raw")
    func controlCharactersAreEscaped() async throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let name = try cli.write("evil\nerror: forged\u{1B}[2J.txt", "  \n")
        let result = try await cli.run(["add", name])
        #expect(result.status == 1)
        #expect(result.stderr.contains("evil\\nerror: forged\\u{1B}[2J.txt: empty input"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\nerror: forged"))
        let listed = try await cli.run(["rejections"])
        #expect(listed.stdout.contains("evil\\nerror: forged") && !listed.stdout.contains("\u{1B}"))
    }
}
