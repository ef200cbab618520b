internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import NewsCore
internal import NewsStore
internal import Synchronization

/// API tokens: made at random, shown once, kept only as their SHA-256.
public enum APIToken {
    /// A new token: `cor_` and 32 random bytes as hex (256 bits from the system's secure generator).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "cor_" + SHA256.hex(bytes)
    }

    /// The hash the store keeps of a token.
    public static func hash(_ token: String) -> String { SHA256.hex(SHA256.hash(Array(token.utf8))) }
}

/// Decides who may do what: reads are public unless the server was told otherwise; every write needs a
/// token, sent as `Authorization: Bearer …` (API) or the cookie the login page sets (web UI).
final class AccessControl: Sendable {
    /// The cookie the login page sets.
    static let cookieName = "corroborate_token"

    let store: any ArticleStore
    let readsNeedToken: Bool
    /// Hashes of the valid tokens, re-read from the store every few seconds so `corroborate token create`
    /// and `token revoke` take effect while the server runs.
    private let known = Mutex<(hashes: Set<String>, read: ContinuousClock.Instant?)>((hashes: [], read: nil))
    private let refresh: Duration = .seconds(5)

    init(store: any ArticleStore, readsNeedToken: Bool) {
        self.store = store
        self.readsNeedToken = readsNeedToken
    }

    /// The token a request carries, from its Authorization header or the login cookie.
    static func presentedToken(_ request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let trimmed = pair.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(cookieName + "=") { return String(trimmed.dropFirst(cookieName.count + 1)) }
            }
        }
        return nil
    }

    /// Whether `token` is one the store knows.
    func isValid(_ token: String) async throws(StoreError) -> Bool {
        let hash = APIToken.hash(token)
        let now = ContinuousClock.now
        let cached = known.withLock { state -> Bool? in
            guard let read = state.read, now - read < refresh else { return nil }
            return state.hashes.contains(hash)
        }
        if let cached { return cached }
        let hashes = Set(try await store.tokens().map(\.hash))
        known.withLock { $0 = (hashes, now) }
        return hashes.contains(hash)
    }

    /// Whether the request carries a valid token.
    func isAuthenticated(_ request: Request) async throws(StoreError) -> Bool {
        guard let token = Self.presentedToken(request), !token.isEmpty else { return false }
        return try await isValid(token)
    }

    /// Throws unless the request may write.
    func requireWriter(_ request: Request) async throws {
        guard let token = Self.presentedToken(request), !token.isEmpty else {
            throw APIError(
                .unauthorized, "auth.required", "this needs an API token",
                hint: "make one with `corroborate token create NAME` and send it as `Authorization: Bearer TOKEN` "
                    + "(or log in at /login)")
        }
        guard try await isValid(token) else {
            throw APIError(
                .unauthorized, "auth.invalid", "the token is not valid (revoked, or mistyped)",
                hint: "list tokens with `corroborate token list`; make a new one with `corroborate token create NAME`")
        }
        // NB: a browser sends the cookie with any request to this host; a form posted from another site
        // says so in Origin / Sec-Fetch-Site, and is refused (the cookie is also SameSite=Strict).
        if request.headers[.authorization] == nil, !Self.isSameOrigin(request) {
            throw APIError(.forbidden, "auth.cross_site", "a form from another site cannot change this server")
        }
    }

    /// Throws unless the request may read.
    func requireReader(_ request: Request) async throws {
        guard readsNeedToken else { return }
        try await requireToken(request)
    }

    private func requireToken(_ request: Request) async throws {
        guard let token = Self.presentedToken(request), !token.isEmpty, try await isValid(token) else {
            throw APIError(
                .unauthorized, "auth.required", "this server needs a token to read",
                hint: "send `Authorization: Bearer TOKEN`, or log in at /login")
        }
    }

    static func isSameOrigin(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" {
            return false
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" else { return true }
        guard let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

/// Headers every response gets: a Content-Security-Policy that allows only this server's own scripts and
/// styles (no inline script, no plug-ins, no framing), and the other browser hardening headers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        return response
    }
}
