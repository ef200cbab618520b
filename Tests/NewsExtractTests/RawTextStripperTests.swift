import Foundation
import Testing

@testable import NewsExtract

/// Script and style texts are cut out before parsing: gumbo must build the same tree, with those texts empty.
@Suite("Script and style texts cut out before parsing")
struct RawTextStripperTests {
    /// A tree as the extractor reads it, one line per node in document order (depth, name, attributes, text),
    /// leaving out the text of scripts and styles and the attribute marking a cut-out script.
    static func shape(_ document: HTMLDocument) -> [String] {
        document.nodes.indices.compactMap { index in
            let node = document.nodes[index]
            if node.isText, node.parent >= 0, ["script", "style"].contains(document.nodes[Int(node.parent)].name) {
                return nil
            }
            // A drawing's content is cut by design: only its <svg> element is compared.
            if Self.insideDrawing(document, index) { return nil }
            // Values the extractor never reads may be cut: only their names are compared.
            let attributes = node.attributes.filter { $0.name != RawTextStripper.scriptAttribute }
                .map { attribute in
                    let read =
                        RawTextStripper.keptAttributeNames.contains(attribute.name)
                        || (attribute.name == "href" && node.name == "link")
                    return read ? "\(attribute.name)=\(attribute.value)" : attribute.name
                }
                .joined(separator: " ")
            return "\(node.depth) \(node.name) [\(attributes)] \(node.text)"
        }
    }

    /// Whether a node lies inside an `<svg>` that holds only drawing elements (whose content is cut).
    static func insideDrawing(_ document: HTMLDocument, _ index: Int) -> Bool {
        var parent = Int(document.nodes[index].parent)
        while parent >= 0 {
            if document.nodes[parent].name == "svg" {
                let inside = document.nodes[(parent + 1)..<document.subtreeEnd[parent]]
                return !inside.contains { !$0.isText && !RawTextStripper.drawingElements.contains($0.name) }
            }
            parent = Int(document.nodes[parent].parent)
        }
        return false
    }

    /// The scripts' texts in document order, as the extractor reads them (line ends folded: gumbo's text has
    /// "\n" where a cut-out script keeps the page's "\r\n").
    static func scripts(_ document: HTMLDocument) -> [String] {
        document.nodes.indices.filter { document.nodes[$0].name == "script" }.map {
            document.scriptText(of: $0).replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
    }

    /// Expects the cut page and the whole page to give the same tree; a failure names `page`, or shows the
    /// markup itself when none is given.
    static func expectSameTree(
        _ html: String, page: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let cut = HTMLDocument(html: html)
        let whole = HTMLDocument(html: html, cuttingRawText: false)
        let name = page ?? html.debugDescription
        #expect(Self.shape(cut) == Self.shape(whole), "\(name)", sourceLocation: sourceLocation)
        #expect(Self.scripts(cut) == Self.scripts(whole), "\(name)", sourceLocation: sourceLocation)
    }

    @Test("script and style texts are gone from the parsed page; scripts are still read whole")
    func textsAreCutAndScriptsKept() throws {
        let html = """
            <html><head><style>p { color: red } a > b {}</style>
            <script type="application/ld&#x2B;json">{"@type":"NewsArticle","headline":"Kept"}</script>
            <script>var state = {"datePublished":"2024-05-06"}; if (a < b && c > d) {}</script></head>
            <body><p>Body text.</p></body></html>
            """
        let stripped = RawTextStripper.strip(Array(html.utf8))
        let parsed = String(decoding: stripped.html, as: UTF8.self)
        #expect(!parsed.contains("color: red") && !parsed.contains("datePublished") && !parsed.contains("Kept"))
        #expect(stripped.scripts.count == 2)
        let document = HTMLDocument(html: html)
        #expect(Self.scripts(document)[0] == #"{"@type":"NewsArticle","headline":"Kept"}"#)
        #expect(Self.scripts(document)[1].hasPrefix("var state = "))
        // The entity-encoded type is the one gumbo reads: JSON-LD is found although no raw byte says "ld+json".
        let page = HTMLExtractor().extract(Array(html.utf8))
        #expect(page.metadata.title == "Kept")
        Self.expectSameTree(html)
    }

    @Test(
        "the tokenizer's edge cases give the same tree",
        arguments: [
            // A script inside a quoted attribute value, a comment, a title and a textarea is no script.
            #"<div data-x="<script>alert(1)</script>" title='<style>x</style>'>a</div><p>b</p>"#,
            "<!-- <script>not one</script> --><p>after</p><!--><script>real</script><!---><style>s</style>",
            "<title>a <script>b</script></title><textarea><style>c</style></textarea><p>d</p>",
            "<iframe><script>x</script></iframe><xmp><style>y</style></xmp><noembed><script>z</script></noembed>",
            // Escaped and double-escaped script text: "</script>" inside "<!-- <script> … -->" does not end it.
            #"<script><!-- document.write("<script>inner</script>"); --></script><p>after</p>"#,
            "<script><!--<script></script>--></script><p>x</p><script><!--</script><p>y</p>",
            "<SCRIPT type=text/javascript>a</SCRIPT ><STYLE media=all>b</STYLE\t><p>c</p>",
            // Unclosed raw text runs to the end of the page, as in the tokenizer.
            "<p>a</p><script>never closed <p>b</p>",
            "<p>a</p><style>never closed <p>b</p>",
            "<p>a</p><script>x</scriptx></script ><p>b</p>",
            // Unquoted and odd attribute values, bogus comments, CDATA outside foreign content.
            "<a href=x>y</a><b a==\"<script>\">c</b><?php echo '<script>' ?><![CDATA[<style>]]><p>d</p>",
            "<p a=\"x\"b='<script>'>e</p><noscript><p>f</p><script>g</script></noscript>",
            "<template><script>t</script><style>u</style></template><p>v</p>",
            "<script></script><style></style><script/>w</script><p>x</p>",
            "<p>a --!> b</p><!-- c --!><script>d</script><p>e</p>",
            "<plaintext><script>all text</script>",
            // Parse errors in attributes: an "=" opening a name, quotes inside a name.
            "<SCRIPT ='</title>'==<!x><template></SCRIPT\n</textarea>=<p>a</p>",
            "<p a\"b='<script>'>c</p><p d='e'f=\"<style>\">g</p>",
            // CDATA is a bogus comment to the first ">" in HTML, CDATA to "]]>" in SVG; nothing is cut in SVG.
            "\"<![CDATA[\"><SCRIPT -->]]>'<template><script type=x></iframe>\"<style>",
            "<svg><style>a<b>c</b></style><script>d<e/></script><![CDATA[<style>]]></svg><style>f</style><p>g</p>",
            "<svg/><style>a</style><math><mi><script>b</script></mi></math><p>c</p>",
            // A drawing's paths are cut; an SVG holding other elements (HTML breaking out of it) is left whole.
            #"<svg viewBox="0 0 9 9"><title>Logo</title><g><path d="M0 0h9"/></g><!-- </svg> --></svg><p>a</p>"#,
            "<svg><path/><p>breaks out</p><path/></svg><p>b</p>",
            "<svg><foreignObject><div><style>x</style></div></foreignObject></svg><p>c</p>",
            "<svg><svg><rect/></svg><circle/></svg><style>d</style><p>e</p>",
            "<", "<script", "<script>", "<!--", "<style>a</st", "</", "<a b='",
            // Long values the extractor never reads are cut; the tree does not change.
            #"<table><input type="hidden" data-long="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"><tr><td>a</td></tr></table>"#,
            #"<img srcset="a.jpg 1x, b.jpg 2x, c.jpg 3x, d.jpg 4x" alt='<script>x</script> and more text'><p>b</p>"#,
            #"<a href="https://example.com/a/long/path/to/a/page">a</a><p x="unterminated value that runs on"#,
        ])
    func sameTree(_ html: String) {
        Self.expectSameTree(html)
    }

    @Test("long values the extractor never reads are cut before parsing; those it reads are kept")
    func unreadValuesAreCut() {
        let long = String(repeating: "x", count: RawTextStripper.minimumCut)
        let html = """
            <html><head><link rel="canonical" href="https://example.com/\(long)">
            <meta property="og:title" content="Title \(long)"></head>
            <body><div class="story \(long)" data-state="\(long)STATE"><a href="/\(long)LINK">a</a>
            <img src="/\(long).jpg" alt="short"><p style="color: red; \(long)">b</p></div></body></html>
            """
        let stripped = String(decoding: RawTextStripper.strip(Array(html.utf8)).html, as: UTF8.self)
        #expect(!stripped.contains("STATE") && !stripped.contains("LINK") && !stripped.contains(".jpg"))
        #expect(stripped.contains(#"data-state="""#) && stripped.contains(#"alt="short""#))
        for kept in ["https://example.com/", "Title ", "story ", "color: red; "] {
            #expect(stripped.contains(kept + long), "\(kept)")
        }
        Self.expectSameTree(html)
    }

    @Test("pages made of random pieces of tricky markup give the same tree")
    func randomPieces() {
        let pieces = [
            "<script>", "</script>", "<script type=x>", "<style>", "</style>", "<!--", "-->", "--!>", "<!-->",
            "<title>", "</title>", "<textarea>", "</textarea>", "<p>", "</p>", "<div class=\"", "\">", "'", "\"",
            "=", ">", "<", "</", "<b ", "a<b", "text ", "<noscript>", "</noscript>", "<iframe>", "</iframe>", "<!x>",
            "<?q>", "<![CDATA[", "]]>", "<SCRIPT ", "</SCRIPT\n", "<template>", "</template>", "&amp;", "é",
            "<img src=\"a-long-image-address-of-thirty-bytes.jpg\" ", "<link href='", "<table>", "<input type=hidden ",
        ]
        var random: UInt64 = 0x9e37_79b9_7f4a_7c15
        for _ in 0..<3_000 {
            var html = ""
            for _ in 0..<12 {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int((random >> 33) % UInt64(pieces.count))]
            }
            Self.expectSameTree(html)
        }
    }

    static func gunzip(_ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test("the fixture pages and wcxb-dev pages give the same tree")
    func realPages() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        var pages = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
            .filter { $0.hasSuffix(".html") }.map { ($0, try Data(contentsOf: fixtures.appendingPathComponent($0))) }
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/eval/extraction/wcxb-dev/html")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: shared.path) {
            // Every 20th page: enough kinds of sites for the check, quick enough for a debug build.
            for name in names.sorted().enumerated().filter({ $0.offset % 20 == 0 }).map(\.element) {
                pages.append(("wcxb-dev " + name, try Self.gunzip(shared.appendingPathComponent(name))))
            }
        } else {
            print("skipped wcxb-dev pages: \(shared.path) is absent (../shared holds the evaluation data)")
        }
        for (name, page) in pages {
            let html = HTMLDecoding(fallback: .windows1252).decode(Array(page), contentType: nil).text
            Self.expectSameTree(html, page: name)
        }
    }
}
