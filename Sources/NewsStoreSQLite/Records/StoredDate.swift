internal import Foundation

/// Dates as the database stores them: UTC text `YYYY-MM-DD HH:MM:SS.SSS`, the format GRDB and SQLite's
/// date functions read, so rows sort by time and `date(published_at)` works in plain SQL.
///
/// NB: written by hand because GRDB's `Date` binding goes through `DateFormatter` (ICU), which cost more
/// per article than hashing it.
enum StoredDate {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let dayMilliseconds = milliseconds - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(23)
        func put(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        put(year, 4)
        bytes.append(UInt8(ascii: "-"))
        put(month, 2)
        bytes.append(UInt8(ascii: "-"))
        put(day, 2)
        bytes.append(UInt8(ascii: " "))
        put(dayMilliseconds / 3_600_000, 2)
        bytes.append(UInt8(ascii: ":"))
        put(dayMilliseconds / 60_000 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        put(dayMilliseconds / 1000 % 60, 2)
        bytes.append(UInt8(ascii: "."))
        put(dayMilliseconds % 1000, 3)
        return String(decoding: bytes, as: UTF8.self)
    }
}
