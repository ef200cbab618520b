import Foundation
import Glibc
import Logging
import NewsFetch
import NewsServer
import NewsStore
import NewsStoreSQLite

/// Requests to the real server (web UI, JSON API, feeds out) on 127.0.0.1 over a seeded SQLite file: whatever
/// a client sends, the answer is never a 5xx and always comes.
///
/// An input reads as a request written loosely: `METHOD TARGET` on the first line, `Name: value` header lines,
/// a blank line, the body. The harness frames it (Host, Content-Length, `Connection: close`) so the fuzzer
/// spends its time in Corroborate's routing, parameters and bodies rather than in NIO's HTTP parser, which is
/// fuzzed upstream. `TOKEN` in a header stands for a valid API token, so writes are reached too.
enum RequestTarget {
    static let target = FuzzTarget(name: "request", summary: "HTTP requests to the real server on 127.0.0.1") {
        let (port, token) = startServer()
        return { bytes in
            let request = frame(bytes, port: port, token: token)
            let response = exchange(request, port: port)
            guard let status = status(of: response) else {
                violated("no HTTP answer (\(response.count) bytes) to:\n\(String(decoding: request, as: UTF8.self))")
            }
            if status >= 500 {
                violated(
                    "status \(status) for:\n\(String(decoding: request, as: UTF8.self))\n"
                        + String(decoding: response.prefix(2_000), as: UTF8.self))
            }
        }
    }

    /// Starts the server in this process and returns its port and a token it accepts.
    static func startServer() -> (port: Int, token: String) {
        let store = FuzzDatabase.seeded()
        let token = APIToken.generate()
        let port = blocking { () -> Int in
            do {
                _ = try await store.addToken(name: "fuzz", hash: APIToken.hash(token), at: FuzzDatabase.when)
                var configuration = ServerConfiguration()
                configuration.port = 0
                configuration.pollFeeds = false
                configuration.resourcesFolder = repositoryRoot.appendingPathComponent("Sources/NewsServer")
                // Feeds a request adds are fetched: keep that short, and on loopback only what the fuzzer names.
                configuration.fetchPolicy.connectTimeout = .milliseconds(300)
                configuration.fetchPolicy.totalTimeout = .seconds(2)
                var logger = Logger(label: "fuzz-server")
                logger.logLevel = .critical
                let server = try await CorroborateServer(store: store, configuration: configuration, logger: logger)
                let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
                Task { try await server.run { port in continuation.yield(port) } }
                var iterator = ports.makeAsyncIterator()
                return await iterator.next() ?? 0
            } catch {
                violated("the server did not start: \(error)")
            }
        }
        return (port, token)
    }

    /// A well-framed HTTP/1.1 request from the fuzzer's loose one.
    static func frame(_ bytes: [UInt8], port: Int, token: String) -> [UInt8] {
        let headEnd = bytes.firstRange(of: Array("\n\n".utf8))
        let head = headEnd.map { bytes[..<$0.lowerBound] } ?? bytes[...]
        let body = headEnd.map { Array(bytes[$0.upperBound...]) } ?? []
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let first = lines.isEmpty ? [] : Array(lines.removeFirst())
        var method = "GET"
        var target = first[...]
        if let space = first.firstIndex(of: UInt8(ascii: " ")),
            space > 0, space <= 10, first[..<space].allSatisfy({ (65...90).contains($0) })
        {
            method = String(decoding: first[..<space], as: UTF8.self)
            target = first[(space + 1)...]
        }
        var path = "/"
        for byte in target where !(path == "/" && byte == UInt8(ascii: "/")) {
            // Bytes a request line cannot hold are escaped, so the request reaches the router.
            path += byte <= 0x20 || byte >= 0x7F ? String(format: "%%%02X", byte) : String(UnicodeScalar(byte))
        }
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        let framing: Set<String> = ["host", "content-length", "connection", "transfer-encoding", "expect"]
        for line in lines.prefix(16) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { continue }
            let name = line[..<colon]
            guard name.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: ":") }) else { continue }
            let value = line[(colon + 1)...].filter { $0 >= 0x20 && $0 != 0x7F }
            let nameText = String(decoding: name, as: UTF8.self)
            guard !framing.contains(nameText.lowercased()) else { continue }
            let valueText = String(decoding: value, as: UTF8.self).replacing("TOKEN", with: token)
            text += "\(nameText): \(valueText.trimmingCharacters(in: .whitespaces))\r\n"
        }
        text += "Content-Length: \(body.count)\r\n\r\n"
        return Array(text.utf8) + body
    }

    /// Sends one request on a new connection and reads the answer to its end; 20 s without one is a hang.
    static func exchange(_ request: [UInt8], port: Int) -> [UInt8] {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { violated("socket(): \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // NB: libFuzzer's timers interrupt system calls; those are retried.
        var connected: CInt = -1
        repeat {
            connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        } while connected != 0 && errno == EINTR
        guard connected == 0 || errno == EISCONN else { violated("connect(): \(String(cString: strerror(errno)))") }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            // The server may answer (a 413, say) and close before taking the whole body.
            guard count > 0 else { break }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                response += buffer[..<count]
                continue
            }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                violated("no answer within 20 s to:\n\(String(decoding: request.prefix(2_000), as: UTF8.self))")
            }
            if count < 0, errno == EINTR { continue }
            break
        }
        return response
    }

    /// The status code of an HTTP/1.1 answer.
    static func status(of response: [UInt8]) -> Int? {
        let line = String(decoding: response.prefix(32), as: UTF8.self)
        guard line.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(line.dropFirst(9).prefix(3))
    }
}
