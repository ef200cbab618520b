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

    /// The first written date in a short text such as a byline: "September 4, 2025", "4 Sept. 2025",
    /// "[Submitted on 18 Dec 2025]", or an unambiguous numeric one (`numericDay`).
    static func writtenDay(_ text: String) -> String? {
        let words = text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: { $0.isWhitespace || $0 == "/" }).map { $0.lowercased() }
        // A year may carry punctuation ("2025]", "2025)"), but no other digits.
        func year(_ word: String) -> Int? {
            let digits = word.filter(\.isNumber)
            return digits.count == 4 && word.count <= 6 ? Int(digits) : nil
        }
        for (index, word) in words.enumerated() {
            guard let month = months[word] ?? months[String(word.prefix(3))], word.count >= 3 else { continue }
            // "September 4 2025"
            if index + 2 < words.count, let day = Int(words[index + 1].filter(\.isNumber)),
                let year = year(words[index + 2]),
                valid(year, month, day)
            {
                return format(year, month, day)
            }
            // "4 September 2025"
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1].filter(\.isNumber)),
                let year = year(words[index + 1]), valid(year, month, day)
            {
                return format(year, month, day)
            }
        }
        return numericDay(text)
    }

    /// A numeric date that reads one way only: `23.07.2025` (day first: the dotted form is European), or a
    /// slashed date whose first or second number is over 12 (`23/07/2025`, `07/23/2025`). `04/09/2025` is
    /// left alone: the page's country decides it, and a wrong month is worse than none.
    static func numericDay(_ text: String) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "|" || $0 == "," }) {
            let dotted = token.split(separator: ".", omittingEmptySubsequences: false)
            let slashed = token.split(separator: "/", omittingEmptySubsequences: false)
            let parts = dotted.count == 3 ? dotted : slashed
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
                (1...2).contains(parts[1].count), let first = Int(parts[0]), let second = Int(parts[1]),
                let year = Int(parts[2])
            else { continue }
            if dotted.count == 3 {
                if valid(year, second, first) { return format(year, second, first) }
            } else if first > 12, valid(year, second, first) {
                return format(year, second, first)
            } else if second > 12, valid(year, first, second) {
                return format(year, first, second)
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
        guard (1990...2100).contains(year), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[month - 1]).contains(day)
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
