/// Which addresses the fetcher may connect to: by default only global ones, so that a feed or a redirect
/// cannot make Corroborate reach into the machine or network it runs on (SSRF).
public struct AddressPolicy: Sendable, Hashable {
    /// The kinds of address allowed besides `global`.
    public var alsoAllowed: Set<AddressKind>

    /// Creates a policy allowing global addresses and `alsoAllowed`.
    public init(alsoAllowed: Set<AddressKind> = []) { self.alsoAllowed = alsoAllowed }

    /// Global addresses only: the default.
    public static let publicOnly = AddressPolicy()

    /// Every unicast address: loopback and private networks too (tests, or feeds on an intranet).
    public static let allowPrivate = AddressPolicy(alsoAllowed: [.loopback, .privateUse, .linkLocal, .reserved])

    /// Whether connecting to `address` is allowed.
    public func permits(_ address: IPAddress) -> Bool {
        let kind = address.kind
        return kind == .global || alsoAllowed.contains(kind)
    }
}
