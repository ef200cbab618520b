import Foundation
import NIOHTTP1
import NewsCore
import Testing

/// Where Chromium is, if it is installed.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The web UI in a real headless Chromium (Debian's `chromium`, installed by scripts/setup.sh --deps-only).
@Suite("Web UI in Chromium", .serialized)
struct BrowserTests {

    /// Runs Chromium headless with `arguments` and returns what it printed; waits without blocking a thread.
    private func chromium(_ arguments: [String]) async throws -> String {
        let binary = try #require(chromiumPath, "chromium is not installed: run scripts/setup.sh --deps-only")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let profile = NSTemporaryDirectory() + "corroborate-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile)", "--virtual-time-budget=5000", "--hide-scrollbars",
            ] + arguments
        // NB: Chromium writes to a file, read once it has exited: reading a pipe until its end would hold one of
        // the concurrency pool's threads (one per core) for the whole run and starve the other suites' servers.
        let outputPath = profile + ".out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
    }

    @Test(
        "the seed story's page shows the comparison; a screenshot is saved",
        .enabled(if: chromiumPath != nil, "needs chromium: scripts/setup.sh --deps-only installs it"))
    func storyPage() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let dom = try await chromium(["--dump-dom", server.base + "/stories/1"])
        #expect(dom.contains("US criticises Russia for killing Syrian civilians"))
        for section in [
            "Side by side", "Corroborated by several origins", "Single-source", "Figures", "Quotes", "Framing",
            "Timeline",
        ] {
            #expect(dom.contains(section), "the story page lacks its \(section) section")
        }
        #expect(dom.contains("<svg class=\"timeline-chart\""))
        #expect(dom.contains("Toner") && dom.contains("TRT World") && dom.contains("VOA"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corroborate-screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shot = folder.appendingPathComponent("story.png")
        try? FileManager.default.removeItem(at: shot)
        _ = try await chromium(["--window-size=1280,2400", "--screenshot=\(shot.path)", server.base + "/stories/1"])
        let size = (try FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "the screenshot \(shot.path) is missing or blank")
        print("story page screenshot: \(shot.path) (\(size) bytes)")

        // The river, a phone-sized window: the story is listed and the page renders.
        let river = try await chromium(["--window-size=390,844", "--dump-dom", server.base + "/"])
        #expect(river.contains("/stories/1") && river.contains("2 origins"))
    }

    @Test(
        "an article with <script>, onerror= and javascript: runs nothing",
        .enabled(if: chromiumPath != nil, "needs chromium: scripts/setup.sh --deps-only installs it"))
    func hostileArticle() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for path in [
            "/articles/\(server.hostileArticle.rawValue)", "/stories/\(server.hostileArticle.rawValue)",
            "/search?q=council", "/sources", "/",
        ] {
            let dom = try await chromium(["--dump-dom", server.base + path])
            #expect(dom.contains("</html>"), "\(path) did not load")
            #expect(!dom.contains("PWNED</title>") && !dom.contains("<title>PWNED"), "script ran on \(path)")
            #expect(!dom.contains("<img src=\"x\""), "\(path) made the title's <img> an element")
            #expect(!dom.contains("<a href=\"javascript:"), "\(path) links to javascript:")
            #expect(dom.contains("&lt;a href=\"javascript:") || !path.hasPrefix("/articles"), "\(path) hides the text")
            let scripts = dom.components(separatedBy: "<script").count - 1
            #expect(scripts == 1, "\(path) has \(scripts) script elements; only /static/app.js belongs")
        }
        let article = try await chromium(["--dump-dom", server.base + "/articles/\(server.hostileArticle.rawValue)"])
        // The hostile text is shown, as text.
        #expect(article.contains("&lt;script&gt;document.title='PWNED'"))
        #expect(article.contains("Evil &lt;Outlet&gt;"))
        #expect(article.contains("<code>javascript:document.title='PWNED'</code>"))
        // The server never saw the request the script would have made.
        let raw = try await server.request(.GET, "/articles/\(server.hostileArticle.rawValue)")
        #expect(raw.headers["Content-Security-Policy"].first?.contains("script-src 'self'") == true)
        #expect(!raw.text.contains("<script>document"))
    }
}
