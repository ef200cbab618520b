/// Takes the contents of `<script>` and `<style>` elements, and of drawings (`<svg>` icons and logos), out of a
/// page before gumbo parses it.
///
/// NB: gumbo reads script and style text a code point at a time, and on news pages they are 40% of the bytes
/// (wcxb-dev: scripts 30%, styles 12%, SVG 8%); the extractor never shows them. A style's text is dropped. A script's
/// is cut out and its place remembered: the element stays, marked with `scriptAttribute`, so metadata can still
/// read it (JSON-LD, or a date in a page's state script) through `HTMLDocument.scriptText(of:)`.
///
/// The scan follows the HTML tokenizer where it matters: tags are read with their quoted attribute values (a
/// `<script>` inside `data-x="…"` is not a tag), comments and the raw-text elements (`<title>`, `<textarea>`,
/// `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<plaintext>`) are skipped whole, and a script ends where the
/// tokenizer ends it, escaped `<!-- <script> … </script> -->` runs included. The tree gumbo builds from the
/// result is the tree it builds from the page, with those texts empty and drawings without their paths
/// (tested on real pages and on random tricky markup). An `<svg>` is emptied only when it holds nothing but
/// drawing elements and text, so no HTML inside it could change the tree around it; otherwise, inside `<svg>`
/// and `<math>`, where scripts and styles are markup, nothing is cut; a page
/// whose foreign content gumbo leaves by its error rules may have a script cut there, which changes at most
/// what such a page's own broken markup shows.
enum RawTextStripper {
    /// The attribute a script whose text was cut out carries; its value is the text's number in `scripts`.
    static let scriptAttribute = "data-corroborate-script"

    /// The page without script and style texts and drawings' content, the byte ranges of the cut-out scripts in
    /// `bytes`, and how deep its elements nest (see `Nesting`). The scan stops once the depth passes
    /// `depthLimit`: such a page is rejected, not parsed.
    static func strip(
        _ bytes: [UInt8], depthLimit: Int = .max
    ) -> (html: [UInt8], scripts: [Range<Int>], depth: Int) {
        var output: [UInt8] = []
        var nesting = Nesting()
        output.reserveCapacity(bytes.count / 2)
        var scripts: [Range<Int>] = []
        let count = bytes.count
        var copied = 0  // bytes before this are in `output` (or were dropped)
        var index = 0
        // Open `<svg>` and `<math>` elements: inside them the tokenizer reads `<script>` and `<style>` as markup
        // and `<![CDATA[` as CDATA, so nothing is cut there.
        var svg = 0, math = 0
        while index < count {
            index = next(UInt8(ascii: "<"), in: bytes, from: index)
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = endOfDeclaration(bytes, at: index, inForeignContent: svg + math > 0)
                continue
            }
            if next == UInt8(ascii: "?") {
                index = skip(bytes, past: [UInt8(ascii: ">")], from: index + 2)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = index + (closing ? 2 : 1)
            guard nameStart < count, isLetter(bytes[nameStart]) else {
                // "</>" and "</ …>" are skipped to their ">"; a "<" before anything else is text.
                index = closing ? skip(bytes, past: [UInt8(ascii: ">")], from: index + 2) : index + 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < count, !isDelimiter(bytes[nameEnd]) { nameEnd += 1 }
            let name = packed(bytes[nameStart..<nameEnd])
            var cuts: [Range<Int>] = []
            let tagEnd =
                closing || name == Tag.script
                ? endOfTag(bytes, from: nameEnd)
                : endOfTag(bytes, from: nameEnd, cutting: &cuts, keepingHref: name == Tag.link)
            for cut in cuts {
                output += bytes[copied..<cut.lowerBound]
                copied = cut.upperBound
            }
            // `tagEnd` is one past the `>` (or the end of the page).
            let isSVG = name == Tag.svg
            let isMath = name == Tag.math
            if closing {
                nesting.close(name)
            } else {
                nesting.open(name, closingItself: (svg + math > 0 || isSVG || isMath) && closesItself(bytes, tagEnd))
                if nesting.deepest > depthLimit { return (bytes, [], nesting.deepest) }
            }
            if closing {
                // NB: "</svg>" closes no <math>: an end tag matching no open foreign element is ignored.
                if isSVG { svg = max(0, svg - 1) }
                if isMath { math = max(0, math - 1) }
                index = tagEnd
            } else if isSVG, svg + math == 0, !closesItself(bytes, tagEnd),
                let end = endOfDrawing(bytes, from: tagEnd)
            {
                // A drawing (icons, logos): its paths are gone, the element stays.
                output += bytes[copied..<tagEnd]
                copied = end
                index = end
            } else if isSVG || isMath || svg + math > 0 {
                if !closesItself(bytes, tagEnd) {
                    if isSVG { svg += 1 }
                    if isMath { math += 1 }
                }
                index = tagEnd
            } else if name == Tag.script {
                let contentEnd = endOfScript(bytes, from: tagEnd)
                if contentEnd > tagEnd {
                    output += bytes[copied..<nameEnd]
                    output += Array(" \(scriptAttribute)=\"\(scripts.count)\"".utf8)
                    output += bytes[nameEnd..<tagEnd]
                    scripts.append(tagEnd..<contentEnd)
                    copied = contentEnd
                }
                index = contentEnd
            } else if name == Tag.style {
                let contentEnd = endOfRawText(bytes, named: "style", from: tagEnd)
                output += bytes[copied..<tagEnd]
                copied = contentEnd
                index = contentEnd
            } else if let raw = rawTextElements[name] {
                index = name == Tag.plaintext ? count : endOfRawText(bytes, named: raw, from: tagEnd)
            } else {
                index = tagEnd
            }
        }
        guard copied > 0 else { return (bytes, [], nesting.deepest) }
        output += bytes[copied..<count]
        return (output, scripts, nesting.deepest)
    }

    /// Where the content of an `<svg>` whose start tag ends at `start` ends (at its `</svg`), when it holds only
    /// drawing elements and text: then gumbo's tree outside it does not depend on what is inside (no HTML
    /// element breaks out of it, no HTML integration point holds markup). `nil` for anything else.
    private static func endOfDrawing(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 1
        var index = start
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                index = endOfDeclaration(bytes, at: index, inForeignContent: true)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = index + (closing ? 2 : 1)
            guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
                if closing { return nil }
                index += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < bytes.count, !isDelimiter(bytes[nameEnd]) { nameEnd += 1 }
            let name = bytes[nameStart..<nameEnd]
            guard name.count <= 24 else { return nil }
            let lowered = String(decoding: name.map(\.asciiLowercased), as: UTF8.self)
            guard drawingElements.contains(lowered) else { return nil }
            let tagEnd = endOfTag(bytes, from: nameEnd)
            if lowered == "svg" {
                if closing {
                    depth -= 1
                    if depth == 0 { return index }
                } else if !closesItself(bytes, tagEnd) {
                    depth += 1
                }
            }
            index = tagEnd
        }
        return nil
    }

    /// SVG's drawing elements (lower-cased), none of them an HTML tag that leaves foreign content or an HTML
    /// integration point holding markup (`<title>` and `<desc>` are, but pass only with text in them, since
    /// any element in them would have to be one of these).
    static let drawingElements: Set<String> = [
        "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "defs", "use", "symbol",
        "title", "desc", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "filter",
        "feblend", "fecolormatrix", "fecomposite", "feflood", "fegaussianblur", "feoffset", "femerge", "femergenode",
        "femorphology", "fedropshadow", "feturbulence", "fedisplacementmap", "fecomponenttransfer", "fefunca",
        "fefuncr", "fefuncg", "fefuncb", "text", "tspan", "textpath", "marker", "animate", "animatetransform",
        "animatemotion", "set", "view", "metadata",
    ]

    /// Elements whose text the tokenizer reads as text up to their own end tag (with scripting off, as gumbo
    /// parses: `<noscript>` holds markup).
    private static let rawTextElements: [UInt128: String] = Dictionary(
        uniqueKeysWithValues: ["title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"].map {
            (packed(Array($0.utf8)[...]), $0)
        })

    /// The packed names the scan dispatches on.
    private enum Tag {
        static let svg = packed(Array("svg".utf8)[...])
        static let math = packed(Array("math".utf8)[...])
        static let script = packed(Array("script".utf8)[...])
        static let style = packed(Array("style".utf8)[...])
        static let plaintext = packed(Array("plaintext".utf8)[...])
        static let link = packed(Array("link".utf8)[...])
    }
}
