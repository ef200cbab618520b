import Foundation
import NewsDedup
import NewsTesting
import Testing

@Suite("Near-duplicates and wire copies")
struct DuplicateIndexTests {
    static let wire = """
        WASHINGTON (AP) — The State Department said Tuesday it has seen a marked and troubling increase in \
        civilian deaths in Syria since Russia began its air campaign in support of President Bashar Assad.

        Spokesman Mark Toner told reporters that reports of hundreds of civilian deaths were extremely \
        disturbing and that attacks on the most vulnerable undermine efforts to reach a political solution.

        Secretary of State John Kerry raised the concerns with Russian Foreign Minister Sergei Lavrov in a \
        phone call, Toner said, ahead of peace talks planned for next month in Geneva.

        The Syrian Network for Human Rights said Russian strikes had killed 849 civilians since September.
        """

    @Test("FNV-1a and the mix are the published functions (signatures must not change between builds)")
    func stableHashes() {
        #expect(StableHash.fnv1a(Array("abc".utf8)) == 0xe71f_a219_0541_574b)
        #expect(StableHash.fnv1a([]) == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.mix(0) == 0xe220_a839_7b1d_cdaf)
        let signature = MinHashSignature(text: "the quick brown fox jumps over the lazy dog")
        #expect(signature.values.count == 64)
        #expect(MinHashSignature(text: "THE  quick brown fox, jumps over the lazy dog!") == signature)
    }

    @Test("the same text, a wire copy with a new headline and a cut, and an independent report")
    func relations() {
        var index = DuplicateIndex()
        let first = index.add(id: "ap", text: "Syria civilian deaths troubling, US says\n\n" + Self.wire)
        #expect(first.relation == .independent && first.origin == "ap" && first.credits.contains("AP"))

        let same = index.add(id: "same", text: "Syria civilian deaths troubling, US says\n\n" + Self.wire.uppercased())
        #expect(same.relation == .identical && same.origin == "ap")

        let paragraphs = Self.wire.components(separatedBy: "\n\n")
        let rerun = "US alarmed by Russian strikes in Syria\n\n" + paragraphs.dropLast().joined(separator: "\n\n")
        let copy = index.add(id: "outlet2", text: rerun)
        #expect(copy.relation == .wireCopy && copy.origin == "ap", "similarity \(copy.similarity)")

        let other = """
            The United States says reports of Russian airstrikes killing hundreds of Syrian civilians are \
            "extremely disturbing." State Department spokesman Mark Toner said Tuesday there is a focus on \
            pushing the political process ahead of planned peace talks.
            """
        let independent = index.add(id: "voa", text: other)
        #expect(independent.relation == .independent && independent.origin == "voa")
    }

    /// Saved entries as a store keeps them: positions, buckets newest first.
    final class SavedEntries: DuplicateSource {
        var entries: [Int32: DuplicateEntry] = [:]
        var buckets: [UInt64: [Int32]] = [:]
        var reads = 0

        func save(_ new: [DuplicateEntry]) {
            for entry in new {
                entries[entry.position] = entry
                for key in entry.bandKeys { buckets[key, default: []].append(entry.position) }
            }
        }

        func positions(inBucket key: UInt64, in range: Range<Int32>, limit: Int) -> [Int32] {
            reads += 1
            return Array((buckets[key] ?? []).reversed().filter(range.contains).prefix(limit))
        }

        func entries(at positions: [Int32]) -> [DuplicateEntry] { positions.compactMap { entries[$0] } }
    }

    @Test("an index over saved entries decides as one holding them all, and hands back only what it added")
    func savedEntriesDecideAlike() throws {
        let paragraphs = Self.wire.components(separatedBy: "\n\n")
        let texts = [
            ("ap", "Syria civilian deaths troubling, US says\n\n" + Self.wire),
            ("harbour", "Unrelated story about a harbour\n\nThe harbour road was closed on Tuesday."),
            ("copy", "US alarmed\n\n" + paragraphs.dropLast().joined(separator: "\n\n")),
            ("again", "Harbour news\n\nThe harbour road was closed on Tuesday."),
        ]
        var whole = DuplicateIndex()
        let expected = texts.map { whole.add(id: $0.0, text: $0.1) }
        #expect(expected[2].relation != .independent && expected[2].origin == "ap")
        // The first two saved; the next ones decided by an index over them, one at a time.
        var first = DuplicateIndex()
        let saved = SavedEntries()
        var decisions = texts.prefix(2).map { first.add(id: $0.0, text: $0.1) }
        saved.save(first.takeNewEntries())
        #expect(first.takeNewEntries().isEmpty)
        for (id, text) in texts.dropFirst(2) {
            var index = DuplicateIndex(count: saved.entries.count, source: saved)
            decisions.append(index.add(id: id, text: text))
            let added = index.takeNewEntries()
            #expect(added.count == 1 && added.first?.position == Int32(saved.entries.count))
            saved.save(added)
        }
        #expect(decisions == expected)
        #expect(saved.reads > 0)
    }

    @Test("a copy is recognised within the horizon only, alike in memory and over saved entries")
    func horizon() {
        let original = "Syria civilian deaths troubling, US says\n\n" + Self.wire
        let filler = (0..<5).map {
            ("filler\($0)", "Harbour note \($0)\n\nThe harbour road \($0) was closed on day \($0).")
        }
        for (gap, expected) in [(2, DuplicateRelation.identical), (5, .independent)] {
            var memory = DuplicateIndex(horizon: 4)
            let saved = SavedEntries()
            var first = DuplicateIndex(horizon: 4)
            _ = memory.add(id: "ap", text: original)
            _ = first.add(id: "ap", text: original)
            saved.save(first.takeNewEntries())
            for (id, text) in filler.prefix(gap) {
                _ = memory.add(id: id, text: text)
                var index = DuplicateIndex(horizon: 4, count: saved.entries.count, source: saved)
                _ = index.add(id: id, text: text)
                saved.save(index.takeNewEntries())
            }
            var index = DuplicateIndex(horizon: 4, count: saved.entries.count, source: saved)
            let overSaved = index.add(id: "rerun", text: original)
            let inMemory = memory.add(id: "rerun", text: original)
            #expect(inMemory == overSaved)
            #expect(inMemory.relation == expected, "\(gap) articles between")
            #expect(index.oldestCompared == max(0, Int32(gap + 2) - 4))
        }
    }

    @Test("the index schema 7 saved as one document is read, every entry handed back to be written")
    func legacyStateIsRead() throws {
        var whole = DuplicateIndex()
        _ = whole.add(id: "ap", text: "Syria civilian deaths troubling, US says\n\n" + Self.wire)
        let entries = whole.takeNewEntries()
        var hex = ""
        for value in entries.flatMap(\.signature.values) {
            for byte in 0..<4 { hex += String(format: "%02x", (value >> (8 * UInt32(byte))) & 0xFF) }
        }
        let credits = String(decoding: try JSONEncoder().encode(entries.map(\.credits)), as: UTF8.self)
        let json = """
            {"options": {"identical": 0.9, "wireCopy": 0.5, "creditedCopy": 0.3}, "ids": ["ap"], "origins": [0],
             "credits": \(credits), "packedSignatures": "\(hex)"}
            """
        var legacy = try DuplicateIndex(legacyState: Array(json.utf8))
        #expect(legacy.count == 1)
        #expect(legacy.takeNewEntries() == entries)
        #expect(throws: DuplicateStateError.self) { try DuplicateIndex(legacyState: Array("{}".utf8)) }
    }
    @Test("credits are read from datelines and closing lines")
    func credits() {
        #expect(WireCredits.agencies(in: "BEIRUT (Reuters) - Fighting resumed.") == ["Reuters"])
        #expect(WireCredits.agencies(in: "Text of the story.\n\nTRTWorld and agencies") == ["agencies"])
        #expect(WireCredits.agencies(in: "A story written in house.").isEmpty)
    }

    @Test("random texts rarely collide; every text finds its own exact copy", arguments: 0..<5)
    func randomTexts(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let vocabulary = (0..<2000).map { "w\($0)" }
        var index = DuplicateIndex()
        var texts: [String] = []
        for number in 0..<200 {
            let text = (0..<120).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            texts.append(text)
            #expect(index.add(id: "t\(number)", text: text).relation == .independent)
        }
        for (number, text) in texts.enumerated() {
            let copy = index.add(id: "c\(number)", text: text)
            #expect(copy.relation == .identical && copy.origin == "t\(number)")
        }
    }
}
