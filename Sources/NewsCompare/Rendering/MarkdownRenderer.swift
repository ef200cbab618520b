public import Foundation
internal import NewsCore

/// Renders a comparison as Markdown: for reading in a terminal, a notebook or an issue tracker.
public enum MarkdownRenderer {
    /// The whole comparison.
    public static func render(_ comparison: StoryComparison) -> String {
        var out: [String] = []
        let title = comparison.articles.first?.title ?? "(no articles)"
        out.append("# Story \(comparison.story): \(inline(title))")
        out.append("")
        out.append(ComparisonText.headline(comparison))
        out.append("")
        out.append("## Articles")
        out.append("")
        out.append("| article | outlet | published | origin | headline |")
        out.append("|---|---|---|---|---|")
        for article in comparison.articles {
            let copy = (article.copyOf.map { " (copy of \($0))" } ?? "") + (article.via.map { " (via \($0))" } ?? "")
            out.append(
                "| \(article.id) | \(cell(article.outlet)) | \(ComparisonText.day(article.published)) | "
                    + "\(cell(comparison.origins[article.origin].label))\(copy) | \(cell(article.title)) |")
        }
        out.append("")
        out.append("## Summary")
        out.append("")
        for (index, sentence) in comparison.summary.enumerated() {
            out.append(
                "\(index + 1). \(inline(sentence.text)) *(\(sentence.status.rawValue))* "
                    + sentence.citations.map(cite).joined(separator: " "))
        }
        for status in [CorroborationStatus.corroborated, .contested, .singleSource] {
            let groups = comparison.claims.filter { $0.status == status }
            out.append("")
            out.append("## \(ComparisonText.statusTitle(status)) (\(groups.count))")
            out.append("")
            if groups.isEmpty { out.append("none") }
            for group in groups {
                let origins = ComparisonText.origins(of: group, in: comparison)
                out.append(
                    "- **Claim \(group.id)**, \(inline(origins)): \(group.outlets.map(inline).joined(separator: ", "))")
                if let conflict = group.conflict { out.append("  - conflict: \(inline(conflict))") }
                for citation in group.evidence {
                    let via = citation.via.map { " *(via \(inline($0)))*" } ?? ""
                    out.append("  - \(cite(citation)) \(inline(citation.text))\(via)")
                }
            }
        }
        out.append("")
        out.append("## Figures")
        out.append("")
        out.append("| counts | figure | reporter | status | outlet | sentence |")
        out.append("|---|---|---|---|---|---|")
        for row in comparison.figures {
            for (index, figure) in row.figures.enumerated() {
                let why = index == 0 ? ": " + cell(row.explanation) : ""
                out.append(
                    "| \(cell(row.counted)) (\(row.agreement))\(why) | \(cell(figure.number.text)) | "
                        + "\(cell(figure.reporter ?? "–")) | \(figure.status.rawValue) | \(cell(figure.number.outlet)) "
                        + "| \(cite(figure.sentence)) \(cell(figure.sentence.text)) |")
            }
        }
        out.append(contentsOf: quotes(comparison.quotes))
        out.append("")
        out.append("## Framing")
        out.append("")
        out.append("| article | headline | words only it uses | names first | leaves out |")
        out.append("|---|---|---|---|---|")
        for framing in comparison.framing {
            let claims =
                framing.omittedClaims.isEmpty
                ? "" : "; claims " + framing.omittedClaims.map(String.init).joined(separator: ", ")
            out.append(
                "| \(framing.article) \(cell(framing.outlet)) | \(cell(framing.headline)) | "
                    + "\(cell(framing.distinctiveWords.joined(separator: ", "))) | "
                    + "\(cell(framing.firstNamed.joined(separator: ", "))) | "
                    + "\(cell(framing.omittedEntities.joined(separator: ", ") + claims)) |")
        }
        out.append("")
        out.append("## Timeline")
        out.append("")
        for entry in comparison.timeline {
            out.append("- **\(entry.date)** \(inline(entry.text)) " + entry.citations.map(cite).joined(separator: " "))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func quotes(_ matrix: QuoteMatrix) -> [String] {
        var out = ["", "## Quotes", ""]
        out.append("| speaker | " + matrix.outlets.map(cell).joined(separator: " | ") + " |")
        out.append("|---|" + matrix.outlets.map { _ in "---|" }.joined())
        for speaker in matrix.speakers {
            let role = speaker.role.map { " (\(cell($0)))" } ?? ""
            out.append(
                "| \(cell(speaker.name))\(role) | "
                    + matrix.outlets.map { String(speaker.countsByOutlet[$0] ?? 0) }.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("Quoted by several origins:")
        out.append("")
        if matrix.shared.isEmpty { out.append("- none") }
        for quote in matrix.shared {
            let speakers = quote.speakers.isEmpty ? "" : " — " + quote.speakers.map(inline).joined(separator: ", ")
            out.append(
                "- “\(inline(quote.text))”\(speakers), \(quote.originCount) origins "
                    + quote.evidence.map(cite).joined(separator: " "))
        }
        return out
    }

    /// `[#12 VOA 120–250]`: the article, its outlet and the characters cited.
    static func cite(_ citation: Citation) -> String {
        "[\(citation.article) \(inline(citation.outlet)) \(citation.start)–\(citation.end)]"
    }

    /// Text on one line, with Markdown's active characters escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r", "\t": out.append(" ")
            case "*", "_", "`", "[", "]", "<", ">", "#", "|", "\\": out.append("\\"); out.append(character)
            default: out.append(character)
            }
        }
        return out
    }

    private static func cell(_ text: String) -> String { inline(text) }
}

/// Wording the renderers (and the server's pages) share.
public enum ComparisonText {
    /// "2 articles from 2 independent origins; 31 claims: 5 corroborated, 0 contested, 26 single-source."
    public static func headline(_ comparison: StoryComparison) -> String {
        let counts = CorroborationStatus.allCases.map { "\(comparison.statusCounts[$0.rawValue] ?? 0) \($0.rawValue)" }
        return "\(comparison.articles.count) articles from \(comparison.articleOrigins.count) independent origins; "
            + "\(comparison.claims.count) claims: " + counts.joined(separator: ", ") + "."
    }

    /// "1 origin (The New York Times), relayed by Fox, HuffPost" or "2 origins".
    public static func origins(of group: ClaimGroup, in comparison: StoryComparison) -> String {
        let count = group.origins.count == 1 ? "1 origin" : "\(group.origins.count) origins"
        return relaying(group, in: comparison).map { count + " " + $0 } ?? count
    }

    /// "(The New York Times), relayed by Fox, HuffPost" when some outlets only relay the claim, else nil.
    public static func relaying(_ group: ClaimGroup, in comparison: StoryComparison) -> String? {
        guard let relaying = group.relayedBy else { return nil }
        let sources = group.origins.compactMap { $0 < comparison.origins.count ? comparison.origins[$0].label : nil }
        return "(" + sources.joined(separator: "; ") + "), relayed by " + relaying.joined(separator: ", ")
    }

    /// The heading of a status's claims.
    public static func statusTitle(_ status: CorroborationStatus) -> String {
        switch status {
        case .corroborated: "Corroborated by several origins"
        case .contested: "Contested"
        case .singleSource: "Single-source"
        }
    }

    /// A publication date as its UTC day, or a dash.
    public static func day(_ date: Date?) -> String {
        guard let date else { return "–" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
