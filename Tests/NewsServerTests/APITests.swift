import Foundation
import NIOHTTP1
import NewsCore
import NewsIngest
import NewsStore
import NewsStoreSQLite
import Testing

/// The JSON API against the running server, every response checked against the served OpenAPI document.
@Suite("JSON API", .serialized)
struct APITests {
    /// Requests a path and checks the response against the document; returns it.
    private func checked(
        _ server: TestServer, _ validator: OpenAPIValidator, _ method: HTTPMethod, _ path: String,
        json: String? = nil, token: String? = nil, expect status: Int
    ) async throws -> TestServer.Reply {
        let reply = try await server.request(method, path, json: json, token: token)
        #expect(reply.status == status, "\(method) \(path): \(reply.text)")
        #expect(reply.headers["Content-Type"].first?.hasPrefix("application/json") == true)
        let documented = String(path.dropFirst("/api/v1".count).split(separator: "?").first ?? "")
        let problems = try validator.problems(
            method: method.rawValue, path: documented, status: reply.status, body: reply.body)
        #expect(problems.isEmpty, "\(method) \(path) does not match the OpenAPI document: \(problems.prefix(5))")
        return reply
    }

    @Test("reads: stories, a story's comparison, articles, why, search, sources, feeds; all as documented")
    func reads() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let document = try await server.request(.GET, "/api/v1/openapi.json")
        #expect(document.status == 200)
        let validator = try OpenAPIValidator(document.body)
        #expect(validator.document["openapi"] as? String == "3.1.0")

        let list = try await checked(server, validator, .GET, "/api/v1/stories", expect: 200)
        let stories = (try list.json() as? [String: Any])?["stories"] as? [[String: Any]] ?? []
        let seed = try #require(stories.first { ($0["title"] as? String)?.contains("Syrian civilians") == true })
        #expect(seed["origins"] as? Int == 2 && seed["articles"] as? Int == 2)
        let storyID = try #require(seed["id"] as? Int)
        _ = try await checked(server, validator, .GET, "/api/v1/stories?order=coverage&limit=5", expect: 200)

        let story = try await checked(server, validator, .GET, "/api/v1/stories/\(storyID)", expect: 200)
        let comparison = try #require(try story.json() as? [String: Any])
        #expect(comparison["schema"] as? String == "corroborate.story.v1")
        let counts = comparison["statusCounts"] as? [String: Int] ?? [:]
        #expect((counts["corroborated"] ?? 0) >= 1 && (counts["single-source"] ?? 0) >= 1)
        // The second read comes from the kept rendering and is the same document.
        let again = try await server.request(.GET, "/api/v1/stories/\(storyID)")
        #expect(again.body == story.body)

        let articles = try await checked(server, validator, .GET, "/api/v1/articles?limit=10", expect: 200)
        #expect((try articles.json() as? [String: Any])?["total"] as? Int == 3)
        let article = try await checked(server, validator, .GET, "/api/v1/articles/\(storyID)", expect: 200)
        #expect(((try article.json() as? [String: Any])?["text"] as? String)?.contains("Toner") == true)
        let why = try await checked(server, validator, .GET, "/api/v1/articles/2/why", expect: 200)
        #expect(((try why.json() as? [String: Any])?["lines"] as? [String])?.isEmpty == false)

        let search = try await checked(server, validator, .GET, "/api/v1/search?q=Toner", expect: 200)
        #expect(((try search.json() as? [String: Any])?["hits"] as? [Any])?.count == 2)
        _ = try await checked(server, validator, .GET, "/api/v1/searches", expect: 200)
        _ = try await checked(server, validator, .GET, "/api/v1/sources", expect: 200)
        _ = try await checked(server, validator, .GET, "/api/v1/feeds", expect: 200)

        // Stories out as a JSON Feed 1.1 and Atom, links absolute.
        let jsonFeed = try await server.request(.GET, "/stories.json")
        let feed = try #require(try jsonFeed.json() as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = feed["items"] as? [[String: Any]] ?? []
        #expect(
            items.contains { $0["url"] as? String == server.base + "/stories/\(storyID)" && $0["content_text"] != nil })
        let atom = try await server.request(.GET, "/stories.atom")
        #expect(atom.headers["Content-Type"].first?.hasPrefix("application/atom+xml") == true)
        #expect(
            atom.text.contains(
                "<link rel=\"alternate\" type=\"text/html\" href=\"\(server.base)/stories/\(storyID)\"/>"))
    }

    @Test("stories page by keyset: `next` leads through every story once, in order, on the API and the river")
    func keysetPaging() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let validator = try OpenAPIValidator(try await server.request(.GET, "/api/v1/openapi.json").body)
        // 60 more stories, one article each, a day apart and about unrelated things.
        let words = ["harbour", "glacier", "vineyard", "orchestra", "satellite", "marathon", "volcano", "library"]
        let articles = (0..<60).map { index in
            let topic = "\(words[index % 8]) \(words[(index / 8) % 8]) number\(index)"
            let text = "A report on the \(topic): item \(index) says the \(topic) changed on day \(index)."
            return IncomingArticle(
                draft: ArticleDraft(
                    title: "The \(topic)", text: text, source: "Outlet \(index % 3)",
                    published: Date(timeIntervalSince1970: 1_500_000_000 + Double(index) * 86_400 * 9),
                    raw: Array(text.utf8), format: .plainText),
                ingested: Date(timeIntervalSince1970: 1_700_000_000), inputName: "paging-\(index)")
        }
        _ = try await server.store.add(articles)
        _ = try await StoryClustering.clusterPending(in: server.store)
        let all = try await server.store.stories(order: .newest, since: nil, after: nil, limit: 1_000, offset: 0)
        #expect(all.count >= 60)

        var seen: [Int] = []
        var path = "/api/v1/stories?limit=25"
        for _ in 0..<10 {
            let page = try #require(
                try await checked(server, validator, .GET, path, expect: 200).json() as? [String: Any])
            seen += (page["stories"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            guard let next = page["next"] as? Int else { break }
            path = "/api/v1/stories?limit=25&after=\(next)"
        }
        #expect(seen == all.map { Int($0.id.rawValue) })

        var river: [Int] = []
        var link: String? = "/?sort=newest"
        while let current = link, river.count <= all.count {
            let html = try await server.request(.GET, current).text
            river += html.matches(of: /href="\/stories\/(\d+)"/).compactMap { Int($0.1) }
            link = html.firstMatch(of: /href="([^"]+)" rel="next"/).map {
                String($0.1).replacingOccurrences(of: "&amp;", with: "&")
            }
            if link != nil { #expect(html.contains("rel=\"prev\"") == (current != "/?sort=newest")) }
        }
        #expect(Array(NSOrderedSet(array: river)) as? [Int] == all.map { Int($0.id.rawValue) })
        #expect(try await server.request(.GET, "/api/v1/stories?after=abc").status == 400)
    }

    @Test("errors are JSON with stable codes, and documented")
    func errors() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let validator = try OpenAPIValidator(try await server.request(.GET, "/api/v1/openapi.json").body)
        let missing = try await checked(server, validator, .GET, "/api/v1/stories/99999", expect: 404)
        #expect(missing.errorCode == "story.not_found")
        #expect(
            try await checked(server, validator, .GET, "/api/v1/articles/99999", expect: 404).errorCode
                == "article.not_found")
        #expect(
            try await checked(server, validator, .GET, "/api/v1/stories/abc", expect: 400).errorCode
                == "request.bad_parameter")
        #expect(
            try await checked(server, validator, .GET, "/api/v1/stories?limit=0", expect: 400).errorCode
                == "request.bad_parameter")
        #expect(
            try await checked(server, validator, .GET, "/api/v1/search?q=", expect: 400).errorCode
                == "request.bad_parameter")
        let unknown = try await server.request(.GET, "/api/v1/nothing-here")
        #expect(unknown.status == 404 && unknown.errorCode == "not_found")
        // Writing without a token, with a wrong one, with a body too large, with a body that is not JSON.
        let anonymous = try await checked(
            server, validator, .POST, "/api/v1/searches", json: #"{"name":"a","query":"Toner"}"#, expect: 401)
        #expect(anonymous.errorCode == "auth.required")
        #expect(anonymous.headers["WWW-Authenticate"].first?.hasPrefix("Bearer") == true)
        let forged = try await checked(
            server, validator, .POST, "/api/v1/searches", json: #"{"name":"a","query":"Toner"}"#, token: "cor_nope",
            expect: 401)
        #expect(forged.errorCode == "auth.invalid")
        let huge = #"{"name":"a","query":""# + String(repeating: "x", count: 100_000) + #""}"#
        let tooLarge = try await checked(
            server, validator, .POST, "/api/v1/searches", json: huge, token: server.token, expect: 413)
        #expect(tooLarge.errorCode == "request.too_large")
        let garbled = try await checked(
            server, validator, .POST, "/api/v1/searches", json: "{name:", token: server.token, expect: 400)
        #expect(garbled.errorCode == "request.invalid")
        let noStory = try await checked(
            server, validator, .POST, "/api/v1/stories/1/merge", json: #"{"into":99999}"#, token: server.token,
            expect: 409)
        #expect(noStory.errorCode == "story.change_refused")
    }

    @Test("writes with a token: saved searches, outlets, merge and split; the story's rendering follows")
    func writes() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let validator = try OpenAPIValidator(try await server.request(.GET, "/api/v1/openapi.json").body)
        let token = server.token

        let saved = try await checked(
            server, validator, .POST, "/api/v1/searches", json: #"{"name":"Toner","query":"Toner"}"#, token: token,
            expect: 201)
        let savedID = try #require((try saved.json() as? [String: Any])?["id"] as? Int)
        let feed = try await server.request(.GET, "/searches/\(savedID).atom")
        #expect(feed.status == 200 && feed.text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(feed.text.contains("US criticises Russia for killing Syrian civilians"))
        _ = try await checked(server, validator, .DELETE, "/api/v1/searches/\(savedID)", token: token, expect: 200)
        _ = try await checked(server, validator, .DELETE, "/api/v1/searches/\(savedID)", token: token, expect: 404)

        // One owner for both outlets: the seed story drops to one independent origin.
        let before = try await server.request(.GET, "/api/v1/stories/1")
        for outlet in ["VOA", "TRT%20World"] {
            _ = try await checked(
                server, validator, .PATCH, "/api/v1/sources/\(outlet)",
                json: #"{"owner":"One Owner","kind":"state-funded"}"#,
                token: token, expect: 200)
        }
        let after = try await server.request(.GET, "/api/v1/stories/1")
        let origins = ((try after.json() as? [String: Any])?["origins"] as? [[String: Any]])?
            .filter { $0["external"] == nil }.count
        #expect(before.body != after.body && origins == 1)
        #expect(
            try await checked(
                server, validator, .PATCH, "/api/v1/sources/VOA", json: #"{"kind":"tabloid"}"#, token: token,
                expect: 400
            ).errorCode == "request.bad_parameter")

        // Split the VOA article out, then merge it back.
        let split = try await checked(server, validator, .POST, "/api/v1/articles/2/split", token: token, expect: 200)
        #expect(((try split.json() as? [String: Any])?["story"] as? [String: Any])?["id"] as? Int == 2)
        #expect(
            ((try await server.request(.GET, "/api/v1/stories/1").json() as? [String: Any])?["articles"] as? [Any])?
                .count == 1)
        let merged = try await checked(
            server, validator, .POST, "/api/v1/stories/2/merge", json: #"{"into":1}"#, token: token, expect: 200)
        #expect(((try merged.json() as? [String: Any])?["story"] as? [String: Any])?["articles"] as? Int == 2)
    }

    @Test("--read-token: reads need a token too; the token works as a header and as the login cookie")
    func readToken() async throws {
        let server = try await TestServer.start(readsNeedToken: true)
        defer { Task { await server.stop() } }
        #expect(try await server.request(.GET, "/api/v1/stories").status == 401)
        #expect(try await server.request(.GET, "/").status == 401)
        #expect(try await server.request(.GET, "/api/v1/stories", token: server.token).status == 200)
        let login = try await server.request(.POST, "/login", form: "token=\(server.token)")
        #expect(login.status == 303)
        let cookie = try #require(login.headers["Set-Cookie"].first)
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let pair = String(cookie.split(separator: ";")[0])
        #expect(try await server.request(.GET, "/", headers: [("Cookie", pair)]).status == 200)
        // A form posted from another site with the cookie is refused.
        let crossSite = try await server.request(
            .POST, "/searches", form: "name=x&query=Toner",
            headers: [("Cookie", pair), ("Origin", "http://evil.example")])
        #expect(crossSite.status == 403)
        let sameSite = try await server.request(
            .POST, "/searches", form: "name=x&query=Toner", headers: [("Cookie", pair), ("Origin", server.base)])
        #expect(sameSite.status == 303)
        // A revoked token stops working within the server's refresh interval.
        let records = try await server.store.tokens()
        for record in records { _ = try await server.store.removeToken(record.id) }
        try await Task.sleep(for: .seconds(6))
        #expect(try await server.request(.GET, "/api/v1/stories", token: server.token).status == 401)
    }
}
