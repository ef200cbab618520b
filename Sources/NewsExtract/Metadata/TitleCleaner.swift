internal import Foundation
internal import NewsCore

/// Removes a site name from a headline: "Headline | Site", "Site - Headline", "Headline — Site".
enum TitleCleaner {
    static let separators = [" | ", " || ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " ~ ", " / "]

    static func clean(_ title: String, siteNames: [String]) -> String {
        let folded = Whitespace.folded(title)
        guard let separator = separators.first(where: { folded.contains($0) }) else { return folded }
        let parts = folded.components(separatedBy: separator).map(Whitespace.trimmed).filter { !$0.isEmpty }
        guard parts.count > 1 else { return folded }
        let sites = siteNames.map { normalized($0) }.filter { !$0.isEmpty }
        let kept = parts.filter { part in
            let key = normalized(part)
            return !sites.contains { $0 == key || $0.contains(key) || key.contains($0) && key.count <= $0.count + 4 }
        }
        if kept.count == 1 { return kept[0] }
        if kept.isEmpty { return parts.max { $0.count < $1.count } ?? folded }
        // Without a known site name, the site is the short end part; the headline is what remains.
        if let last = parts.last, last.count < 30, parts.count == 2, parts[0].count > last.count {
            return parts[0]
        }
        return kept.joined(separator: separator)
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
