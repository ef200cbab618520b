/// Why a fetch failed, with a stable code for logs, the feed's error state and the JSON output.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failure classes.
    public enum Code: String, Sendable, Hashable, Codable {
        /// Not an absolute http(s) URL.
        case badURL = "fetch.bad-url"
        /// The host name does not resolve.
        case dns = "fetch.dns"
        /// The address is loopback, private, link-local, multicast or reserved and the policy forbids it.
        case refusedAddress = "fetch.refused-address"
        /// No connection could be made (refused, unreachable, connect timeout).
        case connect = "fetch.connect"
        /// The response did not arrive in time.
        case timeout = "fetch.timeout"
        /// The body is larger than the cap.
        case tooLarge = "fetch.too-large"
        /// More redirects than allowed, or a redirect loop.
        case tooManyRedirects = "fetch.too-many-redirects"
        /// The server answered with an error status.
        case status = "fetch.http-status"
        /// robots.txt forbids the page.
        case robots = "fetch.robots-disallowed"
        /// TLS or protocol failure, or anything else.
        case failed = "fetch.failed"
    }

    /// The class of failure.
    public var code: Code
    /// One line for a person, naming the address.
    public var reason: String
    /// The HTTP status, for `.status`.
    public var status: Int?
    /// Seconds the server asked to wait (`Retry-After`), if it did.
    public var retryAfterSeconds: Int?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, status: Int? = nil, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { reason }

    /// Whether trying again later may help (a 4xx other than 408/429 or a refused address will not).
    public var isTransient: Bool {
        switch code {
        case .badURL, .refusedAddress, .robots, .tooLarge: false
        case .status: status.map { $0 >= 500 || $0 == 408 || $0 == 429 } ?? true
        default: true
        }
    }
}
