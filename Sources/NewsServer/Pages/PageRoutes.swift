internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NewsCore
internal import NewsFetch
internal import NewsIngest
internal import NewsStore

/// The web UI: server-rendered pages, forms that post and redirect, no script needed.
struct PageRoutes: Sendable {
    let coverage: Coverage
    let access: AccessControl
    let configuration: ServerConfiguration
    let feeds: FeedActions

    var store: any ArticleStore { coverage.store }
    var resources: ServerResources { coverage.resources }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await river(request, fragment: false) }
        router.get("/river") { request, _ in try await river(request, fragment: true) }
        router.get("/stories/:id") { request, context in try await story(request, context) }
        router.get("/articles/:id") { request, context in try await article(request, context) }
        router.get("/search") { request, _ in try await search(request) }
        router.get("/sources") { request, _ in try await sources(request) }
        router.get("/subscriptions") { request, _ in try await subscriptions(request) }
        router.get("/login") { request, _ in try await login(request, failed: false) }
        router.get("/static/:name") { request, context in try staticFile(request, context) }

        router.post("/login") { request, _ in try await logIn(request) }
        router.post("/logout") { _, _ in logOut() }
        router.post("/stories/:id/merge") { request, context in
            try await access.requireWriter(request)
            let story = try HTTPInput.id(context.parameters.get("id"), "story")
            let form = try await HTTPInput.form(request, limit: configuration.maxBodyBytes)
            let into = try HTTPInput.id(form["into"], "into")
            try await coverage.change(.merge(story: story, into: into))
            return HTTPOutput.seeOther("/stories/\(into.rawValue)")
        }
        router.post("/articles/:id/split") { request, context in
            try await access.requireWriter(request)
            let article = try HTTPInput.id(context.parameters.get("id"), "article")
            try await coverage.change(.split(article: article))
            return HTTPOutput.seeOther("/stories/\(article.rawValue)")
        }
        router.post("/sources/edit") { request, _ in
            try await access.requireWriter(request)
            let form = try await HTTPInput.form(request, limit: configuration.maxBodyBytes)
            guard let name = form["name"], !name.isEmpty else { throw APIError.badParameter("name", "is missing") }
            let kind = try SourceActions.kind(form["kind"])
            let update = SourceUpdate(
                domain: form["domain"] ?? "", country: form["country"] ?? "", owner: form["owner"] ?? "", kind: kind)
            guard try await coverage.updateSource(named: name, update) != nil else {
                throw APIError.notFound("source", name, hint: "the outlets are listed at /sources")
            }
            return HTTPOutput.seeOther("/sources")
        }
        router.post("/searches") { request, _ in
            try await access.requireWriter(request)
            let form = try await HTTPInput.form(request, limit: configuration.maxBodyBytes)
            let saved = try await SearchActions.save(name: form["name"], query: form["query"], in: store)
            return HTTPOutput.seeOther("/search?q=" + SearchActions.queryParameter(saved.query))
        }
        router.post("/searches/:id/delete") { request, context in
            try await access.requireWriter(request)
            guard let id = context.parameters.get("id", as: Int64.self),
                try await store.removeSavedSearch(id) != nil
            else { throw APIError.notFound("search", context.parameters.get("id") ?? "", hint: "see /search") }
            return HTTPOutput.seeOther("/search")
        }
        router.post("/subscriptions") { request, _ in
            try await access.requireWriter(request)
            let form = try await HTTPInput.form(request, limit: configuration.maxBodyBytes)
            _ = try await feeds.subscribe(form["url"], source: form["source"])
            return HTTPOutput.seeOther("/subscriptions")
        }
        router.post("/subscriptions/:id/delete") { request, context in
            try await access.requireWriter(request)
            guard let id = context.parameters.get("id", as: Int64.self), try await store.removeFeed(id) != nil else {
                throw APIError.notFound("feed", context.parameters.get("id") ?? "", hint: "see /subscriptions")
            }
            return HTTPOutput.seeOther("/subscriptions")
        }
    }

    private func river(_ request: Request, fragment: Bool) async throws -> Response {
        try await access.requireReader(request)
        let query = HTTPInput.query(request)
        let order = StoryOrder(rawValue: query["sort"] ?? "") ?? .newest
        let page = try HTTPInput.int(query["page"], "page", in: 1...10_000, default: 1)
        // NB: "older" links carry the page's last story (keyset paging: the index seeks to it, so page 500
        // costs what page 1 does); `page` stays for links made before.
        let after = try query["after"].map { try HTTPInput.id($0, "after") }
        let perPage = 50
        let stories = try await StoryLists.list(
            order, after: after, offset: (page - 1) * perPage, limit: perPage + 1, coverage: coverage)
        let shown = stories.prefix(perPage)
        let sort = order.rawValue
        let previous: (link: String, label: String)? =
            after != nil
            ? ("/?sort=\(sort)", "← newest") : page > 1 ? ("/?sort=\(sort)&page=\(page - 1)", "← newer") : nil
        let model = PageModels.River(
            stories: shown.map(PageModels.StoryItem.init), sort: sort, newest: order == .newest,
            coverage: order == .coverage, previousLink: previous?.link, previousLabel: previous?.label ?? "",
            nextLink: stories.count > perPage ? shown.last.map { "/?sort=\(sort)&after=\($0.id.rawValue)" } : nil,
            livePath: "/river?sort=\(sort)" + (after.map { "&after=\($0.rawValue)" } ?? "&page=\(page)"))
        return HTTPOutput.html(resources.render(fragment ? "river_list" : "river", model))
    }

    private func story(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await access.requireReader(request)
        let id = try HTTPInput.id(context.parameters.get("id"), "story")
        let resources = resources
        guard
            let (story, body) = try await coverage.story(
                id, as: .html,
                render: { Data(resources.render("story", StoryPageModel($0)).utf8) })
        else {
            throw APIError.notFound(
                "story", "#\(id.rawValue)", hint: "the stories are listed on the front page; an article's id works too")
        }
        if story != id {
            var headers = HTTPFields()
            headers[.location] = "/stories/\(story.rawValue)"
            return Response(status: .movedPermanently, headers: headers)
        }
        return HTTPOutput.bytes(body, type: "text/html; charset=utf-8")
    }

    private func article(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await access.requireReader(request)
        let id = try HTTPInput.id(context.parameters.get("id"), "article")
        guard let article = try await store.article(id) else {
            throw APIError.notFound("article", "#\(id.rawValue)", hint: "search for it at /search")
        }
        let query = HTTPInput.query(request)
        var cited: Range<Int>?
        if let from = query["from"].flatMap(Int.init), let to = query["to"].flatMap(Int.init), 0 <= from, from < to {
            cited = from..<to
        }
        let assignment = try await store.assignment(of: id)
        let story = try await assignment.asyncMap { try await store.story($0.story) } ?? nil
        let model = PageModels.ArticlePage(
            article, story: story, assignment: assignment, feedItems: try await store.feedItems(of: id), cited: cited)
        return HTTPOutput.html(resources.render("article", model))
    }

    private func search(_ request: Request) async throws -> Response {
        try await access.requireReader(request)
        let query = (HTTPInput.query(request)["q"] ?? "").trimmingCharacters(in: .whitespaces)
        let results = query.isEmpty ? [] : try await SearchActions.run(query, limit: 50, in: store)
        let saved = try await store.savedSearches().map {
            PageModels.Saved(
                id: $0.id, name: $0.name, query: $0.query, queryParam: SearchActions.queryParameter($0.query))
        }
        let model = PageModels.Search(
            title: query.isEmpty ? "Search" : "Search: \(query)", query: query,
            queryParam: SearchActions.queryParameter(query), hasQuery: !query.isEmpty, hitCount: results.count,
            hitsPlural: results.count != 1, hits: results.map { PageModels.Hit($0.hit, story: $0.story) }, saved: saved)
        return HTTPOutput.html(resources.render("search", model))
    }

    private func sources(_ request: Request) async throws -> Response {
        try await access.requireReader(request)
        let model = PageModels.Sources(outlets: try await store.sources().map(PageModels.Outlet.init))
        return HTTPOutput.html(resources.render("sources", model))
    }

    private func subscriptions(_ request: Request) async throws -> Response {
        try await access.requireReader(request)
        let model = PageModels.Subscriptions(
            feeds: try await store.feeds().map(PageModels.Feed.init), polling: configuration.pollFeeds)
        return HTTPOutput.html(resources.render("subscriptions", model))
    }

    private func login(_ request: Request, failed: Bool) async throws -> Response {
        let model = PageModels.Login(
            loggedIn: try await access.isAuthenticated(request), failed: failed,
            readsNeedToken: configuration.readsNeedToken)
        return HTTPOutput.html(resources.render("login", model), status: failed ? .unauthorized : .ok)
    }

    private func logIn(_ request: Request) async throws -> Response {
        let form = try await HTTPInput.form(request, limit: configuration.maxBodyBytes)
        let token = (form["token"] ?? "").trimmingCharacters(in: .whitespaces)
        // NB: the token goes in the cookie only when valid and made of token characters, so nothing a
        // person pastes can add cookie attributes.
        guard !token.isEmpty, token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
            try await access.isValid(token)
        else { return try await login(request, failed: true) }
        var response = HTTPOutput.seeOther("/login")
        response.headers[.setCookie] =
            "\(AccessControl.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000"
        return response
    }

    private func logOut() -> Response {
        var response = HTTPOutput.seeOther("/login")
        response.headers[.setCookie] = "\(AccessControl.cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
        return response
    }

    private func staticFile(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        guard let name = context.parameters.get("name"), let file = resources.files[name] else {
            throw APIError(.notFound, "not_found", "no such file")
        }
        if request.headers[.ifNoneMatch] == file.etag { return Response(status: .notModified) }
        var response = HTTPOutput.bytes(file.bytes, type: file.contentType, cache: "no-cache")
        response.headers[.eTag] = file.etag
        return response
    }

    /// An error as a page.
    func errorPage(_ error: APIError) -> Response {
        let model = PageModels.ErrorPage(
            title: error.status.reasonPhrase, message: error.message, hint: error.hint, code: error.code)
        return HTTPOutput.html(resources.render("error", model), status: error.status)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
