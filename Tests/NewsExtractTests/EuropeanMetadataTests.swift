import Testing

@testable import NewsExtract

/// Dates and bylines as European news writes them: month names and labels in German, French, Spanish, Italian,
/// Portuguese, Dutch and Polish, day-first numbers where the page's language reads so, and text bylines.
@Suite("European metadata")
struct EuropeanMetadataTests {
    @Test(arguments: [
        ("12. März 2021", "2021-03-12"), ("Veröffentlicht am 3. Januar 2024", "2024-01-03"),
        ("3 de marzo de 2021", "2021-03-03"), ("1er mars 2021", "2021-03-01"), ("15 février 2023", "2023-02-15"),
        ("12 marca 2021", "2021-03-12"), ("7 settembre 2022", "2022-09-07"), ("2 de outubro de 2020", "2020-10-02"),
        ("14 mei 2019", "2019-05-14"), ("4th September 2025", "2025-09-04"), ("Sept 4, 2025", "2025-09-04"),
    ])
    func writtenDates(text: String, expected: String) {
        #expect(DateFinder.day(text) == expected)
    }

    @Test func wordsThatOnlyLookLikeMonths() {
        // "martes" is Tuesday and "mayor" no month: an English abbreviation counts only as a word's start.
        #expect(DateFinder.writtenDay("martes 3 2021") == nil)
        #expect(DateFinder.writtenDay("the mayor 3 2021") == nil)
        #expect(DateFinder.month("sept") == 9 && DateFinder.month("septem") == 9 && DateFinder.month("sepsis") == nil)
    }

    @Test func thePagesLanguageDecidesDayAndMonthOrder() {
        #expect(DateFinder.day("04/09/2025") == nil)
        #expect(DateFinder.day("04/09/2025", dayFirst: true) == "2025-09-04")
        #expect(DateFinder.day("Stand: 12/03/2021", dayFirst: true) == "2021-03-12")
        #expect(
            DateFinder.writesDayFirst("de-DE") && DateFinder.writesDayFirst("fr") && DateFinder.writesDayFirst("en-GB"))
        #expect(
            !DateFinder.writesDayFirst("en-US") && !DateFinder.writesDayFirst("en") && !DateFinder.writesDayFirst(nil))
    }

    @Test func aGermanPageWithoutMarkup() {
        let html = """
            <html lang="de"><head><title>Stadtrat beschließt Brücke</title></head><body>
            <h1>Stadtrat beschließt neue Brücke über den Fluss</h1>
            <div class="meta"><span>Von Max Mustermann, dpa</span></div>
            <p>Veröffentlicht am 12. März 2021</p>
            <p>Der Stadtrat hat am Dienstag mit neun zu zwei Stimmen beschlossen, eine Fußgängerbrücke über den
            Fluss zu bauen. Damit endet eine Debatte, die mehr als zehn Jahre gedauert hat.</p>
            </body></html>
            """
        let page = HTMLExtractor().extract(Array(html.utf8))
        #expect(page.publishedDay == "2021-03-12")
        #expect(page.metadata.authors == ["Max Mustermann"])
    }

    @Test func aDottedDateUnderTheHeadlineNeedsNoLabel() {
        let html = """
            <html lang="de"><body><h1>Stadtrat beschließt neue Brücke</h1><div><span>12.03.2021, 14:05 Uhr</span>
            </div><p>Der Stadtrat hat am Dienstag beschlossen, eine Fußgängerbrücke zu bauen.</p></body></html>
            """
        #expect(HTMLExtractor().extract(Array(html.utf8)).publishedDay == "2021-03-12")
    }

    @Test func authorFieldsThatNameNobody() {
        #expect(MetadataExtractor.cleanAuthor("Written By ") == "")
        #expect(MetadataExtractor.cleanAuthor(", USA TODAY") == "")
        #expect(MetadataExtractor.cleanAuthor("undefined") == "")
        #expect(MetadataExtractor.cleanAuthor("262588213843476") == "")
        #expect(MetadataExtractor.cleanAuthor("Maria &amp; Katerina") == "Maria & Katerina")
        #expect(MetadataExtractor.cleanAuthor("\"David Kim\"") == "David Kim")
        #expect(MetadataExtractor.cleanAuthor("Von Max Mustermann") == "Max Mustermann")
        #expect(MetadataExtractor.cleanAuthor("98 Buck Social") == "98 Buck Social")
        let nested = """
            <html><body><div class="editor-author-name-wrap"><div class="author-name">Stephen Jesudunsin</div>
            <div class="author-name weight">AI Writer, Embarque</div></div><p>Text.</p></body></html>
            """
        #expect(HTMLExtractor().extract(Array(nested.utf8)).metadata.authors == ["Stephen Jesudunsin"])
    }

    @Test func labelsAndNumericDatesInOtherLanguages() {
        func day(_ lang: String, _ body: String) -> String? {
            HTMLExtractor().extract(
                Array("<html lang=\"\(lang)\"><body><p>Texte.</p><p>\(body)</p></body></html>".utf8)
            )
            .publishedDay
        }
        #expect(day("de", "Stand: 04.09.2025") == "2025-09-04")
        #expect(day("fr", "Publié le 04/09/2025") == "2025-09-04")
        #expect(day("en-US", "Published 04/09/2025") == nil)
        #expect(day("es", "Publicado el 3 de marzo de 2021") == "2021-03-03")
        #expect(day("nl", "Gepubliceerd op 14 mei 2019") == "2019-05-14")
    }

    @Test func bylines() {
        #expect(MetadataExtractor.byline("Von Max Mustermann, dpa") == "Max Mustermann")
        #expect(MetadataExtractor.byline("Par Jean Dupont | 12 mars 2021") == "Jean Dupont")
        #expect(MetadataExtractor.byline("By Ursula von der Leyen") == "Ursula von der Leyen")
        #expect(MetadataExtractor.byline("Por Pedro de la Cruz") == "Pedro de la Cruz")
        #expect(MetadataExtractor.byline("By Jane Doe Sept. 4, 2025") == "Jane Doe")
        #expect(MetadataExtractor.byline("By Theresa May") == "Theresa May")
        // A headline in title case is no byline, nor is a desk.
        #expect(MetadataExtractor.byline("By The Numbers") == nil)
        #expect(MetadataExtractor.byline("Von Redaktion Berlin") == nil)
        #expect(MetadataExtractor.byline("by the way, it rained") == nil)
        #expect(MetadataExtractor.byline("Max Mustermann") == nil)
    }
}
