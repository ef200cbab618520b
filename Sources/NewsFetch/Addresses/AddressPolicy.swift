/// Which addresses the fetcher may connect to: by default only global ones, so that a feed or a redirect
/// cannot make Corroborate reach into the machine or network it runs on (SSRF).
public struct AddressPolicy: Sendable, Hashable {
    /// The kinds of address allowed besides `global`.
    public var alsoAllowed: Set<AddressKind>

    /// Creates a policy allowing global addresses and `alsoAllowed`.
    public init(alsoAllowed: Set<AddressKind> = []) { self.alsoAllowed = alsoAllowed }

    /// Global addresses only: the default.
    public static let publicOnly = AddressPolicy()

    /// Loopback and private networks too (tests, or feeds on an intranet). Never link-local: `169.254/16` holds
    /// the cloud metadata services, whose answers are credentials, and no feed lives there.
    public static let allowPrivate = AddressPolicy(alsoAllowed: [.loopback, .privateUse, .reserved])

    /// Whether connecting to `address` is allowed.
    public func permits(_ address: IPAddress) -> Bool {
        let kind = address.kind
        return kind == .global || alsoAllowed.contains(kind)
    }

    /// Whether a redirect may lead from an address of kind `from` to one of kind `to`: a public host never
    /// sends the fetcher into the private network, even when private feeds are allowed (a feed on the internet
    /// must not be able to make Corroborate reach the machines beside it).
    public func permitsRedirect(from: AddressKind, to: AddressKind) -> Bool {
        from != .global || to == .global
    }
}
