internal import Foundation
internal import HTTPTypes
internal import Hummingbird
public import Logging
internal import NIOCore
internal import NewsFetch
internal import NewsIngest
public import NewsStore

/// Corroborate as a service: the web UI, the JSON API and the feeds out over one store, with the feed
/// poller running beside them.
public struct CorroborateServer: Sendable {
    let store: any ArticleStore
    let configuration: ServerConfiguration
    let resources: ServerResources
    let logger: Logger

    /// Prepares a server; reads the templates now, so a broken installation fails before listening.
    public init(store: any ArticleStore, configuration: ServerConfiguration, logger: Logger) async throws {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.resources = try await ServerResources.load(from: configuration.resourcesFolder)
    }

    /// Serves until SIGINT/SIGTERM (or the task is cancelled); `onRunning` gets the bound port.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let fetcher = HTTPFetcher(policy: configuration.fetchPolicy)
        let coverage = Coverage(
            store: store, resources: resources, cacheBudget: configuration.renderingCacheBytes, now: { Date() })
        let access = AccessControl(store: store, readsNeedToken: configuration.readsNeedToken)
        let feeds = FeedActions(store: store, fetcher: fetcher)
        // NB: HEAD is answered wherever GET is (the headers GET would send, no body).
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        let pages = PageRoutes(coverage: coverage, access: access, configuration: configuration, feeds: feeds)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(pages: pages, logger: logger))
        router.add(
            middleware: HostCheckMiddleware(
                allowed: HostAllowList(
                    bindHost: configuration.host, publicURL: configuration.publicURL,
                    extra: configuration.allowedHosts)))
        router.add(middleware: BodyLimitMiddleware(limit: configuration.maxBodyBytes))
        pages.register(on: router)
        APIRoutes(coverage: coverage, access: access, configuration: configuration, feeds: feeds).register(on: router)
        FeedsOut(coverage: coverage, access: access, configuration: configuration).register(on: router)
        MethodNotAllowed.register(on: router)

        let poller =
            configuration.pollFeeds
            ? FeedPoller(store: store, fetcher: fetcher, options: configuration.pollOptions, now: { Date() }) : nil
        let polling = FeedPollingService(
            coverage: coverage, poller: poller, checkInterval: configuration.pollCheckInterval, logger: logger)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Corroborate"),
            services: [polling],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            await fetcher.shutdown()
            throw error
        }
        await fetcher.shutdown()
    }
}

/// Errors as responses: JSON under /api/, a page elsewhere; server faults are logged.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let pages: PageRoutes
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = APIError.from(error)
            if failure.status.kind == .serverError {
                logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            }
            let wantsJSON =
                request.uri.path.hasPrefix("/api/") || request.uri.path.hasSuffix(".json")
                || request.uri.path.hasSuffix(".atom")
            var response = wantsJSON ? failure.jsonResponse() : pages.errorPage(failure)
            if let allow = failure.allow { response.headers[.allow] = allow }
            if failure.status == .unauthorized, wantsJSON {
                response.headers[.wwwAuthenticate] = "Bearer realm=\"corroborate\""
            }
            return response
        }
    }
}

/// Refuses a body announced larger than the limit before reading any of it.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let limit: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPInput.tooLarge(limit)
        }
        return try await next(request, context)
    }
}
