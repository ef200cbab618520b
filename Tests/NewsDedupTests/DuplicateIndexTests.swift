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

    @Test("a saved index decides as the original does, from the packed form and from the older one")
    func savedIndexRoundTrips() throws {
        var index = DuplicateIndex()
        _ = index.add(id: "ap", text: "Syria civilian deaths troubling, US says\n\n" + Self.wire)
        _ = index.add(id: "voa", text: "Unrelated story about a harbour\n\nThe harbour road was closed on Tuesday.")
        let data = try JSONEncoder().encode(index)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("packedSignatures") && !json.contains("heads"))
        var restored = try JSONDecoder().decode(DuplicateIndex.self, from: data)
        #expect(restored.count == 2)
        let paragraphs = Self.wire.components(separatedBy: "\n\n")
        let rerun = "US alarmed\n\n" + paragraphs.dropLast().joined(separator: "\n\n")
        var original = index
        #expect(restored.add(id: "copy", text: rerun) == original.add(id: "copy", text: rerun))
        // The form written before signatures were packed: one number per value.
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let hex = try #require(object.removeValue(forKey: "packedSignatures") as? String)
        let bytes = stride(from: 0, to: hex.count, by: 2).map { offset -> UInt8 in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        object["signatures"] = (0..<2).map { article in
            [
                "values": (0..<64).map { value in
                    let base = article * 256 + value * 4
                    return Int(bytes[base]) | Int(bytes[base + 1]) << 8 | Int(bytes[base + 2]) << 16 | Int(
                        bytes[base + 3]) << 24
                }
            ]
        }
        var old = try JSONDecoder().decode(
            DuplicateIndex.self, from: try JSONSerialization.data(withJSONObject: object))
        var again = index
        #expect(old.add(id: "copy", text: rerun) == again.add(id: "copy", text: rerun))
        object["ids"] = ["ap"]
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DuplicateIndex.self, from: try JSONSerialization.data(withJSONObject: object))
        }
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
