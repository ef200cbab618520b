import FixtureServer
import Foundation
import NewsFetch
import Synchronization
import Testing

/// An outlet's site served on 127.0.0.1 by the tests: a home page announcing feeds, a feed whose items need
/// their pages, robots.txt, and the misbehaviours a fetcher must survive.
final class TestSite: Sendable {
    let server: FixtureServer
    /// How many requests were in flight at once at most, per path prefix `/gate/`.
    let gateState = Mutex((active: 0, peak: 0))
    /// Whether the feed answers 304 to its ETag.
    let feedVersion = Mutex("v1")

    private init(server: FixtureServer) { self.server = server }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func start() async throws -> TestSite {
        let files = try [
            "news.rss", "news.rss.gz", "ferry.html", "home.html", "robots.txt", "broken.xml",
        ].reduce(into: [String: [UInt8]]()) { $0[$1] = try fixture($1) }
        let box = Mutex<TestSite?>(nil)
        let server = try await FixtureServer.start { request in
            guard let site = box.withLock({ $0 }) else { return .notFound }
            return await site.answer(request, files: files)
        }
        let site = TestSite(server: server)
        box.withLock { $0 = site }
        return site
    }

    func url(_ path: String) -> String { server.url(path) }

    func stop() async { await server.stop() }

    private func answer(_ request: FixtureRequest, files: [String: [UInt8]]) async -> FixtureResponse {
        let base = server.url("")
        func file(_ name: String, _ type: String) -> FixtureResponse {
            let text = String(decoding: files[name] ?? [], as: UTF8.self).replacingOccurrences(of: "{BASE}", with: base)
            return FixtureResponse(headers: [("Content-Type", type)], body: Array(text.utf8))
        }
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        switch path {
        case "/": return file("home.html", "text/html; charset=utf-8")
        case "/robots.txt": return file("robots.txt", "text/plain")
        case "/feeds/news.rss":
            let version = feedVersion.withLock { $0 }
            if request.headers["if-none-match"] == "\"\(version)\"" { return FixtureResponse(status: 304) }
            var response = file("news.rss", "application/rss+xml; charset=utf-8")
            response.headers += [("ETag", "\"\(version)\""), ("Cache-Control", "max-age=3600")]
            return response
        case "/feeds/news.rss.gz":
            return FixtureResponse(
                headers: [("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip")],
                body: files["news.rss.gz"] ?? [])
        case "/news/ferry": return file("ferry.html", "text/html; charset=utf-8")
        case "/broken.xml": return file("broken.xml", "application/rss+xml")
        case "/html-feed": return file("home.html", "application/rss+xml")
        case "/huge":
            var response = FixtureResponse(
                headers: [("Content-Type", "application/rss+xml")], body: Array(repeating: 0x20, count: 1 << 20))
            response.repeats = 50
            return response
        case "/huge-unannounced":
            var response = FixtureResponse(
                headers: [("Content-Type", "application/rss+xml")], body: Array(repeating: 0x20, count: 1 << 20))
            response.repeats = 50
            response.omitLength = true
            return response
        case "/slow":
            var response = file("news.rss", "application/rss+xml")
            response.delay = .seconds(30)
            return response
        case "/trickle":
            var response = FixtureResponse(headers: [("Content-Type", "text/plain")], body: Array("x".utf8))
            response.repeats = 100
            response.chunkDelay = .milliseconds(200)
            return response
        case "/hang":
            var response = FixtureResponse()
            response.hang = true
            return response
        case "/error": return FixtureResponse(status: 500, body: Array("boom".utf8))
        case "/busy": return FixtureResponse(status: 503, headers: [("Retry-After", "7200")])
        case "/gone": return FixtureResponse(status: 410)
        case "/loop/a": return .redirect(to: "/loop/b")
        case "/loop/b": return .redirect(to: "/loop/a")
        case "/metadata": return .redirect(to: "http://169.254.169.254/latest/meta-data/")
        case "/moved": return .redirect(to: "/feeds/news.rss", status: 301)
        default:
            if path.hasPrefix("/chain/"), let step = Int(path.dropFirst(7)) {
                return .redirect(to: "/chain/\(step + 1)")
            }
            if path.hasPrefix("/gate/") {
                gateState.withLock { state in
                    state.active += 1
                    state.peak = max(state.peak, state.active)
                }
                try? await Task.sleep(for: .milliseconds(150))
                gateState.withLock { $0.active -= 1 }
                return .ok("ok", type: "text/plain")
            }
            return .notFound
        }
    }
}

extension FetchPolicy {
    /// The policy tests use: loopback allowed (the test site is on 127.0.0.1); timeouts long enough for a loaded
    /// CI machine (5 s failed there), tests of timeouts pass their own.
    static func testing(timeout: Duration = .seconds(30)) -> FetchPolicy {
        var policy = FetchPolicy()
        policy.addresses = AddressPolicy(alsoAllowed: [.loopback])
        policy.totalTimeout = timeout
        policy.readTimeout = timeout
        policy.connectTimeout = timeout
        policy.perHostConcurrency = 8
        policy.perHostInterval = .zero
        return policy
    }
}
