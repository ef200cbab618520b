internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NewsCore
internal import NewsStore

/// Stories as feeds for a feed reader: all of them, a search's, or a saved search's, in Atom or JSON Feed.
struct FeedsOut: Sendable {
    let coverage: Coverage
    let access: AccessControl
    let configuration: ServerConfiguration

    static let size = 50

    func register(on router: Router<BasicRequestContext>) {
        router.get("/stories.atom") { request, _ in try await respond(request, format: .atom) }
        router.get("/stories.json") { request, _ in try await respond(request, format: .json) }
        router.get("/search.atom") { request, _ in
            try await respond(request, format: .atom, query: searchQuery(request))
        }
        router.get("/search.json") { request, _ in
            try await respond(request, format: .json, query: searchQuery(request))
        }
        router.get("/searches/:id") { request, context in
            let file = context.parameters.get("id") ?? ""
            let format: Format = file.hasSuffix(".atom") ? .atom : .json
            guard file.hasSuffix(".atom") || file.hasSuffix(".json"),
                let id = Int64(file.dropLast(5)),
                let saved = try await coverage.store.savedSearches().first(where: { $0.id == id })
            else {
                throw APIError.notFound("search", file, hint: "saved searches are listed at /search")
            }
            return try await respond(
                request, format: format, query: saved.query, title: saved.name, path: "/searches/\(id)")
        }
    }

    enum Format {
        case atom, json
    }

    private func searchQuery(_ request: Request) throws -> String {
        let query = (HTTPInput.query(request)["q"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { throw APIError.badParameter("q", "is missing: give the words to search for") }
        return query
    }

    private func respond(
        _ request: Request, format: Format, query: String? = nil, title: String? = nil, path: String? = nil
    ) async throws -> Response {
        try await access.requireReader(request)
        let stories: [StorySummary]
        if let query {
            stories = try await SearchActions.stories(matching: query, limit: Self.size, in: coverage.store)
        } else {
            stories = try await StoryLists.list(.newest, offset: 0, limit: Self.size, coverage: coverage)
        }
        let base = baseURL(request)
        let name = title ?? query.map { "Corroborate: \($0)" } ?? "Corroborate: stories"
        let selfPath =
            (path ?? (query == nil ? "/stories" : "/search")) + (format == .atom ? ".atom" : ".json")
            + (query != nil && path == nil ? "?q=" + SearchActions.queryParameter(query!) : "")
        let home = query.map { "/search?q=" + SearchActions.queryParameter($0) } ?? "/"
        switch format {
        case .atom:
            return HTTPOutput.bytes(
                Data(atom(stories, title: name, base: base, selfPath: selfPath, home: home).utf8),
                type: "application/atom+xml; charset=utf-8")
        case .json:
            return HTTPOutput.bytes(
                jsonFeed(stories, title: name, base: base, selfPath: selfPath, home: home),
                type: "application/feed+json; charset=utf-8")
        }
    }

    /// The address links start with: the configured public URL, else this request's host.
    private func baseURL(_ request: Request) -> String {
        if let url = configuration.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        let host =
            request.head.authority ?? request.headers[HTTPField.Name("Host")!]
            ?? "\(configuration.host):\(configuration.port)"
        // NB: only a host name and port go into links; anything else a client sends as Host is ignored.
        let safe = host.allSatisfy { $0.isLetter || $0.isNumber || "-.:[]".contains($0) }
        return "http://" + (safe ? host : "\(configuration.host):\(configuration.port)")
    }

    private static func summary(_ story: StorySummary) -> String {
        "\(story.articleCount) article\(story.articleCount == 1 ? "" : "s") from \(story.originCount) independent "
            + "origin\(story.originCount == 1 ? "" : "s") (\(story.sourceCount) outlet\(story.sourceCount == 1 ? "" : "s"))"
    }

    private func atom(_ stories: [StorySummary], title: String, base: String, selfPath: String, home: String) -> String
    {
        let escape = MarkupEscaping.escape
        let updated = stories.compactMap(\.lastSeen).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(escape(title))</title>
            <id>\(escape(base + selfPath))</id>
            <link rel="self" href="\(escape(base + selfPath))"/>
            <link rel="alternate" type="text/html" href="\(escape(base + home))"/>
            <updated>\(updated.formatted(.iso8601))</updated>
            <generator>Corroborate</generator>

            """
        for story in stories {
            let link = base + "/stories/\(story.id.rawValue)"
            xml += """
                <entry>
                <title>\(escape(story.title))</title>
                <id>\(escape(link))</id>
                <link rel="alternate" type="text/html" href="\(escape(link))"/>
                <published>\((story.firstSeen ?? updated).formatted(.iso8601))</published>
                <updated>\((story.lastSeen ?? updated).formatted(.iso8601))</updated>
                <author><name>Corroborate</name></author>
                <summary>\(escape(Self.summary(story)))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), whose keys are snake_case.
    private struct JSONFeed: Encodable {
        struct Item: Encodable {
            var id: String
            var url: String
            var title: String
            var contentText: String
            var datePublished: Date?
            var dateModified: Date?

            enum CodingKeys: String, CodingKey {
                case id, url, title
                case contentText = "content_text"
                case datePublished = "date_published"
                case dateModified = "date_modified"
            }
        }
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var homePageURL: String
        var feedURL: String
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    private func jsonFeed(
        _ stories: [StorySummary], title: String, base: String, selfPath: String, home: String
    ) -> Data {
        HTTPOutput.encode(
            JSONFeed(
                title: title, homePageURL: base + home, feedURL: base + selfPath,
                items: stories.map { story in
                    let link = base + "/stories/\(story.id.rawValue)"
                    return JSONFeed.Item(
                        id: link, url: link, title: story.title, contentText: Self.summary(story),
                        datePublished: story.firstSeen, dateModified: story.lastSeen)
                }))
    }
}
