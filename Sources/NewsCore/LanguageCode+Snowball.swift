extension LanguageCode {
    /// The Snowball algorithm that stems this language (libstemmer's name for it), or `nil` when
    /// Snowball has none.
    ///
    /// NB: the names are libstemmer 2.2's; they are stored in index names, so a rename needs a migration.
    public var snowballAlgorithm: String? { Self.snowballAlgorithms[rawValue] }

    /// Every language libstemmer 2.2 stems, keyed by code.
    public static let snowballAlgorithms: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
        "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french", "de": "german",
        "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
        "it": "italian", "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian",
        "nn": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
        "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    ]
}
