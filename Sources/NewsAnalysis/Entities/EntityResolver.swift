internal import NewsCore

/// The entities of an article and, for each token, the mention covering it.
struct EntityTable {
    /// The entities, in order of first mention.
    var entities: [Entity]
    /// The name mentions, in text order, with their entity.
    var mentions: [(candidate: NameCandidate, entity: Int)]
    /// For each token, the index in `mentions` of the mention covering it, or -1.
    var tokenMention: [Int32]

    /// The mention covering `token`, if any.
    func mention(at token: Int) -> (candidate: NameCandidate, entity: Int)? {
        guard token >= 0, token < tokenMention.count, tokenMention[token] >= 0 else { return nil }
        return mentions[Int(tokenMention[token])]
    }

    /// Adds a mention of `entity` (a resolved pronoun or description) in text order.
    mutating func addMention(_ mention: Mention, to entity: Int) {
        guard entity < entities.count, !entities[entity].mentions.contains(mention) else { return }
        entities[entity].mentions.append(mention)
        entities[entity].mentions.sort { $0.range < $1.range }
    }
}

/// Groups name mentions into entities: same canonical name, and short forms ("Toner", "Assad") to the
/// person whose name ends with them.
enum EntityResolver {
    static func resolve(
        _ candidates: [NameCandidate], tokenCount: Int, speechVerbFollows: (Int) -> Bool
    )
        -> EntityTable
    {
        var keys: [String: Int] = [:]
        var groups: [[Int]] = []
        var lastNames: [String: Int] = [:]
        var resolved = candidates

        // Full names of people first, so that a short form seen before them still finds them. A name of unknown
        // kind with a family-name particle inside it is a person's when its last word is also used alone
        // ("Bashar al-Assad" … "Assad"); "Jaysh al Islam" is never called "Islam".
        let alone = Set(candidates.map { key($0.canonical) }.filter { !$0.contains(" ") })
        func isParticleName(_ candidate: NameCandidate) -> Bool {
            guard (candidate.kind ?? .other) == .other, hasParticle(candidate.canonical),
                let last = key(candidate.canonical).split(separator: " ").last
            else { return false }
            return alone.contains(String(last))
        }
        for (index, candidate) in candidates.enumerated() where candidate.kind == .person || isParticleName(candidate) {
            let parts = key(candidate.canonical).split(separator: " ")
            guard parts.count >= 2 else { continue }
            resolved[index].kind = .person
            let group = groupIndex(for: key(candidate.canonical), keys: &keys, groups: &groups)
            groups[group].append(index)
            if let surname = parts.last, lastNames[String(surname)] == nil { lastNames[String(surname)] = group }
        }
        var assigned = Set(groups.flatMap { $0 })
        var organisations: [(words: [String], group: Int)] = []
        for (index, candidate) in candidates.enumerated() where !assigned.contains(index) {
            let normalized = key(candidate.canonical)
            let isSingleWord = !normalized.contains(" ")
            if isSingleWord,
                candidate.kind == nil || candidate.kind == .person || candidate.kind == .other || candidate.isWeak,
                let person = lastNames[normalized]
            {
                resolved[index].kind = .person
                resolved[index].form = .short
                groups[person].append(index)
                assigned.insert(index)
                continue
            }
            // "Department" after "US State Department": the shortest form of an organisation named before.
            if isSingleWord, candidate.kind == .organization, candidate.form == .name,
                let earlier = organisations.last(where: { $0.words.contains(normalized) && $0.words.count > 1 })
            {
                resolved[index].form = .short
                groups[earlier.group].append(index)
                assigned.insert(index)
                continue
            }
            // A lone name before "said" is a person, unless it already names something else ("Telnova said").
            if resolved[index].kind == nil {
                let known = keys[normalized] != nil
                resolved[index].kind = isSingleWord && !known && speechVerbFollows(candidate.last) ? .person : .other
            }
            let group = groupIndex(for: normalized, keys: &keys, groups: &groups)
            groups[group].append(index)
            assigned.insert(index)
            if resolved[index].kind == .organization, !isSingleWord {
                organisations.append((normalized.split(separator: " ").map(String.init), group))
            }
        }

        // Entities in order of first mention.
        let ordered = groups.filter { !$0.isEmpty }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        var entities: [Entity] = []
        var mentions: [(candidate: NameCandidate, entity: Int)] = []
        var entityOfCandidate = [Int](repeating: -1, count: candidates.count)
        for members in ordered {
            let id = entities.count
            let kinds = members.compactMap { resolved[$0].kind }
            let kind: EntityKind =
                kinds.contains(.person)
                ? .person
                : (mostFrequent(kinds.filter { $0 != .other }) ?? .other)
            let name: String
            if kind == .person {
                name = members.map { resolved[$0].text }.max { ($0.count, $1) < ($1.count, $0) } ?? ""
            } else if let known = members.first(where: { resolved[$0].canonical != resolved[$0].text }) {
                name = resolved[known].canonical
            } else {
                name = members.map { resolved[$0].text }.max { ($0.count, $1) < ($1.count, $0) } ?? ""
            }
            let role = members.lazy.compactMap { resolved[$0].role }.first
            entities.append(
                Entity(
                    id: id, kind: kind, name: name, role: role,
                    mentions: members.map { Mention(range: resolved[$0].range, form: resolved[$0].form) }))
            for member in members { entityOfCandidate[member] = id }
        }
        var tokenMention = [Int32](repeating: -1, count: tokenCount)
        for (index, candidate) in resolved.enumerated() where entityOfCandidate[index] >= 0 {
            for token in candidate.first...candidate.last { tokenMention[token] = Int32(mentions.count) }
            mentions.append((candidate, entityOfCandidate[index]))
        }
        return EntityTable(entities: entities, mentions: mentions, tokenMention: tokenMention)
    }

    /// Particles of family names, lower-cased.
    static let particles: Set<String> = [
        "al", "el", "bin", "ibn", "abu", "van", "von", "der", "den", "de", "da", "di", "del", "della", "dos",
    ]

    /// Whether a name of three or more words has a particle inside it (not first or last: "Bashar al Assad").
    static func hasParticle(_ name: String) -> Bool {
        let parts = key(name).split(separator: " ")
        return parts.count >= 3 && parts.dropFirst().dropLast().contains { particles.contains(String($0)) }
    }

    /// The grouping key: lower case, hyphens as spaces, full stops and possessives dropped.
    static func key(_ name: String) -> String {
        // ASCII names (most) fold byte by byte.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "."): continue
                case UInt8(ascii: "-"), UInt8(ascii: " "):
                    if let last = bytes.last, last != UInt8(ascii: " ") { bytes.append(UInt8(ascii: " ")) }
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
                default: bytes.append(byte)
                }
            }
            while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "-", "‐", "–": result.append(" ")
            case ".": continue
            case _ where character.isWhitespace: result.append(" ")  // "al\u{a0}Assad" is "al Assad"
            default: result.append(character)
            }
        }
        return result.split(separator: " ").joined(separator: " ")
    }

    private static func groupIndex(for key: String, keys: inout [String: Int], groups: inout [[Int]]) -> Int {
        if let existing = keys[key] { return existing }
        keys[key] = groups.count
        groups.append([])
        return groups.count - 1
    }

    private static func mostFrequent(_ kinds: [EntityKind]) -> EntityKind? {
        var counts: [EntityKind: Int] = [:]
        for kind in kinds { counts[kind, default: 0] += 1 }
        return counts.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
    }
}
