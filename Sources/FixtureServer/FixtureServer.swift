internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix
internal import Synchronization

/// A request as the fixture server saw it.
public struct FixtureRequest: Sendable, Hashable {
    /// `GET`, `HEAD`, ...
    public var method: String
    /// The path with its query (`/feed.xml?page=2`).
    public var path: String
    /// The headers, names lowercased; repeated headers joined with ", ".
    public var headers: [String: String]
    /// The address the client connected to (the server may listen on several).
    public var localHost: String
}

/// What the fixture server answers, and how slowly.
public struct FixtureResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers; `Content-Length` is added unless the body is streamed without one.
    public var headers: [(String, String)]
    /// The body, sent `repeats` times.
    public var body: [UInt8]
    /// How many times `body` is sent: a huge body without holding it in memory.
    public var repeats: Int = 1
    /// Waited before the head is sent: a slow host.
    public var delay: Duration = .zero
    /// Waited between body chunks: a host that trickles.
    public var chunkDelay: Duration = .zero
    /// Never answer at all, keeping the connection open: a dead application behind a live socket.
    public var hang = false
    /// Leave `Content-Length` out (the body ends when the connection closes).
    public var omitLength = false

    /// Creates a response.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `200` with a body of the given type.
    public static func ok(_ body: String, type: String = "text/html; charset=utf-8") -> FixtureResponse {
        FixtureResponse(headers: [("Content-Type", type)], body: Array(body.utf8))
    }

    /// `404`.
    public static let notFound = FixtureResponse(status: 404, body: Array("not found".utf8))

    /// A redirect to `location`.
    public static func redirect(to location: String, status: Int = 302) -> FixtureResponse {
        FixtureResponse(status: status, headers: [("Location", location)])
    }
}

/// An HTTP/1.1 server on a loopback address for tests and local benchmarks: every request goes to one
/// handler, which may answer slowly, hugely or never.
public final class FixtureServer: Sendable {
    /// The address it listens on.
    public let host: String
    /// The port it listens on.
    public let port: Int
    private let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let task: Task<Void, Never>
    private let log = Mutex<[FixtureRequest]>([])

    private init(
        host: String, port: Int,
        channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>,
        task: Task<Void, Never>
    ) {
        self.host = host
        self.port = port
        self.channel = channel
        self.task = task
    }

    /// Starts a server on `host` (a loopback address) and `port` (0: any free port).
    public static func start(
        host: String = "127.0.0.1", port: Int = 0,
        handler: @escaping @Sendable (FixtureRequest) async -> FixtureResponse
    ) async throws -> FixtureServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child)
                }
            }
        let boundPort = channel.channel.localAddress?.port ?? port
        let recorder = Recorder()
        let task = Task {
            await withDiscardingTaskGroup { group in
                do {
                    try await channel.executeThenClose { inbound in
                        for try await connection in inbound {
                            group.addTask { await serve(connection, host: host, handler: handler, recorder: recorder) }
                        }
                    }
                } catch {
                    // The listening socket closed: the server is stopping.
                }
                group.cancelAll()
            }
        }
        let server = FixtureServer(host: host, port: boundPort, channel: channel, task: task)
        recorder.server = server
        return server
    }

    /// `http://host:port` followed by `path`.
    public func url(_ path: String = "/") -> String { "http://\(host):\(port)\(path)" }

    /// Every request served so far, in order of arrival.
    public var requests: [FixtureRequest] { log.withLock { $0 } }

    /// Stops listening and drops open connections.
    public func stop() async {
        channel.channel.close(promise: nil)
        task.cancel()
        await task.value
    }

    fileprivate func record(_ request: FixtureRequest) { log.withLock { $0.append(request) } }
}

/// Hands the server to its connections once it exists (it is created after the socket is bound).
private final class Recorder: Sendable {
    private let box = Mutex<FixtureServer?>(nil)
    var server: FixtureServer? {
        get { box.withLock { $0 } }
        set { box.withLock { $0 = newValue } }
    }
}

private func serve(
    _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, host: String,
    handler: @Sendable (FixtureRequest) async -> FixtureResponse, recorder: Recorder
) async {
    do {
        try await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let value): head = value
                case .body: continue
                case .end:
                    guard let request = head else { continue }
                    var headers: [String: String] = [:]
                    for (name, value) in request.headers {
                        headers[name.lowercased(), default: ""] +=
                            (headers[name.lowercased()] == nil ? "" : ", ") + value
                    }
                    let fixtureRequest = FixtureRequest(
                        method: request.method.rawValue, path: request.uri, headers: headers, localHost: host)
                    recorder.server?.record(fixtureRequest)
                    let response = await handler(fixtureRequest)
                    if response.hang {
                        try await Task.sleep(for: .seconds(3600))
                        return
                    }
                    if response.delay > .zero { try await Task.sleep(for: response.delay) }
                    let keepAlive = request.isKeepAlive && !response.omitLength
                    try await write(response, method: request.method, keepAlive: keepAlive, to: outbound)
                    if !keepAlive { return }
                }
            }
        }
    } catch {
        // The client went away or the server is stopping.
    }
}

private func write(
    _ response: FixtureResponse, method: HTTPMethod, keepAlive: Bool,
    to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
) async throws {
    var headers = HTTPHeaders(response.headers)
    if !response.omitLength {
        headers.replaceOrAdd(name: "Content-Length", value: "\(response.body.count * response.repeats)")
    }
    headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    try await outbound.write(
        .head(
            HTTPResponseHead(
                version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)))
    if method != .HEAD, !response.body.isEmpty {
        let buffer = ByteBuffer(bytes: response.body)
        for index in 0..<response.repeats {
            if index > 0, response.chunkDelay > .zero { try await Task.sleep(for: response.chunkDelay) }
            try await outbound.write(.body(.byteBuffer(buffer)))
        }
    }
    try await outbound.write(.end(nil))
}
