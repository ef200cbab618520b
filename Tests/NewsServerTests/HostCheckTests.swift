import Foundation
import NIOHTTP1
import NewsServer
import Testing

/// DNS rebinding: a page whose name is re-pointed at this server sends its own name as Host; such requests
/// are refused, while the server's address, localhost and the names it was told about are answered.
@Suite("Host check")
struct HostCheckTests {
    @Test("a rebound name gets 421 (JSON on the API, a page elsewhere); addresses and localhost are answered")
    func rebindingRefused() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let rebound = try await server.request(.GET, "/api/v1/stories", headers: [("Host", "evil.example")])
        #expect(rebound.status == 421, "\(rebound.text)")
        #expect(rebound.errorCode == "request.unknown_host")
        #expect(rebound.text.contains("--allowed-host evil.example"))
        let page = try await server.request(.GET, "/", headers: [("Host", "Evil.Example.:\(server.port)")])
        #expect(page.status == 421)
        #expect(page.headers["Content-Type"].first?.hasPrefix("text/html") == true)
        #expect(!page.text.contains("Russian"), "the refused page shows no stories")
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST", "app.localhost", "[::1]:80"] {
            let answered = try await server.request(.GET, "/api/v1/stories", headers: [("Host", host)])
            #expect(answered.status == 200, "Host: \(host) → \(answered.status)")
        }
    }

    @Test("the bind name, the public URL's host and --allowed-host names are answered; '*' answers any")
    func allowList() {
        let list = HostAllowList(
            bindHost: "0.0.0.0", publicURL: "https://News.Example.org/base", extra: ["intranet-box"])
        #expect(list.allows("news.example.org"))
        #expect(list.allows("news.example.org:443"))
        #expect(list.allows("INTRANET-BOX:8080"))
        #expect(list.allows("10.1.2.3:8080"))
        #expect(list.allows("[fe80::1]:8080"))
        #expect(list.allows(nil))
        #expect(!list.allows("example.org"))
        #expect(!list.allows("news.example.org.evil.example"))
        #expect(!list.allows("1.2.3.4.evil.example"))
        #expect(!list.allows("0x7f.1"))
        #expect(HostAllowList(bindHost: "newsbox", publicURL: nil, extra: []).allows("newsbox:8080"))
        #expect(HostAllowList(bindHost: "127.0.0.1", publicURL: nil, extra: ["*"]).allows("anything.example"))
    }
}
