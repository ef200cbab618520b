public import Foundation
internal import NewsCore

/// Parses the publication dates that article inputs carry: ISO 8601 (with or without time, fraction and
/// zone), RFC 822/1123 as in RSS, and Unix timestamps in seconds.
public enum PublicationDate {
    /// The date `string` names, or `nil` if it is none of the supported forms.
    public static func parse(_ string: String) -> Date? {
        let trimmed = Whitespace.trimmed(string)
        if trimmed.isEmpty { return nil }
        if let date = parseISO8601(trimmed) { return date }
        if let seconds = Double(trimmed), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        return parseRFC822(trimmed)
    }

    /// `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM[:SS[.fff]]` and `Z` or `±HH[:]MM`.
    /// A date-time without a zone is read as UTC.
    static func parseISO8601(_ string: String) -> Date? {
        var scanner = DigitScanner(Array(string.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2) else {
                return nil
            }
            (hour, minute) = (h, m)
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.skip(".") || scanner.skip(",") { fraction = scanner.fraction() }
            }
            if scanner.skip("Z") || scanner.skip("z") {
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(digits: 2) else { return nil }
                _ = scanner.skip(":")
                let om = scanner.number(digits: 2) ?? 0
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
        }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        guard let date = utcCalendar.date(from: components),
            utcCalendar.component(.day, from: date) == day
        else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    static func parseRFC822(_ string: String) -> Date? {
        // NB: every format names the month ("MMM"); without one no formatter can read it, and five formatters per
        // string were a visible share of extraction (pages whose meta dates are not ISO).
        guard mentionsMonth(string) else { return nil }
        for formatter in rfc822Formatters() {
            if let date = formatter.date(from: string) { return date }
        }
        return nil
    }

    /// The calling thread's formatters for `parseRFC822`, in the order they are tried. NB: making a
    /// `DateFormatter` builds an ICU formatter, which was most of the cost of a date that is not ISO; one is
    /// not safe to share between threads, so each thread keeps its own.
    private static func rfc822Formatters() -> [DateFormatter] {
        let key = "corroborate.PublicationDate.rfc822"
        let cache = Thread.current.threadDictionary
        if let formatters = cache[key] as? [DateFormatter] { return formatters }
        let formatters = [
            "EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z",
            "EEE, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy",
        ].map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            return formatter
        }
        cache[key] = formatters
        return formatters
    }

    /// Whether an English month's three letters appear in `string`, any case.
    private static func mentionsMonth(_ string: String) -> Bool {
        let bytes = string.utf8.map(\.asciiLowercased)
        guard bytes.count >= 3 else { return false }
        for start in 0...(bytes.count - 3) {
            let key = UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
            if monthKeys.contains(key) { return true }
        }
        return false
    }

    private static let monthKeys: Set<UInt32> = Set(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { word in
            word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        })

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// A cursor over ASCII digits and separators, for the date grammar above.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func fraction() -> Double {
        var value = 0.0, scale = 0.1
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
        }
        return value
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}
