internal import Foundation

/// The rules of a robots.txt file for one product token (RFC 9309): the group naming the token, else the
/// `*` group; the longest matching path pattern wins and `Allow` wins a tie; `*` and `$` in patterns.
public struct RobotsRules: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var allow: Bool
        var pattern: [UInt8]
    }

    let rules: [Rule]
    /// The `Crawl-delay` the group asks for, in seconds (not in the RFC, but widely used).
    public let crawlDelaySeconds: Double?

    /// Everything allowed (no robots.txt, or a 4xx for it).
    public static let allowAll = RobotsRules(rules: [], crawlDelaySeconds: nil)

    init(rules: [Rule], crawlDelaySeconds: Double?) {
        self.rules = rules
        self.crawlDelaySeconds = crawlDelaySeconds
    }

    /// Parses `text` for `token` (matched case-insensitively against each `User-agent` line).
    public init(parsing text: String, token: String) {
        let token = token.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything: no rule.
                if value.isEmpty { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: Self.normalise(value)))
            case "crawl-delay":
                lastWasAgent = false
                guard !groups.isEmpty, let seconds = Double(value), seconds >= 0 else { continue }
                groups[groups.count - 1].delay = seconds
            default:
                lastWasAgent = false
            }
        }
        // Groups naming the token (as a prefix of the agent's product, e.g. "corroborate/1.0"), else `*`.
        let named = groups.filter { group in group.agents.contains { $0 == token || $0.hasPrefix(token + "/") } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        rules = chosen.flatMap(\.rules)
        crawlDelaySeconds = chosen.compactMap(\.delay).max()
    }

    /// Whether the path (with its query) may be fetched.
    public func allows(path: String) -> Bool {
        let target = Self.normalise(path.isEmpty ? "/" : path)
        if target == Array("/robots.txt".utf8) { return true }
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, target) {
            if let current = best {
                if rule.pattern.count > current.pattern.count
                    || (rule.pattern.count == current.pattern.count && rule.allow)
                {
                    best = rule
                }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// Percent-encodes what must be and upper-cases escapes, so `/a%3c` and `/a%3C` compare equal.
    private static func normalise(_ path: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count {
                out.append(byte)
                out.append(contentsOf: bytes[index + 1...index + 2].map { $0 >= 97 && $0 <= 102 ? $0 - 32 : $0 })
                index += 3
                continue
            }
            if byte >= 0x80 || byte <= 0x20 {
                let hex = Array("0123456789ABCDEF".utf8)
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// Pattern matching with `*` (any run) and a final `$` (end of path); otherwise a prefix match.
    private static func matches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        var pattern = pattern[...]
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern = pattern.dropLast() }
        let pieces = pattern.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
        var position = path.startIndex
        for (index, piece) in pieces.enumerated() {
            if index == 0 {
                guard path[position...].starts(with: piece) else { return false }
                position += piece.count
                continue
            }
            if index == pieces.count - 1, anchored {
                return path.count - position >= piece.count && path[(path.count - piece.count)...].elementsEqual(piece)
            }
            guard let found = firstRange(of: piece, in: path, from: position) else { return false }
            position = found
        }
        return !anchored || position == path.endIndex
    }

    private static func firstRange(of piece: ArraySlice<UInt8>, in path: [UInt8], from start: Int) -> Int? {
        if piece.isEmpty { return start }
        var index = start
        while index + piece.count <= path.count {
            if path[index..<index + piece.count].elementsEqual(piece) { return index + piece.count }
            index += 1
        }
        return nil
    }
}
