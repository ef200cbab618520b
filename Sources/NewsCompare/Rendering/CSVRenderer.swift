internal import Foundation
internal import NewsCore

/// Renders a comparison's evidence as CSV (RFC 4180): one row per cited span, for spreadsheets.
public enum CSVRenderer {
    /// The columns, in order.
    public static let header = [
        "section", "item", "status", "origins", "article", "outlet", "start", "end", "text", "detail", "via",
    ]

    /// Every claim sentence, figure, quote, summary sentence and timeline date with its citation.
    public static func render(_ comparison: StoryComparison) -> String {
        var rows = [header]
        func add(
            _ section: String, _ item: Int, _ status: String, _ origins: Int, _ citation: Citation, _ detail: String
        ) {
            rows.append([
                section, String(item), status, String(origins), String(citation.article.rawValue), citation.outlet,
                String(citation.start), String(citation.end), citation.text, detail, citation.via ?? "",
            ])
        }
        for group in comparison.claims {
            for citation in group.evidence {
                add("claim", group.id, group.status.rawValue, group.origins.count, citation, group.conflict ?? "")
            }
        }
        for (rowIndex, row) in comparison.figures.enumerated() {
            for figure in row.figures {
                let detail = [
                    row.counted, row.agreement, figure.reporter.map { "reported by " + $0 } ?? "", row.explanation,
                ]
                .filter { !$0.isEmpty }.joined(separator: "; ")
                add("figure", rowIndex, figure.status.rawValue, figure.originCount, figure.number, detail)
            }
        }
        for (speakerIndex, speaker) in comparison.quotes.speakers.enumerated() {
            for quote in speaker.quotes {
                add("quote", speakerIndex, quote.kind.rawValue, 0, quote.words, speaker.name)
            }
        }
        for (index, quote) in comparison.quotes.shared.enumerated() {
            for citation in quote.evidence {
                add("shared-quote", index, "", quote.originCount, citation, quote.speakers.joined(separator: "; "))
            }
        }
        for (index, sentence) in comparison.summary.enumerated() {
            for citation in sentence.citations {
                add("summary", index, sentence.status.rawValue, 0, citation, "claim \(sentence.claim)")
            }
        }
        for (index, entry) in comparison.timeline.enumerated() {
            for citation in entry.citations {
                add("timeline", index, entry.date, 0, citation, entry.text)
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with an apostrophe so a spreadsheet does not run article text as a formula.
    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
