import Foundation
import NewsTesting
import Testing

@testable import NewsExtract

/// Hostile and broken pages end in a reasoned outcome, quickly, never a crash.
@Suite("HTML extraction robustness")
struct ExtractionRobustnessTests {
    static let article =
        "<p>" + String(repeating: "A sentence of the article, with words and commas. ", count: 12) + "</p>"

    @Test func deepNestingIsRejectedBeforeParsing() {
        let deep =
            "<html><body>" + String(repeating: "<div>", count: 100_000) + Self.article
            + String(repeating: "</div>", count: 100_000)
        let start = Date()
        let page = HTMLExtractor().extract(Array(deep.utf8))
        #expect(page.rejection == .tooDeep(depth: 5001, limit: 5000))
        #expect(Date().timeIntervalSince(start) < 5)
        let unclosed = String(repeating: "<div><span><b>", count: 40_000) + "text"
        #expect(HTMLExtractor().extract(Array(unclosed.utf8)).rejection?.code == "too-deep")
        // HTML ignores the slash of `<div/>`: each one opens a div.
        let slashed = "<html><body>" + String(repeating: "<div/>", count: 100_000) + Self.article
        #expect(HTMLExtractor().extract(Array(slashed.utf8)).rejection == .tooDeep(depth: 5001, limit: 5000))
        // A UTF-16 page nests as deep once decoded.
        let wide: [UInt8] =
            [0xFF, 0xFE] + deep.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(HTMLExtractor().extract(wide).rejection?.code == "too-deep")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func ordinaryNestingIsNotMistakenForDeep() {
        func depth(_ html: String) -> Int { RawTextStripper.strip(Array(html.utf8)).depth }
        // Thousands of unclosed <p>, <li> and cells, as sloppy pages have, do not count as nesting.
        let sloppy = "<html><body><div>" + String(repeating: "<p>para<li>item<td>cell", count: 20_000) + "</div>"
        #expect(depth(sloppy) <= 3)
        let scripted = "<div><script>for(i=0;i<9;i++){document.write('<div><div><div>')}</script></div>"
        #expect(depth(scripted) == 2)
        // Tags in comments and raw text are text; self-closed drawings nest nothing.
        let quiet =
            "<div><!--" + String(repeating: "<div>", count: 9) + "--><textarea>"
            + String(repeating: "<div>", count: 9) + "</textarea><svg><path/><path/></svg></div>"
        #expect(depth(quiet) == 2)
    }

    @Test(arguments: [
        ("empty", [UInt8](), "empty"),
        ("white space", Array(" \n\t ".utf8), "empty"),
        ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary"),
        (
            "no body text", Array("<html><head><title>t</title></head><body><nav>a</nav></body></html>".utf8),
            "no-content"
        ),
        ("a lone angle bracket, which HTML reads as text", Array("<".utf8), "too-short"),
    ])
    func hopelessInputsAreRejectedWithAReason(name: String, bytes: [UInt8], code: String) {
        #expect(HTMLExtractor().extract(bytes).rejection?.code == code, "\(name)")
    }

    @Test func truncatedPagesKeepWhatTheyHave() {
        let page =
            "<html><head><title>Cut | Site</title><meta property=\"og:type\" content=\"article\"></head><body><article>"
            + Self.article + Self.article + "<p>And then the connec"
        let result = HTMLExtractor().extract(Array(page.utf8))
        #expect(result.rejection == nil)
        #expect(result.text.hasSuffix("And then the connec"))
    }

    /// Markup the extractor keys on: hidden and tabbed content, scripts it reads back, metadata, drawings.
    static let markup = [
        "<div>", "</div>", "<p>", "<script>", "</", "<!--", "&amp;", "<table><tr><td>", "é", "\u{0}",
        "<div role='tabpanel' hidden>", "<div hidden id='S:1'>", "<div style='display:none'>", "<noscript>",
        "</noscript>", "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"",
        "\"}</script>", "<time datetime='2024-03-05'>", "<meta property='og:title' content='", "'>", "<h1>",
        "</h1>", "<article>", "</article>", "<aside>", "<svg><path d='M0'/></svg>", "<template>", "<br>",
        "<meta charset='shift_jis'>", "<span class='byline'>By ", "Von Max Mustermann", "Stand: 12.03.2021",
        " Loading specifications…", "A sentence of the article, with words and commas. ", "<li>", "<pre>",
        "<a href='/x'>", "</a>", "\n", "\u{A0}", "<style>p{}</style>", "<main>", "<![CDATA[", "]]>",
    ]

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<200 {
            let length = Int(generator.next() % 4096)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 2 == 0 {
                // Markup-shaped noise reaches the parser past the binary check.
                let pieces = Self.markup
                bytes = Array(
                    (0..<length / 4).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined().utf8)
            }
            _ = HTMLExtractor().extract(bytes)
        }
    }
}
