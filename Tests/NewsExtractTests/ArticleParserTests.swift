import Foundation
import NewsCore
import NewsExtract
import Testing

@Suite("Article parsing: plain text, JSON, JSON Lines")
struct ArticleParserTests {
    let parser = ArticleParser(defaults: ArticleDefaults(source: "Default Outlet"))

    private func draft(_ document: ParsedDocument, _ index: Int = 0) throws -> ArticleDraft {
        try #require(document.rejection == nil)
        return try document.records[index].outcome.get()
    }

    @Test func plainText() throws {
        let bytes = Array("\n\nUS criticises Russia\r\n\r\nFirst paragraph\nwraps here.\r\n\r\nSecond.\n".utf8)
        let article = try draft(parser.parse(bytes, name: "a.txt"))
        #expect(article.title == "US criticises Russia")
        #expect(article.text == "First paragraph wraps here.\n\nSecond.")
        #expect(article.source == "Default Outlet")
        #expect(article.format == .plainText && article.raw == bytes)
    }

    @Test func jsonObjectWithAliases() throws {
        let json = """
            {"headline": "T", "body": "Para one.\\n\\nPara two.", "outlet": {"name": "VOA"}, "link": "https://x.test/a",
             "datePublished": "2015-12-29T14:30:00+02:00", "lang": "en-US", "author": [{"name": "Jane Doe"}, "Bo Li"]}
            """
        let article = try draft(parser.parse(Array(json.utf8), name: "stdin"))
        #expect(article.title == "T" && article.text == "Para one.\n\nPara two.")
        #expect(article.source == "VOA" && article.url == "https://x.test/a")
        #expect(article.published == Date(timeIntervalSince1970: 1_451_392_200))
        #expect(article.language == .english && article.authors == ["Jane Doe", "Bo Li"])
        #expect(article.format == .json)
    }

    @Test func jsonArray() throws {
        let json = #"[{"title": "A", "text": "a"}, 3, {"title": "B", "text": "b", "source": "S"}]"#
        let document = parser.parse(Array(json.utf8), name: "x.json")
        #expect(document.records.count == 3)
        #expect(try document.records[0].outcome.get().source == "Default Outlet")
        #expect(document.records[1].outcome == .failure(.notAnObject(found: "a number or boolean")))
        #expect(document.records[1].location == .element(1))
        #expect(try document.records[2].outcome.get().source == "S")
    }

    @Test func jsonLinesWithBadLines() throws {
        let lines = """
            {"title": "A", "text": "a", "published": "someday", "language": "english"}

            {"title": "B"}
            {"title": "C", "text": 
            {"title": "D", "text": ["not", "a", "string"]}
            """
        let document = parser.parse(Array(lines.utf8), name: "feed.jsonl")
        #expect(document.records.map(\.location) == [.line(1), .line(3), .line(4), .line(5)])
        let first = try document.records[0].outcome.get()
        #expect(first.published == nil && first.language == nil)
        #expect(document.records[0].warnings.count == 2)
        #expect(document.records[1].outcome == .failure(.missingField("text")))
        #expect(document.records[2].outcome.failureCode == "invalid-json")
        #expect(document.records[3].outcome == .failure(.wrongType(field: "text", expected: "a string")))
    }

    @Test func parseLineStreamsOneRecord() throws {
        let record = try #require(parser.parseLine(Array(#"{"title":"T","text":"x"}"#.utf8), number: 7))
        #expect(record.location == .line(7) && !record.usedFallback)
        let latin1 = try #require(
            parser.parseLine(Array(#"{"title":"Caf"#.utf8) + [0xE9] + Array(#"","text":"x"}"#.utf8), number: 8))
        #expect(latin1.usedFallback)
        #expect(try latin1.outcome.get().title == "Café")
        #expect(try latin1.outcome.get().charset == "windows-1252")
        #expect(parser.parseLine(Array("   ".utf8), number: 8) == nil)
    }

    @Test func wholeInputRejections() {
        #expect(parser.parse(Array(" \n\t\n".utf8), name: "a.txt").rejection == .empty)
        #expect(parser.parse([0x00, 0x01, 0x02], name: "a.txt").rejection == .binary(offset: 0))
        #expect(parser.parse(Array("Title only\n".utf8), name: "a.txt").records.first?.outcome == .failure(.noBody))
        let html = parser.parse(Array("<!DOCTYPE html><html><body><p>Too short.</p></body></html>".utf8), name: "page")
        #expect(html.records.first?.outcome == .failure(.tooShort(characters: 10, minimum: 250)))
    }

    @Test(arguments: [
        ("a.txt", "{}", InputFormat.plainText), ("a.JSON", "x", .json), ("a.ndjson", "x", .jsonLines),
        ("-", "[{}]", .json), ("-", "{\"a\":1}\n{\"a\":2}\n", .jsonLines), ("-", "{\n \"a\": 1\n}", .json),
        ("-", "Title\nBody", .plainText),
    ])
    func formatDetection(name: String, content: String, expected: InputFormat) {
        let format = InputFormat(fileName: name) ?? InputFormat(sniffing: Array(content.utf8))
        #expect(format == expected)
    }

    @Test(arguments: [
        ("2015-12-29", 1_451_347_200.0), ("2015-12-29T10:00:00Z", 1_451_383_200),
        ("2015-12-29 10:00:00", 1_451_383_200),
        ("2015-12-29T10:00:00.5-05:00", 1_451_401_200.5), ("2015-12-29T10:00+0100", 1_451_379_600),
        ("Tue, 29 Dec 2015 10:00:00 +0000", 1_451_383_200), ("Tue, 29 Dec 2015 10:00:00 GMT", 1_451_383_200),
        ("1451383200", 1_451_383_200),
    ])
    func dates(text: String, seconds: Double) {
        #expect(PublicationDate.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["yesterday", "2015-13-01", "2015-02-30", "2015-12-29T25:00", ""])
    func notDates(text: String) {
        #expect(PublicationDate.parse(text) == nil)
    }
}

extension Result where Failure == ExtractionRejection {
    fileprivate var failureCode: String? {
        if case .failure(let rejection) = self { return rejection.code }
        return nil
    }
}
