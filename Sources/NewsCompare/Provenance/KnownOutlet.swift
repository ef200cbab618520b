/// An outlet, news agency or publisher the comparison recognises when an article names it as the source of
/// what it says ("…, The New York Times reported."), so the claim is traced to it instead of counted as the
/// relaying article's own.
public struct KnownOutlet: Sendable, Hashable {
    /// Its name as the comparison shows it ("The New York Times").
    public var name: String
    /// How texts write it, case kept ("New York Times", "NYT"). A form starting "the " needs the article
    /// ("the Hill"); other forms take it or not ("The New York Times" and "New York Times" both match
    /// "New York Times").
    public var forms: [String]
    /// Forms several outlets share ("the Times"): taken for this outlet only when the article or the story
    /// names it in full, or when it is the one story outlet with this form.
    public var shortForms: [String]
    /// What an article's outlet field may hold for it, lower-cased: codes and web domains ("nyt", "nytimes.com").
    public var codes: [String]
    /// Who owns it, when known; outlets of one owner are one origin.
    public var owner: String?
    /// Whether it sells copy to other outlets (a "(Reuters)" credit makes the text its copy).
    public var isAgency: Bool

    /// Creates an outlet.
    public init(
        name: String, forms: [String] = [], shortForms: [String] = [], codes: [String] = [], owner: String? = nil,
        isAgency: Bool = false
    ) {
        self.name = name
        self.forms = forms
        self.shortForms = shortForms
        self.codes = codes
        self.owner = owner
        self.isAgency = isAgency
    }
}

extension KnownOutlet {
    /// Widely relayed outlets and agencies. Names are general knowledge, not read from any evaluation set.
    public static let builtIn: [KnownOutlet] = [
        // Agencies.
        .init(
            name: "The Associated Press", forms: ["Associated Press", "AP"], codes: ["ap", "apnews.com"],
            isAgency: true),
        .init(name: "Reuters", forms: ["Reuters", "Thomson Reuters"], codes: ["reuters.com"], isAgency: true),
        .init(
            name: "Agence France-Presse", forms: ["Agence France-Presse", "Agence France Presse", "AFP"],
            codes: ["afp", "afp.com"], isAgency: true),
        .init(name: "Bloomberg", forms: ["Bloomberg News", "Bloomberg"], codes: ["bloomberg.com"], isAgency: true),
        .init(name: "dpa", forms: ["Deutsche Presse-Agentur", "dpa", "DPA"], codes: ["dpa.com"], isAgency: true),
        .init(name: "EFE", forms: ["Agencia EFE", "EFE"], codes: ["efe.com"], isAgency: true),
        .init(name: "ANSA", forms: ["ANSA"], codes: ["ansa.it"], isAgency: true),
        .init(name: "Europa Press", forms: ["Europa Press"], codes: ["europapress.es"], isAgency: true),
        .init(name: "TASS", forms: ["TASS", "Tass"], codes: ["tass.com", "tass.ru"], isAgency: true),
        .init(name: "RIA Novosti", forms: ["RIA Novosti", "RIA"], codes: ["ria.ru"], isAgency: true),
        .init(name: "Interfax", forms: ["Interfax"], codes: ["interfax.ru", "interfax.com"], isAgency: true),
        .init(name: "Xinhua", forms: ["Xinhua News Agency", "Xinhua"], codes: ["xinhuanet.com"], isAgency: true),
        .init(name: "Kyodo News", forms: ["Kyodo News", "Kyodo"], codes: ["kyodonews.net"], isAgency: true),
        .init(name: "Yonhap", forms: ["Yonhap News Agency", "Yonhap"], codes: ["yna.co.kr"], isAgency: true),
        .init(name: "Anadolu Agency", forms: ["Anadolu Agency", "Anadolu"], codes: ["aa.com.tr"], isAgency: true),
        .init(
            name: "Press Trust of India", forms: ["Press Trust of India", "PTI"], codes: ["ptinews.com"], isAgency: true
        ),
        // Newspapers and magazines.
        .init(
            name: "The New York Times", forms: ["New York Times", "NY Times", "NYT"], shortForms: ["Times"],
            codes: ["nyt", "nytimes", "nytimes.com"], owner: "The New York Times Company"),
        .init(
            name: "The Washington Post", forms: ["Washington Post", "WaPo"], shortForms: ["Post"],
            codes: ["wapo", "washingtonpost", "washingtonpost.com"]),
        .init(
            name: "The Wall Street Journal", forms: ["Wall Street Journal", "WSJ"], shortForms: ["Journal"],
            codes: ["wsj", "wsj.com"], owner: "News Corp"),
        .init(
            name: "Los Angeles Times", forms: ["Los Angeles Times", "LA Times", "L.A. Times"], shortForms: ["Times"],
            codes: ["latimes", "latimes.com"]),
        .init(name: "Financial Times", forms: ["Financial Times", "FT"], codes: ["ft", "ft.com"]),
        .init(
            name: "The Times", forms: ["The Times of London"], shortForms: ["Times"], codes: ["thetimes.co.uk"],
            owner: "News Corp"),
        .init(
            name: "New York Post", forms: ["New York Post", "NY Post"], shortForms: ["Post"], codes: ["nypost.com"],
            owner: "News Corp"),
        .init(name: "USA Today", forms: ["USA Today", "USA TODAY"], codes: ["usatoday", "usatoday.com"]),
        .init(name: "The Guardian", forms: ["the Guardian"], codes: ["guardian", "theguardian.com"]),
        .init(name: "The Independent", forms: ["the Independent"], codes: ["independent.co.uk"]),
        .init(name: "The Telegraph", forms: ["Daily Telegraph", "the Telegraph"], codes: ["telegraph.co.uk"]),
        .init(name: "Daily Mail", forms: ["Daily Mail", "MailOnline", "Mail Online"], codes: ["dailymail.co.uk"]),
        .init(name: "The Economist", forms: ["the Economist"], codes: ["economist.com"]),
        .init(name: "The Atlantic", forms: ["the Atlantic"], codes: ["theatlantic.com"]),
        .init(name: "The New Yorker", forms: ["New Yorker"], codes: ["newyorker.com"]),
        .init(name: "Politico", forms: ["Politico", "POLITICO"], codes: ["politico", "politico.com", "politico.eu"]),
        .init(name: "Axios", forms: ["Axios"], codes: ["axios.com"]),
        .init(name: "The Hill", forms: ["the Hill"], codes: ["thehill.com"]),
        .init(name: "Newsweek", forms: ["Newsweek"], codes: ["newsweek.com"]),
        .init(
            name: "HuffPost", forms: ["HuffPost", "Huffington Post"],
            codes: [
                "huffpost", "huffpost.com",
                "huffingtonpost.com",
            ]),
        .init(name: "BuzzFeed News", forms: ["BuzzFeed News", "BuzzFeed"], codes: ["buzzfeednews.com"]),
        .init(name: "Breitbart News", forms: ["Breitbart News", "Breitbart"], codes: ["breitbart", "breitbart.com"]),
        .init(name: "ProPublica", forms: ["ProPublica"], codes: ["propublica.org"]),
        .init(name: "The Intercept", forms: ["the Intercept"], codes: ["theintercept.com"]),
        .init(name: "Der Spiegel", forms: ["Der Spiegel", "Spiegel", "SPIEGEL"], codes: ["spiegel.de"]),
        .init(
            name: "Süddeutsche Zeitung", forms: ["Süddeutsche Zeitung", "Süddeutschen Zeitung"],
            codes: ["sueddeutsche.de"]),
        .init(
            name: "Frankfurter Allgemeine Zeitung",
            forms: ["Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine", "FAZ"],
            codes: ["faz.net"]),
        .init(name: "Die Zeit", forms: ["Die Zeit", "Zeit Online"], codes: ["zeit.de"]),
        .init(name: "Bild", forms: ["Bild-Zeitung", "Bild"], codes: ["bild.de"]),
        .init(name: "Le Monde", forms: ["Le Monde"], codes: ["lemonde.fr"]),
        .init(name: "Le Figaro", forms: ["Le Figaro"], codes: ["lefigaro.fr"]),
        .init(name: "Libération", forms: ["Libération"], codes: ["liberation.fr"]),
        .init(name: "El País", forms: ["El País", "El Pais"], codes: ["elpais.com"]),
        .init(name: "El Mundo", forms: ["El Mundo"], codes: ["elmundo.es"]),
        .init(name: "Corriere della Sera", forms: ["Corriere della Sera"], codes: ["corriere.it"]),
        .init(name: "la Repubblica", forms: ["la Repubblica", "La Repubblica"], codes: ["repubblica.it"]),
        .init(name: "Gazeta Wyborcza", forms: ["Gazeta Wyborcza"], codes: ["wyborcza.pl"]),
        // Broadcasters.
        .init(
            name: "BBC", forms: ["BBC News", "BBC", "British Broadcasting Corporation"],
            codes: ["bbc", "bbc.com", "bbc.co.uk"]),
        .init(name: "CNN", forms: ["CNN"], codes: ["cnn", "cnn.com"]),
        .init(name: "Fox News", forms: ["Fox News Channel", "Fox News"], codes: ["fox", "foxnews", "foxnews.com"]),
        .init(name: "NBC News", forms: ["NBC News", "NBC"], codes: ["nbc", "nbcnews.com"]),
        .init(name: "ABC News", forms: ["ABC News"], codes: ["abc", "abcnews.go.com"]),
        .init(name: "CBS News", forms: ["CBS News", "CBS"], codes: ["cbs", "cbsnews.com"]),
        .init(name: "NPR", forms: ["National Public Radio", "NPR"], codes: ["npr", "npr.org"]),
        .init(name: "MSNBC", forms: ["MSNBC"], codes: ["msnbc", "msnbc.com"]),
        .init(name: "Sky News", forms: ["Sky News"], codes: ["news.sky.com"]),
        .init(name: "Al Jazeera", forms: ["Al Jazeera", "Al-Jazeera"], codes: ["aljazeera", "aljazeera.com"]),
        .init(name: "Voice of America", forms: ["Voice of America", "VOA"], codes: ["voa", "voanews.com"]),
        .init(name: "TRT World", forms: ["TRT World", "TRT"], codes: ["trt", "trtworld.com"]),
        .init(name: "RT", forms: ["Russia Today", "RT"], codes: ["rt", "rt.com"]),
        .init(name: "Sputnik", forms: ["Sputnik"], codes: ["sputniknews.com"]),
        .init(name: "Deutsche Welle", forms: ["Deutsche Welle", "DW"], codes: ["dw", "dw.com"]),
        .init(name: "France 24", forms: ["France 24"], codes: ["france24.com"]),
        .init(name: "Euronews", forms: ["Euronews"], codes: ["euronews.com"]),
    ]
}

extension KnownOutlet {
    /// The built-in outlets with a source registry's: a registry outlet that is a built-in one (by name, form,
    /// code or domain) adds its name, domain and owner to it; any other is recognised by its own name.
    public static func directory(adding registry: [KnownOutlet], to known: [KnownOutlet] = builtIn) -> [KnownOutlet] {
        var outlets = known
        var indexByKey: [String: Int] = [:]
        for (index, outlet) in outlets.enumerated() {
            for key in [outlet.name] + outlet.forms + outlet.codes where indexByKey[OutletIndex.folded(key)] == nil {
                indexByKey[OutletIndex.folded(key)] = index
            }
        }
        for outlet in registry {
            let keys = [outlet.name] + outlet.forms + outlet.codes
            guard let index = keys.lazy.compactMap({ indexByKey[OutletIndex.folded($0)] }).first else {
                outlets.append(outlet)
                for key in keys where indexByKey[OutletIndex.folded(key)] == nil {
                    indexByKey[OutletIndex.folded(key)] = outlets.count - 1
                }
                continue
            }
            for form in outlet.forms where !outlets[index].forms.contains(form) { outlets[index].forms.append(form) }
            for code in outlet.codes where !outlets[index].codes.contains(code) { outlets[index].codes.append(code) }
            if let owner = outlet.owner { outlets[index].owner = owner }
            if outlet.isAgency { outlets[index].isAgency = true }
        }
        return outlets
    }

    /// A source registry's outlet: recognised in text by its name when the name is written like one ("VOA",
    /// "TRT World", not a lower-case code such as "nyt"), and as an article's outlet by its name and domain.
    public init(registered name: String, domain: String?, owner: String?, isAgency: Bool) {
        let writtenLikeAName = name.unicodeScalars.contains { $0.properties.isUppercase }
        self.init(
            name: name, forms: writtenLikeAName ? [name] : [],
            codes: [name.lowercased()] + (domain.map { [$0.lowercased()] } ?? []), owner: owner, isAgency: isAgency)
    }
}
