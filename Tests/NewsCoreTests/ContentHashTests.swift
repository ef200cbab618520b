import NewsCore
import Testing

@Suite("Content hash, language codes, white space")
struct ContentHashTests {
    @Test func hashIgnoresWhiteSpaceLayout() {
        let a = ContentHash(source: "VOA", title: "US: Strikes", text: "One.\n\nTwo  three.")
        let b = ContentHash(source: " VOA", title: "US:  Strikes ", text: "One. Two\nthree.")
        #expect(a == b)
    }

    @Test func outletIsPartOfTheIdentity() {
        // The same wire text in two outlets is two articles (of one origin), not a duplicate.
        let ap = ContentHash(source: "AP", title: "T", text: "Body")
        let yahoo = ContentHash(source: "Yahoo", title: "T", text: "Body")
        #expect(ap != yahoo)
        #expect(ContentHash(source: nil, title: "T", text: "Body") != ap)
    }

    @Test func fieldsDoNotRunTogether() {
        #expect(ContentHash(source: nil, title: "ab", text: "c") != ContentHash(source: nil, title: "a", text: "bc"))
    }

    @Test func hashIsPinned() {
        // SHA-256 of "VOA\0Title\0Text" (Python's hashlib). A change here changes every stored identity: it needs a new `ContentHash.algorithm` and a migration.
        #expect(
            ContentHash(source: "VOA", title: "Title", text: "Text").rawValue
                == "2d5257ded63607f4eb18bbf5ed501aae11df1013b0dba39fcdf0cf9545a5abb7")
    }

    @Test(arguments: [
        ("en", "en"), ("EN", "en"), ("en-GB", "en"), ("pt_BR", "pt"), ("fil", "fil"),
    ])
    func languageCodes(input: String, expected: String) {
        #expect(LanguageCode(rawValue: input)?.rawValue == expected)
    }

    @Test(arguments: ["", "un", "und", "english", "e1", "x"])
    func notLanguageCodes(input: String) {
        #expect(LanguageCode(rawValue: input) == nil)
    }

    @Test func paragraphs() {
        let text = "  First line\ncontinues here.\n\n\n  Second\u{00A0}para.  \n \n"
        #expect(Whitespace.normalizedParagraphs(text) == "First line continues here.\n\nSecond para.")
        #expect(Whitespace.trimmed("\u{200B} x y \n") == "x y")
    }

    @Test(arguments: ["", " ", "\n\t\u{00A0}\u{200B}\u{3000}\u{FEFF}", " x ", "\u{00A0}é", "\u{200B}\u{00A0}-"])
    func blankIsTrimmedEmpty(text: String) {
        #expect(Whitespace.isBlank(text) == Whitespace.trimmed(text).isEmpty)
        #expect(Whitespace.isBlank(text.dropFirst(0)) == Whitespace.trimmed(text).isEmpty)
    }
}
