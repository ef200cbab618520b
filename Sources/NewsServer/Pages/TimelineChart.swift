internal import Foundation
internal import NewsCompare
internal import NewsCore

/// The story's timeline as an inline SVG: the events the articles date (top row) and when each origin
/// published (a row per origin), on one time axis. Presentation attributes only, no `style`, so the strict
/// Content-Security-Policy allows it; every text is escaped.
enum TimelineChart {
    static func svg(_ comparison: StoryComparison) -> String {
        var events: [(Date, String)] = comparison.timeline.compactMap { entry in
            day(entry.date).map { ($0, entry.date + ": " + entry.text) }
        }
        events.sort { $0.0 < $1.0 }
        let published = comparison.articles.compactMap { article in
            article.published.map { (article, $0) }
        }
        let dates = events.map(\.0) + published.map(\.1)
        guard let first = dates.min(), let last = dates.max() else { return "" }
        let span = max(last.timeIntervalSince(first), 86_400)
        let rows = ["Events"] + comparison.articleOrigins.map(\.label)
        let left = 150.0
        let width = 760.0
        let rowHeight = 26.0
        let height = Double(rows.count) * rowHeight + 34
        func x(_ date: Date) -> Double { left + (date.timeIntervalSince(first) / span) * (width - left - 20) }
        var svg = """
            <svg class="timeline-chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-label="Timeline: \(rows.count - 1) origins, \(events.count) dated events" \
            xmlns="http://www.w3.org/2000/svg">
            """
        for (index, label) in rows.enumerated() {
            let y = Double(index) * rowHeight + 18
            svg += "<text x=\"4\" y=\"\(y + 4)\" class=\"axis-label\">"
            svg += MarkupEscaping.escape(String(label.prefix(22))) + "</text>"
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" class=\"rail\"/>"
        }
        for (date, text) in events {
            svg += "<circle cx=\(quoted(x(date))) cy=\"18\" r=\"5\" class=\"event\"><title>"
            svg += MarkupEscaping.escape(String(text.prefix(200))) + "</title></circle>"
        }
        for (article, date) in published {
            let y = Double(article.origin + 1) * rowHeight + 18
            let copy = article.copyOf == nil ? "" : " copy"
            svg += "<a href=\"/articles/\(article.id.rawValue)\"><circle cx=\(quoted(x(date))) cy=\(quoted(y)) "
            svg += "r=\"6\" class=\"article\(copy)\"><title>"
            svg += MarkupEscaping.escape("\(article.outlet), \(ComparisonText.day(date)): \(article.title)")
            svg += "</title></circle></a>"
        }
        let axisY = height - 8
        svg += "<text x=\"\(left)\" y=\"\(axisY)\" class=\"axis-label\">\(ComparisonText.day(first))</text>"
        svg += "<text x=\"\(width - 10)\" y=\"\(axisY)\" text-anchor=\"end\" class=\"axis-label\">"
        svg += "\(ComparisonText.day(last))</text></svg>"
        return svg
    }

    private static func quoted(_ value: Double) -> String { "\"" + String(format: "%.1f", value) + "\"" }

    /// The first day an ISO 8601 date names (`2015-12-29`, `2015-12`, `2015`, a week's `first/last`).
    static func day(_ iso: String) -> Date? {
        let start = iso.split(separator: "/").first.map(String.init) ?? iso
        let parts = start.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first, (1000...9999).contains(year) else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = parts.count > 1 ? parts[1] : 1
        components.day = parts.count > 2 ? parts[2] : 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }
}
