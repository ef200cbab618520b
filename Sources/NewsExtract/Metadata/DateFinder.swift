internal import Foundation
internal import NewsCore

/// Reads publication days from the forms pages use: ISO 8601 (kept as the page's local day), written dates in
/// the languages of European news ("September 4, 2025", "4 Sept. 2025", "12. März 2021", "3 de marzo de 2021",
/// "1er mars 2021", "12 marca 2021") and URL paths (`/2025/09/04/`).
enum DateFinder {
    /// `YYYY-MM-DD` as written, or `nil`. With `dayFirst` (a page in a language that writes the day first), a
    /// slashed date such as `04/09/2025` reads as 4 September.
    static func day(_ text: String, dayFirst: Bool = false) -> String? {
        let trimmed = Whitespace.trimmed(text)
        if let day = isoPrefixDay(trimmed) { return day }
        if let date = PublicationDate.parse(trimmed) { return isoDay(date) }
        return writtenDay(trimmed, dayFirst: dayFirst)
    }

    /// Whether a page in `language` (a BCP 47 tag: `de`, `fr-FR`, `en-GB`) writes the day before the month in
    /// numeric dates: every European language here does, and English outside the United States.
    static func writesDayFirst(_ language: String?) -> Bool {
        guard let language = language?.lowercased().replacingOccurrences(of: "_", with: "-"), !language.isEmpty
        else { return false }
        let parts = language.split(separator: "-")
        let base = parts.first.map(String.init) ?? language
        if base == "en" { return parts.count > 1 && ["gb", "ie", "au", "nz", "in", "za"].contains(String(parts[1])) }
        return dayFirstLanguages.contains(base)
    }

    private static let dayFirstLanguages: Set<String> = [
        "de", "fr", "es", "it", "pt", "nl", "pl", "da", "sv", "nb", "no", "fi", "cs", "sk", "hu", "ro", "el", "ru",
        "uk", "tr", "ca", "hr", "sl", "sr", "bg", "lt", "lv", "et",
    ]

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
    /// "[Submitted on 18 Dec 2025]", "12. März 2021", "3 de marzo de 2021", or a numeric one (`numericDay`).
    static func writtenDay(_ text: String, dayFirst: Bool = false) -> String? {
        let words = text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: { $0.isWhitespace || $0 == "/" }).map { $0.lowercased() }
        // A year may carry punctuation ("2025]", "2025)"), but no other digits.
        func year(_ word: String) -> Int? {
            let digits = word.filter(\.isNumber)
            return digits.count == 4 && word.count <= 6 ? Int(digits) : nil
        }
        // A day is a number of one or two digits, with an ordinal ending at most ("1er", "1st", "1º").
        func day(_ word: String) -> Int? {
            let digits = word.prefix(while: \.isNumber)
            guard (1...2).contains(digits.count), word.count - digits.count <= 2 else { return nil }
            return Int(digits)
        }
        // "3 de marzo de 2021", "1 di marzo", "12 van maart": a connecting word may stand on either side.
        func skipping(_ index: Int, by step: Int) -> Int {
            let next = index + step
            return next >= 0 && next < words.count && connectors.contains(words[next]) ? next + step : next
        }
        for (index, word) in words.enumerated() {
            guard word.count >= 3, let month = month(word) else { continue }
            let after = skipping(index, by: 1)
            let afterThat = after < words.count ? skipping(after, by: 1) : after
            // "September 4 2025"
            if afterThat < words.count, let day = day(words[after]), let year = year(words[afterThat]),
                valid(year, month, day)
            {
                return format(year, month, day)
            }
            // "4 September 2025", "12. März 2021", "3 de marzo de 2021"
            let before = skipping(index, by: -1)
            if before >= 0, after < words.count, let day = day(words[before]), let year = year(words[after]),
                valid(year, month, day)
            {
                return format(year, month, day)
            }
        }
        return numericDay(text, dayFirst: dayFirst)
    }

    /// The month a word names, in any of the languages here; English abbreviations may run on ("Sept", "Octo").
    static func month(_ word: String) -> Int? {
        if let month = months[word] { return month }
        let prefix = String(word.prefix(3))
        guard let month = englishAbbreviations[prefix], word.allSatisfy(\.isASCII) else { return nil }
        // NB: only a word that starts like the English month's name: "martes" (Spanish for Tuesday) is no March.
        return englishNames[month - 1].hasPrefix(word) || word.count <= 4 ? month : nil
    }

    private static let connectors: Set<String> = ["de", "del", "di", "van", "of", "do", "da"]

    /// A numeric date that reads one way only: `23.07.2025` (day first: the dotted form is European), or a
    /// slashed date whose first or second number is over 12 (`23/07/2025`, `07/23/2025`). `04/09/2025` reads
    /// day first only on a page whose language writes it so (`dayFirst`), else it is left alone: a wrong month is
    /// worse than none.
    static func numericDay(_ text: String, dayFirst: Bool = false) -> String? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "|" || $0 == "," }) {
            let dotted = token.split(separator: ".", omittingEmptySubsequences: false)
            let slashed = token.split(separator: "/", omittingEmptySubsequences: false)
            let parts = dotted.count == 3 ? dotted : slashed
            guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count),
                (1...2).contains(parts[1].count), let first = Int(parts[0]), let second = Int(parts[1]),
                let year = Int(parts[2])
            else { continue }
            if dotted.count == 3 || dayFirst {
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

    private static let englishNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let englishAbbreviations: [String: Int] = Dictionary(
        uniqueKeysWithValues: englishNames.enumerated().map { (String($0.element.prefix(3)), $0.offset + 1) })

    /// Month names and their usual abbreviations (and Polish genitives, the form dates use) in English, German,
    /// French, Spanish, Italian, Portuguese, Dutch and Polish, lower-cased.
    private static let months: [String: Int] = {
        let names: [[String]] = [
            [
                "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
                "januari", "styczeń", "stycznia", "sty",
            ],
            [
                "february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro",
                "fev", "februari", "luty", "lutego", "lut",
            ],
            [
                "march", "mar", "märz", "mrz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "marzec",
                "marca",
            ],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca", "lip"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpień", "sierpnia", "sie"],
            [
                "september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
                "wrzesień", "września", "wrz",
            ],
            [
                "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out",
                "październik", "października", "paź",
            ],
            ["november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis"],
            [
                "december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre",
                "dezembro", "grudzień", "grudnia", "gru",
            ],
        ]
        var table: [String: Int] = [:]
        for (month, words) in names.enumerated() { for word in words { table[word] = month + 1 } }
        return table
    }()

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
