import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NewsCore
import NewsFetch
import NewsIngest
import NewsServer
import NewsStore
import NewsStoreSQLite
import NewsTesting

/// A real server on 127.0.0.1 (any free port) over a real SQLite file holding the bundled seed story and an
/// article written to attack the pages; stopped when the test ends.
final class TestServer: Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the hostile article carries: a script, an image whose error handler runs script, a
    /// `javascript:` address; each would set the page's title if it ever ran.
    static let hostileTitle = #"<img src=x onerror="document.title='PWNED'"> Breaking <b>news</b>"#
    static let hostileText = """
        <script>document.title='PWNED';fetch('/pwned')</script> The council met on Monday.

        A second paragraph with <a href="javascript:document.title='PWNED'">a link</a> and "quotes" & ampersands.
        """

    let folder: TemporaryFolder
    let store: NewsDatabase
    let port: Int
    let token: String
    let hostileArticle: ArticleID
    private let task: Task<Void, any Error>

    var base: String { "http://127.0.0.1:\(port)" }

    static func start(readsNeedToken: Bool = false, pollFeeds: Bool = false) async throws -> TestServer {
        let folder = try TemporaryFolder()
        let store = try NewsDatabase.open(path: folder.file("corroborate.sqlite"))
        let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_700_000_000) }
        _ = try await FileIngestor(store: store, now: now).ingest([packageRoot.path + "/Samples/seeds"])
        let draft = ArticleDraft(
            title: hostileTitle, text: hostileText, source: "Evil <Outlet>", url: "javascript:document.title='PWNED'",
            published: Date(timeIntervalSince1970: 1_600_000_000), language: nil, authors: ["<script>x</script>"],
            raw: Array(hostileText.utf8), format: .plainText)
        let hostile = try await store.add([IncomingArticle(draft: draft, ingested: now(), inputName: "hostile.txt")])
        _ = try await StoryClustering.clusterPending(in: store)
        let token = APIToken.generate()
        _ = try await store.addToken(name: "tests", hash: APIToken.hash(token), at: now())

        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.pollFeeds = pollFeeds
        // NB: the feeds these tests serve are on 127.0.0.1, which the server refuses by default.
        configuration.fetchPolicy.addresses = .allowPrivate
        configuration.fetchPolicy.perHostInterval = .zero
        configuration.readsNeedToken = readsNeedToken
        configuration.pollCheckInterval = .milliseconds(200)
        configuration.resourcesFolder = packageRoot.appendingPathComponent("Sources/NewsServer")
        var logger = Logger(label: "test-server")
        // NB: cancelling the server's task (how a test stops it) makes Hummingbird log errors that mean nothing.
        logger.logLevel = .critical
        let server = try await CorroborateServer(store: store, configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return TestServer(
            folder: folder, store: store, port: port, token: token, hostileArticle: hostile[0].id, task: task)
    }

    private init(
        folder: TemporaryFolder, store: NewsDatabase, port: Int, token: String, hostileArticle: ArticleID,
        task: Task<Void, any Error>
    ) {
        self.folder = folder
        self.store = store
        self.port = port
        self.token = token
        self.hostileArticle = hostileArticle
        self.task = task
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// A response, its body read whole.
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }

        /// The error's code, for a JSON error.
        var errorCode: String? {
            ((try? json()) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["code"] as? String
        }
    }

    func request(
        _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil, token: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let response = try await TestServer.client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 32 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView))
    }

    /// One client for every test; it does not follow redirects, so tests see them.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()
}
