internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NewsCompare
internal import NewsCore
internal import NewsIngest
internal import NewsStore

/// The JSON API under /api/v1: everything the pages show and do, described by /api/v1/openapi.json.
struct APIRoutes: Sendable {
    let coverage: Coverage
    let access: AccessControl
    let configuration: ServerConfiguration
    let feeds: FeedActions

    var store: any ArticleStore { coverage.store }

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in
            HTTPOutput.bytes(coverage.resources.openAPI, type: "application/json; charset=utf-8")
        }
        api.get("stories") { request, _ in
            try await access.requireReader(request)
            let query = HTTPInput.query(request)
            guard let order = StoryOrder(rawValue: query["order"] ?? "newest") else {
                throw APIError.badParameter("order", "must be newest or coverage")
            }
            let limit = try HTTPInput.int(query["limit"], "limit", in: 1...500, default: 50)
            let offset = try HTTPInput.int(query["offset"], "offset", in: 0...1_000_000, default: 0)
            let after = try query["after"].map { try HTTPInput.id($0, "after") }
            // One more than asked says whether a next page exists.
            let stories = try await StoryLists.list(
                order, after: after, offset: offset, limit: limit + 1, coverage: coverage)
            let page = stories.prefix(limit)
            return HTTPOutput.json(
                APIModels.StoryList(
                    order: order.rawValue, offset: after == nil ? offset : 0, limit: limit,
                    next: stories.count > limit ? page.last.map { $0.id.rawValue } : nil,
                    stories: page.map(APIModels.Story.init)))
        }
        api.get("stories/:id") { request, context in
            try await access.requireReader(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            guard
                let (_, body) = try await coverage.story(
                    id, as: .json, render: { ComparisonJSON.encode($0, pretty: false) })
            else { throw storyNotFound(id) }
            return HTTPOutput.bytes(body, type: "application/json; charset=utf-8")
        }
        api.post("stories/:id/merge") { request, context in
            try await access.requireWriter(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            let body = try await HTTPInput.json(APIModels.Merge.self, request, limit: configuration.maxBodyBytes)
            try await coverage.change(.merge(story: id, into: ArticleID(body.into)))
            return try await changed(ArticleID(body.into))
        }
        api.post("articles/:id/split") { request, context in
            try await access.requireWriter(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            try await coverage.change(.split(article: id))
            return try await changed(id)
        }
        api.get("articles") { request, _ in
            try await access.requireReader(request)
            let query = HTTPInput.query(request)
            let limit = try HTTPInput.int(query["limit"], "limit", in: 1...500, default: 50)
            let offset = try HTTPInput.int(query["offset"], "offset", in: 0...10_000_000, default: 0)
            var articleQuery = ArticleQuery(limit: limit, offset: offset)
            articleQuery.source = query["outlet"]
            let articles = try await store.articles(articleQuery)
            var items: [APIModels.ArticleItem] = []
            for article in articles {
                items.append(APIModels.ArticleItem(article, story: try await store.assignment(of: article.id)?.story))
            }
            return HTTPOutput.json(
                APIModels.ArticleList(
                    offset: offset, limit: limit, total: try await store.articleCount(articleQuery), articles: items))
        }
        api.get("articles/:id") { request, context in
            try await access.requireReader(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            guard let article = try await store.article(id) else { throw articleNotFound(id) }
            return HTTPOutput.json(
                APIModels.ArticleDocument(
                    article: APIModels.ArticleItem(article, story: try await store.assignment(of: id)?.story),
                    text: article.text, feedItems: try await store.feedItems(of: id)))
        }
        api.get("articles/:id/why") { request, context in
            try await access.requireReader(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            guard let assignment = try await store.assignment(of: id) else {
                throw APIError(
                    .notFound, "article.not_grouped", "article #\(id.rawValue) is in no story (or does not exist)",
                    hint: "articles are grouped as they arrive; the server groups waiting ones every minute")
            }
            let explanation = GroupingExplanation(assignment)
            return HTTPOutput.json(APIModels.Why(explanation: explanation, lines: explanation.lines))
        }
        api.get("search") { request, _ in
            try await access.requireReader(request)
            let query = HTTPInput.query(request)
            let text = (query["q"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw APIError.badParameter("q", "is missing: give the words to search for") }
            let limit = try HTTPInput.int(query["limit"], "limit", in: 1...200, default: 20)
            // Text with no word in it (only punctuation or symbols) matches nothing: no hits, not an error.
            guard SearchSyntax(text) != nil else {
                return HTTPOutput.json(APIModels.SearchResults(query: text, hits: []))
            }
            let hits = try await SearchActions.run(text, limit: limit, in: store).map { result in
                APIModels.Hit(
                    article: APIModels.ArticleItem(result.hit.article, story: result.story), score: result.hit.score,
                    snippet: result.hit.snippet.text,
                    highlights: result.hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] })
            }
            return HTTPOutput.json(APIModels.SearchResults(query: text, hits: hits))
        }
        api.get("searches") { request, _ in
            try await access.requireReader(request)
            return HTTPOutput.json(APIModels.SavedSearchList(searches: try await store.savedSearches()))
        }
        api.post("searches") { request, _ in
            try await access.requireWriter(request)
            let body = try await HTTPInput.json(
                APIModels.NewSavedSearch.self, request, limit: configuration.maxBodyBytes)
            let saved = try await SearchActions.save(name: body.name, query: body.query, in: store)
            return HTTPOutput.json(saved, status: .created)
        }
        api.delete("searches/:id") { request, context in
            try await access.requireWriter(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            guard let removed = try await store.removeSavedSearch(id.rawValue) else {
                throw APIError.notFound("search", "\(id.rawValue)", hint: "list them at /api/v1/searches")
            }
            return HTTPOutput.json(APIModels.Removed(removed: removed))
        }
        api.get("sources") { request, _ in
            try await access.requireReader(request)
            return HTTPOutput.json(APIModels.Sources(outlets: try await store.sources()))
        }
        api.patch("sources/:name") { request, context in
            try await access.requireWriter(request)
            let name = context.parameters.get("name").flatMap { $0.removingPercentEncoding } ?? ""
            let patch = try await HTTPInput.json(APIModels.SourcePatch.self, request, limit: configuration.maxBodyBytes)
            let update = SourceUpdate(
                domain: patch.domain, country: patch.country, owner: patch.owner,
                kind: try SourceActions.kind(patch.kind))
            guard let updated = try await coverage.updateSource(named: name, update) else {
                throw APIError.notFound("source", name, hint: "list the outlets at /api/v1/sources")
            }
            return HTTPOutput.json(updated)
        }
        api.get("feeds") { request, _ in
            try await access.requireReader(request)
            return HTTPOutput.json(APIModels.Feeds(feeds: try await store.feeds()))
        }
        api.post("feeds") { request, _ in
            try await access.requireWriter(request)
            let body = try await HTTPInput.json(APIModels.NewFeed.self, request, limit: configuration.maxBodyBytes)
            let result = try await feeds.subscribe(
                body.url, source: body.source, folder: body.folder, categories: body.categories ?? [])
            switch result {
            case .added(let record):
                return HTTPOutput.json(APIModels.FeedAdded(added: true, feed: record), status: .created)
            case .existing(let record): return HTTPOutput.json(APIModels.FeedAdded(added: false, feed: record))
            }
        }
        api.delete("feeds/:id") { request, context in
            try await access.requireWriter(request)
            let id = try HTTPInput.id(context.parameters.get("id"), "id")
            guard let removed = try await store.removeFeed(id.rawValue) else {
                throw APIError.notFound("feed", "\(id.rawValue)", hint: "list them at /api/v1/feeds")
            }
            return HTTPOutput.json(APIModels.Removed(removed: removed))
        }
    }

    private func changed(_ story: ArticleID) async throws -> Response {
        guard let summary = try await store.story(story) else { throw storyNotFound(story) }
        return HTTPOutput.json(APIModels.StoryChanged(story: APIModels.Story(summary)))
    }

    private func storyNotFound(_ id: ArticleID) -> APIError {
        APIError.notFound(
            "story", "#\(id.rawValue)", hint: "list stories at /api/v1/stories; an article's id works too")
    }

    private func articleNotFound(_ id: ArticleID) -> APIError {
        APIError.notFound("article", "#\(id.rawValue)", hint: "search at /api/v1/search?q=...")
    }
}
