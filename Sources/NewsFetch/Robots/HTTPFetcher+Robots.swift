internal import Foundation

extension HTTPFetcher {
    /// Fetches a page only if the site's robots.txt allows it (read once per site per fetcher), and spaces
    /// the site's requests by its `Crawl-delay` (up to the policy's cap).
    public func fetchPage(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        guard let components = URLComponents(string: request.url), let host = components.host?.lowercased(),
            let scheme = components.scheme?.lowercased()
        else { throw FetchError(.badURL, "\(request.url) is not an http(s) address") }
        let origin = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
        let rules = try await robots.rules(for: origin) { [self] in await self.loadRobots(origin: origin) }.get()
        if let delay = rules.crawlDelaySeconds, delay > 0 {
            await gate.slowDown(host, to: min(.milliseconds(Int(delay * 1000)), policy.maxCrawlDelay))
        }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        guard rules.allows(path: path) else {
            throw FetchError(.robots, "\(origin)/robots.txt does not allow \(policy.robotsToken) to fetch \(path)")
        }
        return try await fetch(request)
    }

    /// RFC 9309: a 4xx means no rules; a 5xx or no answer means everything is disallowed for now, which
    /// is a failure to retry later (unlike a rule, which is final).
    private func loadRobots(origin: String) async -> Result<RobotsRules, FetchError> {
        do {
            let response = try await fetch(
                FetchRequest(url: origin + "/robots.txt", accept: "text/plain", maxBytes: 512 << 10))
            return .success(
                RobotsRules(parsing: String(decoding: response.body, as: UTF8.self), token: policy.robotsToken))
        } catch {
            if error.code == .status, let status = error.status, (400..<500).contains(status) {
                return .success(.allowAll)
            }
            if error.code == .tooLarge { return .success(.allowAll) }
            var failure = error
            failure.reason =
                "\(origin)/robots.txt could not be read, so no page of the site is fetched yet: \(error.reason)"
            return .failure(failure)
        }
    }
}

/// robots.txt rules per site, each read once even when many pages of the site are asked for at once.
actor RobotsCache {
    private var entries: [String: Task<Result<RobotsRules, FetchError>, Never>] = [:]

    func rules(
        for origin: String, load: @escaping @Sendable () async -> Result<RobotsRules, FetchError>
    ) async -> Result<RobotsRules, FetchError> {
        if let entry = entries[origin] { return await entry.value }
        let task = Task { await load() }
        entries[origin] = task
        return await task.value
    }
}
