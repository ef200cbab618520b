internal import Foundation

/// The known outlets compiled for lookups, once per comparer rather than once per story.
struct OutletIndex: Sendable {
    /// The outlets, in directory order.
    let outlets: [KnownOutlet]
    /// Their forms, for finding them in text.
    let finder: RelayFinder
    private let entryByKey: [String: Int]
    /// Each outlet's name as letters only, folded, for reading codes as abbreviations.
    private let letters: [[Unicode.Scalar]]

    init(_ outlets: [KnownOutlet]) {
        self.outlets = outlets
        finder = RelayFinder(outlets: outlets)
        var entryByKey: [String: Int] = [:]
        for (index, outlet) in outlets.enumerated() {
            for key in [outlet.name] + outlet.forms + outlet.codes {
                let folded = Self.folded(key)
                if !folded.isEmpty, entryByKey[folded] == nil { entryByKey[folded] = index }
            }
        }
        self.entryByKey = entryByKey
        letters = outlets.map { Array(Self.folded($0.name).unicodeScalars.filter { $0.properties.isAlphabetic }) }
    }

    /// The outlet a name, form, code or domain stands for.
    func entry(named name: String) -> Int? { entryByKey[Self.folded(name)] }

    /// The outlet an article's outlet field names: by name, form, code or domain, else as an abbreviation.
    func entry(forOutlet name: String) -> Int? { entry(named: name) ?? abbreviation(name) }

    /// The one known outlet a short lower-case code abbreviates, its letters in order from the first
    /// ("hpo": HuffPost; "wapo": The Washington Post); nil when none or several fit.
    func abbreviation(_ code: String) -> Int? {
        let code = Array(code.unicodeScalars)
        guard (3...5).contains(code.count), code.allSatisfy({ ("a"..."z").contains($0) }) else { return nil }
        var found: Int?
        for (index, name) in letters.enumerated() where name.first == code.first {
            var position = 0
            for scalar in name where position < code.count && scalar == code[position] { position += 1 }
            guard position == code.count else { continue }
            if found != nil { return nil }
            found = index
        }
        return found
    }

    /// An outlet's name or code as a lookup key: case and accents folded, "the " and "www." dropped.
    static func folded(_ name: String) -> String {
        var key = name.trimmingCharacters(in: .whitespacesAndNewlines)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for prefix in ["the ", "www."] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        return key
    }
}
