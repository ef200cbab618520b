internal import NewsCore
internal import NewsText

/// One quotation told in pieces around its attribution: `"We will stop," she said. "When we win."`.
extension QuoteAttributor {
    /// Joins each direct quote with the next when only its attribution stands between them (the sentence of the
    /// cue: `she said, clapping.`) in one paragraph, and the next names the same speaker or none: one
    /// person's words are one quote, as a reader (and PolNeAR, which annotates such pieces as one attribution)
    /// takes them. The joined range runs from the first piece to the last, attribution included; `pieces` keeps
    /// each.
    func joinPieces(_ quotes: [Quote]) -> [Quote] {
        var joined: [Quote] = []
        joined.reserveCapacity(quotes.count)
        for quote in quotes {
            if let previous = joined.last, continues(previous, with: quote) {
                joined[joined.count - 1].pieces = previous.spans + [quote.range]
                joined[joined.count - 1].range = previous.range.union(quote.range)
            } else {
                joined.append(quote)
            }
        }
        return joined
    }

    private func continues(_ first: Quote, with next: Quote) -> Bool {
        guard first.kind == .direct, next.kind == .direct, let cue = first.cue, let mention = first.speakerMention,
            first.range.end <= min(cue.start, mention.start), next.range.start >= max(cue.end, mention.end),
            next.speakerMention == nil || next.speakerMention == mention,
            context.text.sentenceParagraphs[first.sentence] == context.text.sentenceParagraphs[next.sentence]
        else { return false }
        // NB: tokens are in text order, so the words between are found by binary search, not a scan.
        var index = firstToken(atOrAfter: first.range.end)
        let cueSentence = context.sentenceOf[firstToken(atOrAfter: cue.start)]
        while index < context.tokens.count, context.tokens[index].range.start < next.range.start {
            if context.tokens[index].kind != .punctuation,
                context.sentenceOf[index] != cueSentence
                    || finder.quoted[index]
            {
                return false
            }
            index += 1
        }
        return true
    }

    func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = context.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if context.tokens[middle].range.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
