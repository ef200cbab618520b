internal import Foundation
internal import HTTPTypes
internal import NewsCore
internal import NewsFeeds
internal import NewsFetch
internal import NewsIngest
internal import NewsStore

/// Story listings, as the river, the API and the feeds out show them.
enum StoryLists {
    /// How far back "most covered" looks.
    static let coverageWindow: TimeInterval = 7 * 86_400

    static func list(
        _ order: StoryOrder, after: ArticleID? = nil, offset: Int, limit: Int, coverage: Coverage
    ) async throws -> [StorySummary] {
        let since = order == .coverage ? coverage.now().addingTimeInterval(-coverageWindow) : nil
        return try await coverage.store.stories(order: order, since: since, after: after, limit: limit, offset: offset)
    }
}

/// Searching, and saved searches.
enum SearchActions {
    static let maxQueryLength = 500
    static let maxNameLength = 100

    /// Hits, best first, each with the story its article is in.
    static func run(
        _ query: String, limit: Int, in store: any ArticleStore
    ) async throws -> [(hit: SearchHit, story: ArticleID?)] {
        guard query.count <= maxQueryLength else {
            throw APIError.badParameter("q", "is over \(maxQueryLength) characters")
        }
        var results: [(hit: SearchHit, story: ArticleID?)] = []
        for hit in try await store.search(SearchQuery(query, limit: limit)) {
            results.append((hit, try await store.assignment(of: hit.article.id)?.story))
        }
        return results
    }

    /// The stories a query's hits are in, best hit first.
    static func stories(
        matching query: String, limit: Int, in store: any ArticleStore
    ) async throws -> [StorySummary] {
        var seen: Set<ArticleID> = []
        var stories: [StorySummary] = []
        for (_, story) in try await run(query, limit: limit * 4, in: store) {
            guard let story, seen.insert(story).inserted, let summary = try await store.story(story) else { continue }
            stories.append(summary)
            if stories.count == limit { break }
        }
        return stories
    }

    static func save(name: String?, query: String?, in store: any ArticleStore) async throws -> SavedSearch {
        let query = (query ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let name = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty, query.count <= maxQueryLength else {
            throw APIError.badParameter("query", "must be 1 to \(maxQueryLength) characters")
        }
        guard !name.isEmpty, name.count <= maxNameLength else {
            throw APIError.badParameter("name", "must be 1 to \(maxNameLength) characters")
        }
        // NB: a query the index cannot run is refused now rather than failing every time its feed is read.
        _ = try await store.search(SearchQuery(query, limit: 1))
        return try await store.saveSearch(name: name, query: query, at: Date())
    }

    /// A query as a URL query value.
    static func queryParameter(_ query: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return query.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Reading an outlet's kind from a form or JSON.
enum SourceActions {
    /// `nil` leaves it, `""` clears it, a known kind sets it; anything else is refused.
    static func kind(_ text: String?) throws -> SourceKind?? {
        guard let text else { return nil }
        if text.isEmpty { return .some(nil) }
        guard let kind = SourceKind(rawValue: text) else {
            throw APIError.badParameter(
                "kind", "\"\(text)\" is not one of " + SourceKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return .some(kind)
    }
}

/// Subscribing to feeds from the UI or the API, with the server's fetcher.
struct FeedActions: Sendable {
    let store: any ArticleStore
    let fetcher: HTTPFetcher

    /// Finds the feed at or behind `address` and subscribes to it.
    func subscribe(
        _ address: String?, source: String?, folder: String? = nil, categories: [String] = []
    ) async throws -> FeedAddResult {
        let address = (address ?? "").trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty, address.count <= 2048 else {
            throw APIError.badParameter("url", "must be a feed or site address")
        }
        let source = source.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        switch await FeedDiscoverer(fetcher: fetcher).find(address) {
        case .failure(let failure):
            var hint = "check the address in a browser; a site's home page works when it announces its feed"
            if failure.code == FetchError.Code.refusedAddress.rawValue {
                hint = "the server was started without --allow-private-addresses"
            }
            throw APIError(.unprocessableContent, failure.code, failure.reason, hint: hint)
        case .success(let found):
            let subscription = found.subscription(
                source: source, among: try await store.sources(), folder: folder, categories: categories)
            guard let result = try await store.addFeeds([subscription], at: Date()).first else {
                throw APIError(.internalServerError, "internal", "the store added no feed")
            }
            return result
        }
    }
}
