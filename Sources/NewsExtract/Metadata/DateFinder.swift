internal import Foundation
internal import NewsCore

/// Reads publication days from the forms pages use: ISO 8601 (kept as the page's local day), written dates
/// ("September 4, 2025", "4 Sept. 2025") and URL paths (`/2025/09/04/`).
enum DateFinder {
    /// `YYYY-MM-DD` as written, or `nil`.
    static func day(_ text: String) -> String? {
        let trimmed = Whitespace.trimmed(text)
        if let day = isoPrefixDay(trimmed) { return day }
        if let date = PublicationDate.parse(trimmed) { return isoDay(date) }
        return writtenDay(trimmed)
    }

    /// `YYYY-MM-DD` when the text starts with one.
    static func isoPrefixDay(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
            let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)), valid(year, month, day)
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first written date in a short text such as a byline.
    static func writtenDay(_ text: String) -> String? {
        let words = text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "/" }).map { $0.lowercased() }
        for (index, word) in words.enumerated() {
            guard let month = months[word] ?? months[String(word.prefix(3))], word.count >= 3 else { continue }
            // "September 4 2025"
            if index + 2 < words.count, let day = Int(words[index + 1].filter(\.isNumber)),
                let year = Int(words[index + 2]),
                valid(year, month, day)
            {
                return format(year, month, day)
            }
            // "4 September 2025"
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1].filter(\.isNumber)),
                let year = Int(words[index + 1]), valid(year, month, day)
            {
                return format(year, month, day)
            }
        }
        return nil
    }

    /// A date in a URL path: `/2025/09/04/`, `/2025-09-04`, `/20250904/`.
    static func urlDay(_ url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            if part.count == 4, let year = Int(part), (1990...2100).contains(year), index + 2 < parts.count,
                let month = Int(parts[index + 1]), let day = Int(parts[index + 2].prefix(2).filter(\.isNumber)),
                parts[index + 1].count <= 2, valid(year, month, day)
            {
                return format(year, month, day)
            }
            if let found = isoPrefixDay(part) { return found }
        }
        return nil
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        (1990...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return format(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The `Date` for a day string, at midnight UTC.
    static func date(_ day: String) -> Date? { PublicationDate.parse(day) }
}
