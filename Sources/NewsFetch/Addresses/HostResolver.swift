internal import NIOPosix

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Resolves host names with the system resolver, off the caller's thread.
enum HostResolver {
    /// The addresses `host` resolves to (an address literal resolves to itself), or why it does not.
    static func resolve(_ host: String) async -> Result<[IPAddress], FetchError> {
        if let literal = IPAddress(host) { return .success([literal]) }
        let outcome = try? await NIOThreadPool.singleton.runIfActive { () -> Result<[IPAddress], FetchError> in
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            let status = getaddrinfo(host, nil, &hints, &list)
            guard status == 0, let first = list else {
                let message = gai_strerror(status).map { String(cString: $0) } ?? "error \(status)"
                return .failure(FetchError(.dns, "cannot resolve \(host): \(message.lowercased())"))
            }
            defer { freeaddrinfo(first) }
            var addresses: [IPAddress] = []
            var node: UnsafeMutablePointer<addrinfo>? = first
            while let current = node {
                if let socketAddress = current.pointee.ai_addr {
                    let bytes: [UInt8]? =
                        switch Int32(socketAddress.pointee.sa_family) {
                        case AF_INET: Self.bytes(socketAddress, as: sockaddr_in.self) { $0.sin_addr }
                        case AF_INET6: Self.bytes(socketAddress, as: sockaddr_in6.self) { $0.sin6_addr }
                        default: nil
                        }
                    if let address = bytes.flatMap(IPAddress.init(bytes:)) { addresses.append(address) }
                }
                node = current.pointee.ai_next
            }
            var seen = Set<IPAddress>()
            let unique = addresses.filter { seen.insert($0).inserted }
            return unique.isEmpty ? .failure(FetchError(.dns, "\(host) has no address")) : .success(unique)
        }
        return outcome ?? .failure(FetchError(.dns, "cannot resolve \(host): the resolver is shut down"))
    }

    /// The address bytes of a socket address of type `Family`, read through `field`.
    private static func bytes<Family, Address>(
        _ socketAddress: UnsafeMutablePointer<sockaddr>, as family: Family.Type, _ field: (Family) -> Address
    ) -> [UInt8] {
        socketAddress.withMemoryRebound(to: Family.self, capacity: 1) { pointer in
            withUnsafeBytes(of: field(pointer.pointee)) { Array($0) }
        }
    }
}
