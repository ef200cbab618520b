import Foundation
import NewsFeeds
import NewsTesting
import Testing

/// Feed shapes written for these tests (Fixtures/), one per format and failure.
@Suite("Feed parsing")
struct FeedParserTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func parse(_ name: String, url: String? = nil) throws -> Feed {
        try FeedParser().parse(try fixture(name), url: url).get()
    }

    static func day(_ iso: String) -> Date? { ISO8601DateFormatter().date(from: iso) }

    @Test("RSS 2.0: CDATA, namespaces, several creators, source, enclosure, tracking stripped, relative links")
    func rss() throws {
        let feed = try Self.parse("rss2.xml", url: "https://gazette.example/rss.xml")
        #expect(feed.format == .rss)
        #expect(feed.title == "Harbour Gazette & Times")
        #expect(feed.language == "en-gb" && feed.timeToLiveMinutes == 30)
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Floods close the harbour road")
        #expect(first.url == "https://gazette.example/news/floods?id=7")
        #expect(first.id == "gazette-2024-0031")
        #expect(first.published == Self.day("2024-03-05T14:03:00Z"))
        #expect(first.authors == ["Ann Lee", "Bo Chen"])
        #expect(first.categories == ["Weather", "Local"])
        #expect(first.summaryHTML == "<p>The road was closed&nbsp;on Tuesday.</p>")
        #expect(first.contentHTML?.contains("52 homes were evacuated") == true)
        #expect(first.source == FeedSource(name: "Wire Agency", url: "https://wire.example/rss"))
        #expect(
            first.enclosures == [
                FeedEnclosure(url: "https://gazette.example/img/flood.jpg", type: "image/jpeg", length: 48211)
            ])
        let second = feed.items[1]
        #expect(second.url == "https://gazette.example/news/council")
        #expect(second.id == second.url)
        #expect(second.authors == ["Cara Diaz"])
        #expect(second.published == Self.day("2024-03-06T08:00:00Z"))
        #expect(second.summaryHTML == "Short summary only – see the site.")
        #expect(second.contentHTML == nil)
    }

    @Test("Atom: default namespace, xhtml and html content, authors, categories, updated as fallback date")
    func atom() throws {
        let feed = try Self.parse("atom.xml")
        #expect(feed.format == .atom)
        #expect(feed.title == "Le Courrier du Port" && feed.siteURL == "https://courrier.example/")
        #expect(feed.description == "Les nouvelles du port" && feed.language == "fr")
        let entry = feed.items[0]
        #expect(entry.title == "Inondations & routes coupées")
        #expect(entry.url == "https://courrier.example/2024/03/inondations")
        #expect(entry.id == "tag:courrier.example,2024:1")
        #expect(entry.published == Self.day("2024-03-05T14:00:00Z"))
        #expect(entry.updated == Self.day("2024-03-05T15:30:00Z"))
        #expect(entry.authors == ["Marie Dupont", "Luc Martin"])
        #expect(entry.categories == ["Météo"])
        #expect(
            entry.contentHTML
                == "<div><p>La route du port est <strong>coupée</strong> depuis mardi.</p><p>52 maisons évacuées.</p></div>"
        )
        #expect(entry.summaryHTML == "Routes coupées près du port.")
        #expect(entry.source == FeedSource(name: "Agence Fil", url: "https://fil.example/"))
        #expect(entry.enclosures.first?.type == "audio/mpeg")
        let undated = feed.items[1]
        #expect(undated.published == Self.day("2024-03-06T08:00:00Z"))
        #expect(undated.contentHTML == "<p>Texte <a href=\"/x\">lien</a></p>")
    }

    @Test("JSON Feed 1.1: content_text as paragraphs, feed authors inherited, numeric ids, external_url")
    func jsonFeed() throws {
        let feed = try Self.parse("feed.json")
        #expect(feed.format == .jsonFeed && feed.title == "Valley Post")
        let first = feed.items[0]
        #expect(first.url == "https://valley.example/a")
        #expect(first.contentHTML == "<p>The bridge reopened on Monday.</p><p>Traffic is light.</p>")
        #expect(first.summaryHTML == "Bridge &lt;open&gt;")
        #expect(first.authors == ["Valley Desk"])
        #expect(first.categories == ["Roads", "Valley"])
        #expect(first.published == Self.day("2024-03-04T13:00:00Z"))
        #expect(first.enclosures.first?.length == 900)
        let second = feed.items[1]
        #expect(second.id == "2" && second.url == "https://other.example/story" && second.authors == ["Dee Fox"])
    }

    @Test("RSS 1.0 (RDF): items beside the channel, Dublin Core dates and subjects")
    func rdf() throws {
        let feed = try Self.parse("rdf.xml")
        #expect(feed.format == .rdf && feed.title == "Science Notes" && feed.language == "en")
        #expect(feed.items.count == 1)
        let item = feed.items[0]
        #expect(item.id == "https://science.example/1" && item.title == "New comet seen")
        #expect(item.published == Self.day("2024-03-01T10:00:00Z"))
        #expect(item.authors == ["Dr. Ravi Rao"] && item.categories == ["Astronomy"])
    }

    @Test("broken XML still yields what it holds; the stray & and end tags are survived")
    func broken() throws {
        let feed = try Self.parse("broken.xml")
        #expect(feed.title == "Broken & careless")
        #expect(feed.items.map(\.url) == ["https://broken.example/1", "https://broken.example/2"])
    }

    @Test("entity expansion and external entities are never read")
    func entities() throws {
        let feed = try Self.parse("laughs.xml")
        #expect(feed.title == "&lol9;")
        #expect(feed.items.first?.title == "&xxe;")
    }

    @Test("the XML declaration's encoding is honoured; a header charset wins over it")
    func encodings() throws {
        let feed = try Self.parse("latin1.xml")
        #expect(feed.title == "Café News" && feed.items.first?.title == "Crème brûlée")
        let utf8 = Array(
            #"<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Café</title></channel></rss>"#.utf8)
        let labelled = try FeedParser().parse(utf8, contentType: "application/rss+xml; charset=utf-8").get()
        #expect(labelled.title == "Café")
    }

    @Test("HTML pages, empty bodies, other XML, bad JSON and deep nesting are reasoned errors")
    func refusals() throws {
        func code(_ bytes: [UInt8]) -> String? {
            if case .failure(let error) = FeedParser().parse(bytes) { return error.code }
            return nil
        }
        #expect(code(try Self.fixture("page.html")) == "feed.html")
        #expect(code([]) == "feed.empty")
        #expect(code(Array("  \n ".utf8)) == "feed.empty")
        #expect(code(Array("<svg><g/></svg>".utf8)) == "feed.unknown-format")
        #expect(code(Array("{\"items\": [".utf8)) == "feed.malformed")
        #expect(code(Array("{\"title\": \"not a feed\"}".utf8)) == "feed.unknown-format")
        #expect(code(Array("just text".utf8)) == "feed.malformed")
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(code(Array(("<rss>" + deep).utf8)) == "feed.too-deep")
    }

    @Test("a large feed parses in linear time")
    func large() throws {
        var xml = "<rss><channel><title>Big</title>"
        for index in 0..<20_000 {
            xml += "<item><title>Item \(index)</title><link>https://big.example/\(index)</link>"
            xml += "<description><![CDATA[<p>Text \(index)</p>]]></description></item>"
        }
        xml += "</channel></rss>"
        let started = Date()
        let feed = try FeedParser().parse(Array(xml.utf8)).get()
        #expect(feed.items.count == 20_000)
        #expect(feed.items.last?.url == "https://big.example/19999")
        #expect(Date().timeIntervalSince(started) < 20)  // generous: catches quadratic behaviour, not speed
    }
}

@Suite("Feed parsing, mangled input")
struct MangledFeedTests {
    @Test("truncated, spliced and byte-flipped feeds never crash and keep their item count bounded")
    func mangled() throws {
        var generator = SeededGenerator(seed: 7)
        let fixtures = try ["rss2.xml", "atom.xml", "rdf.xml", "feed.json", "latin1.xml", "broken.xml"].map(
            FeedParserTests.fixture)
        let noise: [UInt8] = Array("<>&;/\"'![]{}:=#".utf8) + [0x00, 0xFF, 0xC3, 0x80]
        for round in 0..<600 {
            var bytes = fixtures[round % fixtures.count]
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            case 1:
                for _ in 0..<8 {
                    let at = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[at] = noise.randomElement(using: &generator)!
                }
            default:
                let cut = Int.random(in: 0..<bytes.count, using: &generator)
                bytes = Array(bytes[cut...] + bytes[..<cut])
            }
            if case .success(let feed) = FeedParser().parse(bytes) { #expect(feed.items.count <= 3) }
            _ = OPML.read(bytes)
        }
    }
}
