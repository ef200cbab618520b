internal import ArgumentParser
internal import Foundation
internal import NewsFetch

/// The fetching options `fetch` and `feeds add` share: politeness, limits and which addresses may be reached.
struct FetchOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Allow loopback and private-network addresses (refused by default to prevent SSRF); link-local ones "
                + "(cloud metadata) stay refused, and so do redirects from a public host into a private network.",
            discussion: "Also set by CORROBORATE_ALLOW_PRIVATE_ADDRESSES=1."))
    var allowPrivateAddresses = false

    @Option(help: ArgumentHelp("Seconds one request may take in all, redirects included.", valueName: "seconds"))
    var timeout: Int = 60

    @Option(help: ArgumentHelp("Requests in flight to one host at once.", valueName: "n"))
    var perHost: Int = 2

    @Option(help: ArgumentHelp("Least milliseconds between two requests to one host.", valueName: "ms"))
    var hostInterval: Int = 250

    func validate() throws {
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        if perHost < 1 { throw ValidationError("--per-host must be at least 1") }
        if hostInterval < 0 { throw ValidationError("--host-interval cannot be negative") }
    }

    /// What to do about a refused address.
    static let privateHint =
        "hint: the address is on this machine or a private network; if that is intended, add --allow-private-addresses"

    /// The fetcher's policy these options describe.
    var policy: FetchPolicy {
        var policy = FetchPolicy()
        policy.totalTimeout = .seconds(timeout)
        policy.readTimeout = .seconds(min(20, timeout))
        policy.connectTimeout = .seconds(min(10, timeout))
        policy.perHostConcurrency = perHost
        policy.perHostInterval = .milliseconds(hostInterval)
        let environment = ProcessInfo.processInfo.environment["CORROBORATE_ALLOW_PRIVATE_ADDRESSES"]
        if allowPrivateAddresses || environment == "1" { policy.addresses = .allowPrivate }
        return policy
    }
}
