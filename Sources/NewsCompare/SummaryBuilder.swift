internal import NewsCore

/// Picks the story's summary (an extractive multi-document summary: one sentence per fact, corroborated
/// facts first, repeats skipped) and its timeline of dated events.
struct SummaryBuilder {
    let claims: [Claim]
    let groups: [RankedGroup]
    let articles: [CoverageArticle]
    let options: ComparisonOptions

    /// The sentence that best stands for a group: the one closest to the others (ties: the earliest article).
    func representative(_ group: RankedGroup) -> Int {
        guard group.members.count > 2 else { return group.members[0] }
        // Each member's summed similarity to the others, computed once (not per comparison).
        let scored = group.members.map { member in
            (
                member,
                group.members.reduce(0.0) {
                    $0 + ($1 == member ? 0 : claims[member].vector.cosine(claims[$1].vector).score)
                }
            )
        }
        return scored.max { ($0.1, $1.0) < ($1.1, $0.0) }?.0 ?? group.members[0]
    }

    func summary(citations: inout CitationMaker) -> [SummarySentence] {
        var chosen: [Int] = []
        var sentences: [SummarySentence] = []
        for (id, group) in groups.enumerated() where sentences.count < options.summaryLength {
            let claim = representative(group)
            guard
                !chosen.contains(where: {
                    claims[$0].vector.cosine(claims[claim].vector).score >= options.summaryRedundancy
                })
            else { continue }
            chosen.append(claim)
            sentences.append(
                SummarySentence(
                    text: claims[claim].range.slice(of: articles[claims[claim].article].text), claim: id,
                    status: group.status,
                    citations: group.members.map { citations.cite(claims[$0].range, in: claims[$0].article) }))
        }
        return sentences
    }

    /// Every resolved date a claim names, once per fact and date, in date order.
    func timeline(citations: inout CitationMaker) -> [TimelineEntry] {
        var entries: [String: TimelineEntry] = [:]
        for (id, group) in groups.enumerated() {
            for member in group.members {
                let claim = claims[member]
                let analysis = articles[claim.article].analysis
                for date in analysis.dates where date.sentence == claim.sentence {
                    guard let value = date.value else { continue }
                    let key = value + "\u{0}" + String(id)
                    let cited = citations.cite(date.range, in: claim.article)
                    if entries[key] != nil {
                        if !entries[key]!.citations.contains(where: { $0.article == cited.article }) {
                            entries[key]!.citations.append(cited)
                        }
                        continue
                    }
                    // The sentence that names the date, not the group's representative: another outlet's
                    // wording of the fact may not carry the date at all.
                    let text = claim.range.slice(of: articles[claim.article].text)
                    entries[key] = TimelineEntry(
                        date: value, granularity: date.granularity, text: text, claim: id, citations: [cited])
                }
            }
        }
        return entries.values.sorted { ($0.date, $0.claim) < ($1.date, $1.claim) }
    }
}
