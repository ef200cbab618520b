internal import Foundation

/// An IPv4 or IPv6 address as bytes, with the classes that decide whether fetching from it is safe.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// An address from its bytes; `nil` unless there are 4 or 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses dotted IPv4 (`10.0.0.1`) or IPv6 text (`::1`, `[fe80::1]`, `::ffff:10.0.0.1`); `nil` for anything
    /// else, host names included.
    public init?(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        if let v4 = Self.parseIPv4(text) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(text) {
            bytes = v6
        } else {
            return nil
        }
    }

    /// Whether a URL host is written as a number the system resolver would read as an IPv4 address in a form
    /// other than four plain decimal parts: `0x7f.1`, `2130706433`, `127.1`, `012.0.0.1`. Such hosts are refused
    /// rather than guessed at (URL hosts whose last label is numeric are addresses, not names, as WHATWG's URL
    /// standard has it).
    public static func isAmbiguousNumericHost(_ host: String) -> Bool {
        var text = Substring(host)
        if text.hasSuffix(".") { text = text.dropLast() }
        guard let last = text.split(separator: ".", omittingEmptySubsequences: false).last, !last.isEmpty else {
            return false
        }
        let lower = last.lowercased()
        let numeric =
            lower.allSatisfy { $0.isASCII && $0.isNumber }
            || (lower.hasPrefix("0x") && lower.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit })
        return numeric && parseIPv4(text) == nil
    }

    /// Whether it is an IPv4 address.
    public var isIPv4: Bool { bytes.count == 4 }

    /// The IPv4 address an IPv6 address embeds (`::ffff:a.b.c.d` mapped, `::a.b.c.d` compatible, `64:ff9b::/96`
    /// NAT64), so that a private IPv4 address cannot hide inside an IPv6 one.
    public var embeddedIPv4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let head = bytes[0..<12]
        let mapped = head.elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF])
        let compatible =
            head.allSatisfy { $0 == 0 } && bytes[12..<16].contains { $0 != 0 }
            && !(bytes[12..<15].allSatisfy { $0 == 0 } && bytes[15] <= 1)
        let nat64 = head.elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0])
        guard mapped || compatible || nat64 else { return nil }
        return IPAddress(bytes: Array(bytes[12..<16]))
    }

    /// What kind of address it is.
    public var kind: AddressKind {
        if let inner = embeddedIPv4 { return inner.kind }
        return isIPv4 ? Self.classifyIPv4(bytes) : Self.classifyIPv6(bytes)
    }

    public var description: String {
        if isIPv4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16))
        }
        return groups.joined(separator: ":")
    }

    private static func classifyIPv4(_ b: [UInt8]) -> AddressKind {
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (10, _), (172, 16...31), (192, 168): return .privateUse
        case (100, 64...127): return .privateUse  // carrier-grade NAT
        case (169, 254): return .linkLocal
        case (224...239, _): return .multicast
        case (240...255, _): return .reserved  // incl. broadcast
        case (192, 0) where b[2] == 0 || b[2] == 2: return .reserved  // IETF assignments, TEST-NET-1
        case (198, 18...19): return .reserved  // benchmarking
        case (198, 51) where b[2] == 100: return .reserved
        case (203, 0) where b[2] == 113: return .reserved
        default: return .global
        }
    }

    private static func classifyIPv6(_ b: [UInt8]) -> AddressKind {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }), b[15] == 1 { return .loopback }
        if b[0] == 0xFF { return .multicast }
        if b[0] == 0xFE, b[1] & 0xC0 == 0x80 { return .linkLocal }
        if b[0] == 0xFE, b[1] & 0xC0 == 0xC0 { return .privateUse }  // deprecated site-local
        if b[0] & 0xFE == 0xFC { return .privateUse }  // unique local fc00::/7
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0D, b[3] == 0xB8 { return .reserved }  // documentation
        if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return .reserved }  // discard-only 100::/64
        return .global
    }

    private static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            // NB: no leading zeros: the system resolver reads `012` as octal (10), so a part it reads otherwise
            // than we do would let a private address pass as a public one.
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part),
                part.count == 1 || part.first != "0"
            else {
                return nil
            }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            guard !part.isEmpty else { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    bytes += v4
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
                }
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

/// The classes of address an SSRF guard tells apart.
public enum AddressKind: String, Sendable, Hashable {
    /// Reachable on the internet.
    case global
    /// This machine (`127.0.0.0/8`, `::1`).
    case loopback
    /// A private network (`10/8`, `172.16/12`, `192.168/16`, `100.64/10`, `fc00::/7`).
    case privateUse = "private"
    /// This link only (`169.254/16`, cloud metadata services among them; `fe80::/10`).
    case linkLocal = "link-local"
    /// Multicast (`224/4`, `ff00::/8`).
    case multicast
    /// `0.0.0.0`, `::`.
    case unspecified
    /// Reserved, documentation, benchmarking and broadcast ranges.
    case reserved
}
