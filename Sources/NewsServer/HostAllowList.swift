internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NewsFetch

/// The host names the server answers to, against DNS rebinding: a web page on `evil.example` whose name is
/// re-pointed at 127.0.0.1 makes the browser send its requests here with `Host: evil.example`, and could then
/// read the open API. A name is answered only when it is known to mean this server.
///
/// Always allowed: IP literals (a page cannot rebind a name it does not own, and an address in the address
/// bar is the user's own choice), `localhost` and `*.localhost`, requests without a Host (not a browser).
/// Also: the name the server is bound to, the public URL's host, and the names given with `--allowed-host`;
/// `*` among those turns the check off (behind a proxy that checks it already).
public struct HostAllowList: Sendable, Hashable {
    /// Names allowed besides the always-allowed ones, lowercased, without a trailing dot.
    let names: Set<String>
    /// Whether any name is allowed.
    let allowsAny: Bool

    /// The list for a server bound to `bindHost`, linked as `publicURL`, with `extra` names allowed.
    public init(bindHost: String, publicURL: String?, extra: [String]) {
        var names = Set(extra.map(Self.normalised))
        allowsAny = names.contains("*")
        names.remove("*")
        names.insert(Self.normalised(bindHost))
        if let publicURL, let host = URLComponents(string: publicURL)?.host { names.insert(Self.normalised(host)) }
        self.names = names
    }

    /// Whether a request with this Host (or `:authority`) value is answered.
    public func allows(_ hostHeader: String?) -> Bool {
        guard !allowsAny, let hostHeader, !hostHeader.isEmpty else { return true }
        let host = Self.normalised(Self.withoutPort(hostHeader))
        // An IP literal (what a DNS name can never be) is read by the fetcher's own address parser.
        if host == "localhost" || host.hasSuffix(".localhost") || IPAddress(host) != nil { return true }
        return names.contains(host)
    }

    /// `[::1]:8080` → `::1`, `example.org:8080` → `example.org`.
    static func withoutPort(_ value: String) -> String {
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            return String(value[value.index(after: value.startIndex)..<close])
        }
        guard let colon = value.lastIndex(of: ":"), value.firstIndex(of: ":") == colon else { return value }
        return String(value[..<colon])
    }

    static func normalised(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces).lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}

/// Refuses requests for a host the server does not answer to (421, with what to do instead).
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let allowed: HostAllowList

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!]
        guard allowed.allows(host) else {
            let shown = HostAllowList.withoutPort(host ?? "")
            throw APIError(
                .misdirectedRequest, "request.unknown_host",
                "this server does not answer to the host name '\(shown.prefix(100))'",
                hint:
                    "open it by its address (http://127.0.0.1:PORT), or start it with --allowed-host "
                    + shown.prefix(100))
        }
        return try await next(request, context)
    }
}
