import Foundation
import NewsAnalysis
import NewsCore
import NewsExtract
import NewsFeeds
import NewsFetch

/// The pure parsers: bytes in, a value or a reasoned rejection out, never a crash, a hang or runaway memory.
enum ParserTargets {
    static let extractor = FuzzTarget(name: "extractor", summary: "HTML pages through the extraction cascade") {
        { bytes in
            let page = HTMLExtractor().extract(bytes)
            if page.rejection == nil, page.text.isEmpty { violated("an accepted page with no text") }
        }
    }

    static let feed = FuzzTarget(name: "feed", summary: "RSS, RDF, Atom and JSON Feed documents") {
        { bytes in
            if case .success(let feed) = FeedParser().parse(bytes, url: "https://example.com/feed.xml"),
                feed.items.count > bytes.count
            {
                violated("\(feed.items.count) items from \(bytes.count) bytes")
            }
        }
    }

    static let opml = FuzzTarget(name: "opml", summary: "OPML subscription lists, read, written and read back") {
        { bytes in
            guard case .success(let subscriptions) = OPML.read(bytes) else { return }
            // What Corroborate writes it must read back as the same subscriptions.
            let written = OPML.write(subscriptions)
            guard case .success(let again) = OPML.read(Array(written.utf8)) else {
                violated("OPML written from \(subscriptions.count) subscriptions does not read back")
            }
            // The writer groups feeds by folder, so order may change; each feed and its folders may not.
            func filed(_ list: [OPMLSubscription]) -> [String] {
                list.map { ([$0.feedURL] + $0.folders).joined(separator: " / ") }.sorted()
            }
            if filed(again) != filed(subscriptions) {
                violated("feeds or their folders changed on a round trip: \(filed(subscriptions)) → \(filed(again))")
            }
        }
    }

    static let articles = FuzzTarget(
        name: "articles", summary: "article files: JSON, JSON Lines, plain text (first byte picks)"
    ) {
        let parser = ArticleParser()
        let formats: [InputFormat?] = [nil, .json, .jsonLines, .plainText]
        return { bytes in
            guard let first = bytes.first else { return }
            let rest = Array(bytes.dropFirst())
            let document = parser.parse(rest, name: "input", format: formats[Int(first) % formats.count])
            for record in document.records {
                if case .success(let draft) = record.outcome, draft.text.isEmpty, draft.title.isEmpty {
                    violated("an accepted record with neither title nor text")
                }
            }
            for (number, line) in rest.split(separator: UInt8(ascii: "\n")).prefix(8).enumerated() {
                _ = parser.parseLine(line, number: number + 1)
            }
        }
    }

    static let robots = FuzzTarget(name: "robots", summary: "robots.txt files and the paths matched against them") {
        { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let rules = RobotsRules(parsing: text, token: "corroborate")
            // Paths from the input itself reach the pattern matcher's corners ('*', '$', percent escapes).
            let paths = ["/", "/feed.xml", "/a/b?c=d"] + text.split(separator: "\n").prefix(4).map { "/" + $0 }
            for path in paths { _ = rules.allows(path: path) }
        }
    }

    static let analyser = FuzzTarget(name: "analyser", summary: "article text through the whole text analysis") {
        let analyzer = TextAnalyzer()
        return { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let analysis = analyzer.analyze(text, published: Date(timeIntervalSince1970: 1_700_000_000))
            let utf8 = Array(text.utf8)
            func check(_ range: TextRange, _ what: String) {
                guard range.start >= 0, range.start <= range.end, range.end <= utf8.count else {
                    violated("\(what) range \(range) outside a text of \(utf8.count) bytes")
                }
                // Offsets index the text's bytes; one inside a character would cut it in two.
                for offset in [range.start, range.end] where offset < utf8.count && utf8[offset] & 0xC0 == 0x80 {
                    violated("\(what) range \(range) cuts a character at byte \(offset)")
                }
            }
            analysis.sentences.forEach { check($0.range, "sentence") }
            analysis.paragraphs.forEach { check($0.range, "paragraph") }
            analysis.entities.forEach { $0.mentions.forEach { check($0.range, "entity mention") } }
            analysis.numbers.forEach { check($0.range, "number") }
            analysis.dates.forEach { check($0.range, "date") }
            for quote in analysis.quotes {
                quote.spans.forEach { check($0, "quote") }
                quote.cue.map { check($0, "quote cue") }
                quote.speakerMention.map { check($0, "speaker mention") }
            }
        }
    }
}
