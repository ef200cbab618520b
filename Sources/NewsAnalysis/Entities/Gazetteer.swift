/// The place, organisation and first-name lists (Gazetteers/), parsed once.
struct Gazetteer: Sendable {
    /// A country as the gazetteer knows it.
    struct Country: Sendable {
        var code: String
        var name: String
    }

    /// Country names and aliases as written ("United States", "U.S.", "Syria").
    let countries: [String: Country]
    /// Demonyms and adjectives ("Russian", "Syrians") to their country.
    let demonyms: [String: Country]
    /// City names as written to their country code.
    let cities: [String: String]
    /// Organisation names and abbreviations as written to their canonical name.
    let organisations: [String: String]
    /// Every name the four lists above know: a run's known prefix is one lookup per length, not four.
    let knownNames: Set<String>
    /// Whom a first name is given to, by the census's counts.
    enum Gender: Sendable {
        case male, female, either
    }

    /// First names, capitalised ("Mark"), with whom they are given to.
    let firstNames: [String: Gender]

    /// The shipped gazetteers.
    static let shared = Gazetteer()

    private init() {
        func rows(_ name: String) -> [[Substring]] {
            (GazetteerData.files[name] ?? "").split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false)
            }
        }
        var countries: [String: Country] = [:]
        var demonyms: [String: Country] = [:]
        for fields in rows("countries") where fields.count >= 2 {
            let country = Country(code: String(fields[0]), name: String(fields[1]))
            countries[country.name] = country
            if fields.count > 2 {
                for alias in fields[2].split(separator: "|") { countries[String(alias), default: country] = country }
            }
            if fields.count > 3 {
                for demonym in fields[3].split(separator: "|") { demonyms[String(demonym)] = country }
            }
        }
        var cities: [String: String] = [:]
        for fields in rows("cities") where fields.count == 2 {
            let name = String(fields[0])
            // NB: a city may not shadow a country ("Georgia", "Jordan" are also cities elsewhere).
            if countries[name] == nil { cities[name] = String(fields[1]) }
        }
        var organisations: [String: String] = [:]
        for fields in rows("organisation-aliases") where !fields.isEmpty {
            let canonical = String(fields[0])
            organisations[canonical] = canonical
            if fields.count > 1 {
                for alias in fields[1].split(separator: "|") { organisations[String(alias)] = canonical }
            }
        }
        self.countries = countries
        self.demonyms = demonyms
        self.cities = cities
        self.organisations = organisations
        knownNames = Set(countries.keys).union(demonyms.keys).union(cities.keys).union(organisations.keys)
        var firstNames: [String: Gender] = [:]
        for fields in rows("first-names") where fields.count == 2 {
            firstNames[String(fields[0])] = fields[1] == "M" ? .male : (fields[1] == "F" ? .female : .either)
        }
        self.firstNames = firstNames
    }
}
