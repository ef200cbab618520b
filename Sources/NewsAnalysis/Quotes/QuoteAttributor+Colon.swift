internal import NewsCore
internal import NewsText

/// Lines a speaker's name and a colon open: a transcript's turns ("PENCE: Well, look, …") and headlines
/// that put words in someone's mouth ("Pence: Flowers Won't Be at Debate").
extension QuoteAttributor {
    /// Adds an attribution for every paragraph opened by a speaker and a colon, running to the paragraph's end,
    /// and drops the unattributed quotes in marks it overlaps.
    mutating func colonLines(_ quotes: inout [Quote]) {
        let sentences = context.text.sentenceTokens
        var found: [Quote] = []
        var surnames: [String: Int]?
        for sentence in sentences.indices where context.sentenceRoles[sentence] == .body {
            let paragraph = context.text.sentenceParagraphs[sentence]
            guard sentence == 0 || context.text.sentenceParagraphs[sentence - 1] != paragraph,
                let (colon, speaker, transcript) = colonSpeaker(opening: sentences[sentence], surnames: &surnames)
            else { continue }
            var last = sentences[sentence].upperBound - 1
            var next = sentence + 1
            while next < sentences.count, context.text.sentenceParagraphs[next] == paragraph {
                last = sentences[next].upperBound - 1
                next += 1
            }
            let first = colon + 1
            // Words in marks right after the colon are a quote the marks already give.
            guard first <= last, !QuoteMarks.doubleMarks.contains(context.lower[first]),
                !QuoteMarks.singleMarks.contains(context.lower[first]),
                (first...last).count(where: { context.tokens[$0].kind == .word }) >= 3
            else { continue }
            let range = context.range(first, last)
            found.append(
                quote(
                    kind: transcript ? .direct : .indirect, range: range, attribution: (colon, speaker),
                    sentence: sentence))
        }
        guard !found.isEmpty else { return }
        // Unattributed words in marks there are the lines' own, or the marks a transcript set as a quote opens
        // its turns with.
        let lines = SpanIndex(found.map(\.range))
        quotes.removeAll { quote in
            quote.speaker == nil && quote.speakerMention == nil && !lines.overlapping(quote.range).isEmpty
        }
        quotes += found
    }

    /// The colon and speaker opening `tokens`, and whether the speaker is written in capitals as transcripts
    /// write it: a person's or organisation's name, a capitalised surname of a person the article names, or a
    /// document ("Poll:"), in at most four tokens.
    private func colonSpeaker(
        opening tokens: Range<Int>, surnames: inout [String: Int]?
    ) -> (colon: Int, speaker: Speaker, transcript: Bool)? {
        // NB: a paragraph of spaces no break skips (U+00A0 alone) is a sentence without tokens.
        guard !tokens.isEmpty else { return nil }
        // A transcript set as a quote opens each turn with a mark (`"PENCE: Well, …`).
        let opensWithMark = QuoteMarks.doubleMarks.contains(context.lower[tokens.lowerBound])
        let start = tokens.lowerBound + (opensWithMark ? 1 : 0)
        guard start < tokens.upperBound, opensWithMark || !finder.quoted[start],
            let colon = (start + 1..<min(tokens.upperBound, start + 5)).first(where: { context.lower[$0] == ":" }),
            colon + 1 < tokens.upperBound
        else { return nil }
        let last = colon - 1
        let mention = table.mention(at: start).flatMap { found -> Int? in
            let kind = table.entities[found.entity].kind
            return found.candidate.first == start && found.candidate.last == last
                && (kind == .person || kind == .organization) ? found.entity : nil
        }
        guard (start...last).allSatisfy({ context.tokens[$0].kind == .word || context.isPunctuation($0, ".") })
        else { return nil }
        // "PENCE:", "CHRIS WALLACE:": capitals naming a person the article names ("Mike Pence") are a
        // transcript's turn; an editor's heading in capitals ("CLARIFICATION:", "UPDATE:") speaks for nobody.
        if (start...last).allSatisfy({ context.tokens[$0].kind != .word || isAllCapitals($0) }) {
            if surnames == nil { surnames = personSurnames() }
            guard !(start...last).contains(where: { Self.editorialHeadings.contains(context.lower[$0]) }),
                let person = surnames?[context.lower[last]] ?? mention
            else { return nil }
            return (colon, Speaker(first: start, last: last, entity: person), true)
        }
        if let mention { return (colon, Speaker(first: start, last: last, entity: mention), false) }
        if last == start, context.has(start, .documentNoun), context.isCapitalized(start) {
            return (colon, Speaker(first: start, last: last, headNoun: context.lower[start]), false)
        }
        return nil
    }

    /// Words of the headings editors put before a note, a link or a correction.
    static let editorialHeadings: Set<String> = [
        "clarification", "correction", "corrections", "update", "updated", "editor", "editor's", "editors", "note",
        "watch", "read", "related", "breaking", "advertisement", "photos", "photo", "video", "listen", "disclosure",
        "live", "more", "see", "also",
    ]

    /// The last word of every person's name of two words or more (lower case), to the first person it ends.
    private func personSurnames() -> [String: Int] {
        var surnames: [String: Int] = [:]
        for (entity, found) in table.entities.enumerated() where found.kind == .person {
            let words = found.name.lowercased().split(separator: " ")
            guard words.count > 1, let surname = words.last else { continue }
            if surnames[String(surname)] == nil { surnames[String(surname)] = entity }
        }
        return surnames
    }

    /// Whether the word at `index` is in capitals throughout and has two letters or more ("PENCE").
    func isAllCapitals(_ index: Int) -> Bool {
        let range = context.tokens[index].range
        guard range.length >= 2 else { return false }
        return (range.start..<range.end).allSatisfy { byte in
            let value = context.text.bytes[byte]
            return value >= UInt8(ascii: "A") && value <= UInt8(ascii: "Z")
        }
    }
}
