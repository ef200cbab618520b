internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1
internal import NIOHTTPCompression
internal import NIOPosix

/// A request: the address and what the caller already has of it.
public struct FetchRequest: Sendable, Hashable {
    /// An absolute http(s) URL.
    public var url: String
    /// The media types wanted (`Accept`).
    public var accept: String
    /// The `ETag` of the copy the caller has, for a conditional GET.
    public var etag: String?
    /// The `Last-Modified` of the copy the caller has.
    public var lastModified: String?
    /// A smaller body cap than the policy's, if any.
    public var maxBytes: Int?

    /// Creates a request.
    public init(
        url: String, accept: String = "*/*", etag: String? = nil, lastModified: String? = nil, maxBytes: Int? = nil
    ) {
        self.url = url
        self.accept = accept
        self.etag = etag
        self.lastModified = lastModified
        self.maxBytes = maxBytes
    }
}

/// What came back.
public struct FetchResponse: Sendable, Hashable {
    /// The final status (after redirects): 200-299, or 304 for an unchanged conditional GET.
    public var status: Int
    /// The address the body came from, after redirects.
    public var url: String
    /// The response headers, names lowercased; repeated ones joined with ", ".
    public var headers: [String: String]
    /// The body, decompressed; empty for 304.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, url: String, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Whether the server said the caller's copy is current.
    public var notModified: Bool { status == 304 }
}

/// Fetches over HTTP(S) safely and politely: every hop's host is resolved and checked against the address
/// policy and the connection is pinned to the checked address (so DNS cannot change its answer between the
/// check and the connect); redirects are followed by hand, each hop checked again; bodies are capped and
/// decompressed; requests to one host are limited and spaced.
///
/// Make one per run and `shutdown()` it after: it keeps one connection pool per host.
public final class HTTPFetcher: Sendable {
    /// How it behaves.
    public let policy: FetchPolicy
    let gate: HostGate
    let robots = RobotsCache()
    private let clients: ClientPool

    /// Creates a fetcher.
    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        gate = HostGate(limit: policy.perHostConcurrency, interval: policy.perHostInterval)
        clients = ClientPool(policy: policy)
    }

    /// Closes every connection; the fetcher cannot be used afterwards.
    public func shutdown() async { await clients.shutdown() }

    /// Fetches `request`, following redirects; a 304 comes back as a response, any other non-2xx status as
    /// `FetchError.status`.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        let deadline = NIODeadline.now() + TimeAmount(policy.totalTimeout)
        var current = request.url
        var visited: Set<String> = []
        var firstKind: AddressKind?
        for _ in 0...policy.maxRedirects {
            guard let target = URLComponents(string: current), let scheme = target.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let written = target.host, !written.isEmpty,
                let hostRange = target.rangeOfHost
            else { throw FetchError(.badURL, "\(current) is not an http(s) address") }
            let host = written.lowercased()
            if IPAddress.isAmbiguousNumericHost(host) {
                throw FetchError(
                    .badURL,
                    "\(current): \(written) is a numeric address in a form resolvers read differently "
                        + "(leading zeros, hex or fewer than four parts); write it as four decimal parts")
            }
            // NB: the host is normalised once, here, and the URL sent is the one with that host: the client looks
            // its pinned address up by the host as written, and `DUAL.test` must not miss the pin for `dual.test`.
            current.replaceSubrange(hostRange, with: current[hostRange].lowercased())
            visited.insert(current)
            let (client, address) = try await clients.client(for: host)
            if let firstKind, !policy.addresses.permitsRedirect(from: firstKind, to: address.kind) {
                throw FetchError(
                    .refusedAddress,
                    "\(request.url) redirects from a public address to \(host) (\(address), \(address.kind.rawValue)): "
                        + "a public host may not send the fetcher into a private network")
            }
            firstKind = firstKind ?? address.kind
            let response = try await send(request, to: current, host: host, client: client, deadline: deadline)
            if [301, 302, 303, 307, 308].contains(response.status) {
                guard let location = response.headers["location"],
                    let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString
                else {
                    throw FetchError(.failed, "\(current) redirects without a usable Location", status: response.status)
                }
                if visited.contains(next) {
                    throw FetchError(.tooManyRedirects, "\(request.url) redirects in a loop (back to \(next))")
                }
                current = next
                continue
            }
            return response
        }
        throw FetchError(.tooManyRedirects, "\(request.url) redirects more than \(policy.maxRedirects) times")
    }

    /// One hop: waits for the host's turn, sends, reads the body under the cap.
    private func send(
        _ request: FetchRequest, to url: String, host: String, client: HTTPClient, deadline: NIODeadline
    ) async throws(FetchError) -> FetchResponse {
        let start = await gate.enter(host)
        defer { Task { await gate.leave(host) } }
        if start > .now { try? await Task.sleep(until: start, clock: .continuous) }
        var outgoing = HTTPClientRequest(url: url)
        outgoing.headers.add(name: "User-Agent", value: policy.userAgent)
        outgoing.headers.add(name: "Accept", value: request.accept)
        if let etag = request.etag { outgoing.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = request.lastModified {
            outgoing.headers.add(name: "If-Modified-Since", value: lastModified)
        }
        let cap = min(request.maxBytes ?? policy.maxBytes, policy.maxBytes)
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            let status = Int(response.status.code)
            if (300..<400).contains(status) {
                return FetchResponse(status: status, url: url, headers: headers, body: [])
            }
            guard (200..<300).contains(status) else {
                throw FetchError(
                    .status, "\(url) answered \(status) \(response.status.reasonPhrase)", status: status,
                    retryAfterSeconds: headers["retry-after"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            }
            if let length = headers["content-length"].flatMap(Int.init), length > cap,
                headers["content-encoding"] == nil
            {
                throw FetchError(.tooLarge, "\(url) is \(length) bytes, over the \(cap)-byte limit")
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= cap else {
                    throw FetchError(.tooLarge, "\(url) is over the \(cap)-byte limit")
                }
                // NB: the read timeout catches a silent host; a host trickling bytes is caught here.
                guard NIODeadline.now() < deadline else {
                    throw FetchError(.timeout, "\(url) sent its body too slowly (over \(policy.totalTimeout))")
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return FetchResponse(status: status, url: url, headers: headers, body: body)
        } catch let error as FetchError {
            throw error
        } catch {
            throw Self.describe(error, url: url)
        }
    }

    /// A client error as a `FetchError` with a reason a person can act on.
    static func describe(_ error: any Error, url: String) -> FetchError {
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return FetchError(.timeout, "\(url) did not answer in time")
            case .connectTimeout:
                return FetchError(.connect, "\(url): connection timed out")
            case .remoteConnectionClosed:
                return FetchError(.failed, "\(url) closed the connection before answering")
            default: break
            }
        }
        if error is NIOHTTPDecompression.DecompressionError {
            return FetchError(.tooLarge, "\(url) decompresses to more than the limit (or is not valid gzip/deflate)")
        }
        if let io = error as? IOError {
            return FetchError(.connect, "\(url): \(String(cString: strerror(io.errnoCode)).lowercased())")
        }
        if error is NIOConnectionError || error is ChannelError {
            return FetchError(.connect, "\(url): cannot connect (\(error))")
        }
        if error is CancellationError { return FetchError(.timeout, "\(url): cancelled") }
        return FetchError(.failed, "\(url): \(error)")
    }
}

/// One HTTP client per host, each pinned to the address checked for that host.
private actor ClientPool {
    private let policy: FetchPolicy
    private var clients: [String: Task<Result<(HTTPClient, IPAddress), FetchError>, Never>] = [:]

    init(policy: FetchPolicy) { self.policy = policy }

    /// The client for `host` (lower-cased) and the address it is pinned to.
    func client(for host: String) async throws(FetchError) -> (HTTPClient, IPAddress) {
        let task: Task<Result<(HTTPClient, IPAddress), FetchError>, Never>
        if let existing = clients[host] {
            task = existing
        } else {
            let policy = policy
            task = Task { await Self.makeClient(host: host, policy: policy) }
            clients[host] = task
        }
        return try await task.value.get()
    }

    func shutdown() async {
        for task in clients.values {
            if case .success(let (client, _)) = await task.value { try? await client.shutdown() }
        }
        clients.removeAll()
    }

    private static func makeClient(
        host: String, policy: FetchPolicy
    ) async -> Result<(HTTPClient, IPAddress), FetchError> {
        let addresses: [IPAddress]
        switch await HostResolver.resolve(host) {
        case .success(let found): addresses = found
        case .failure(let error): return .failure(error)
        }
        guard let allowed = addresses.first(where: policy.addresses.permits) else {
            let kinds = Set(addresses.map(\.kind.rawValue)).sorted().joined(separator: ", ")
            return .failure(
                FetchError(
                    .refusedAddress,
                    "\(host) resolves to \(addresses.map(\.description).joined(separator: ", ")) (\(kinds)): "
                        + "not fetched from by default (allow private addresses to fetch from it)"))
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(policy.connectTimeout), read: TimeAmount(policy.readTimeout)),
            decompression: .enabled(limit: .size(policy.maxBytes)))
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: policy.perHostConcurrency)
        // NB: the pin: connections go to the address just checked, never to a fresh lookup's answer, while TLS
        // still verifies the certificate against the host name.
        if IPAddress(host) == nil { configuration.dnsOverride = [host: allowed.description] }
        return .success(
            (HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration), allowed))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
