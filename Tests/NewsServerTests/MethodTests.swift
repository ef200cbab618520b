import Foundation
import NIOHTTP1
import Testing

/// HTTP's own rules at every address: a method an address does not take is 405 with `Allow` (not 404),
/// HEAD answers wherever GET does, OPTIONS says what is allowed, and an empty parameter is an error.
@Suite("HTTP methods and parameters")
struct MethodTests {
    @Test("405 with Allow for TRACE, PUT, DELETE where not taken; HEAD like GET without a body; OPTIONS 204")
    func methods() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let trace = try await server.request(.TRACE, "/api/v1/stories")
        #expect(trace.status == 405, "\(trace.text)")
        #expect(trace.errorCode == "method_not_allowed")
        #expect(trace.headers["Allow"].first == "GET, HEAD, OPTIONS")
        let put = try await server.request(.PUT, "/stories/1")
        #expect(put.status == 405)
        #expect(put.headers["Content-Type"].first?.hasPrefix("text/html") == true)
        #expect(put.headers["Allow"].first == "GET, HEAD, OPTIONS")
        let delete = try await server.request(.DELETE, "/api/v1/feeds")
        #expect(delete.status == 405)
        #expect(delete.headers["Allow"].first == "GET, HEAD, POST, OPTIONS")
        // A write's address refuses GET the same way, and says it takes POST.
        let get = try await server.request(.GET, "/api/v1/stories/1/merge")
        #expect(get.status == 405 && get.headers["Allow"].first == "POST, OPTIONS", "\(get.status) \(get.headers)")

        let head = try await server.request(.HEAD, "/api/v1/stories")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Type"].first?.hasPrefix("application/json") == true)
        let options = try await server.request(.OPTIONS, "/api/v1/feeds")
        #expect(options.status == 204)
        #expect(options.headers["Allow"].first == "GET, HEAD, POST, OPTIONS")
        #expect(try await server.request(.TRACE, "/no/such/address").status == 404)
        #expect(try await server.request(.RAW(value: "QUERY"), "/api/v1/sources").status == 405)
    }

    @Test("an empty parameter is refused (400), an absent one takes its default")
    func emptyParameters() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        for path in ["/api/v1/stories?limit=", "/api/v1/articles?offset=", "/api/v1/stories?after="] {
            let reply = try await server.request(.GET, path)
            #expect(reply.status == 400, "\(path): \(reply.status) \(reply.text)")
            #expect(reply.errorCode == "request.bad_parameter", "\(path): \(reply.text)")
        }
        #expect(try await server.request(.GET, "/api/v1/stories").status == 200)
        // Only punctuation and symbols: nothing to look for, so no hits (the document cannot say "has a word").
        let symbols = try await server.request(.GET, "/api/v1/search?q=%E2%98%83+--")
        #expect(symbols.status == 200, "\(symbols.text)")
        #expect(symbols.text.contains(#""hits":[]"#), "\(symbols.text)")
    }
}
