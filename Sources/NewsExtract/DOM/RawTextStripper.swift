/// Takes the contents of `<script>` and `<style>` elements out of a page before gumbo parses it.
///
/// NB: gumbo reads script and style text a code point at a time, and on news pages they are 40% of the bytes
/// (wcxb-dev: scripts 30%, styles 12%); the extractor never shows them. A style's text is dropped. A script's
/// is cut out and its place remembered: the element stays, marked with `scriptAttribute`, so metadata can still
/// read it (JSON-LD, or a date in a page's state script) through `HTMLDocument.scriptText(of:)`.
///
/// The scan follows the HTML tokenizer where it matters: tags are read with their quoted attribute values (a
/// `<script>` inside `data-x="…"` is not a tag), comments and the raw-text elements (`<title>`, `<textarea>`,
/// `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<plaintext>`) are skipped whole, and a script ends where the
/// tokenizer ends it, escaped `<!-- <script> … </script> -->` runs included. The tree gumbo builds from the
/// result is the tree it builds from the page, with those texts empty (tested on real pages and on random
/// tricky markup). Inside `<svg>` and `<math>`, where scripts and styles are markup, nothing is cut; a page
/// whose foreign content gumbo leaves by its error rules may have a script cut there, which changes at most
/// what such a page's own broken markup shows.
enum RawTextStripper {
    /// The attribute a script whose text was cut out carries; its value is the text's number in `scripts`.
    static let scriptAttribute = "data-corroborate-script"

    /// The page without script and style texts, and the byte ranges of the cut-out scripts in `bytes`.
    static func strip(_ bytes: [UInt8]) -> (html: [UInt8], scripts: [Range<Int>]) {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 2)
        var scripts: [Range<Int>] = []
        let count = bytes.count
        var copied = 0  // bytes before this are in `output` (or were dropped)
        var index = 0
        // Open `<svg>` and `<math>` elements: inside them the tokenizer reads `<script>` and `<style>` as markup
        // and `<![CDATA[` as CDATA, so nothing is cut there.
        var svg = 0, math = 0
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                if matches(bytes, at: index + 2, "--") {
                    index = endOfComment(bytes, from: index + 4)
                } else if svg + math > 0, matches(bytes, at: index + 2, "[CDATA[") {
                    index = skip(bytes, past: Array("]]>".utf8), from: index + 9)
                } else {
                    index = skip(bytes, past: [UInt8(ascii: ">")], from: index + 2)
                }
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
            let name = bytes[nameStart..<nameEnd]
            let tagEnd = endOfTag(bytes, from: nameEnd)
            // `tagEnd` is one past the `>` (or the end of the page).
            let isSVG = equalsLowercased(name, "svg")
            let isMath = !isSVG && equalsLowercased(name, "math")
            if closing {
                // NB: "</svg>" closes no <math>: an end tag matching no open foreign element is ignored.
                if isSVG { svg = max(0, svg - 1) }
                if isMath { math = max(0, math - 1) }
                index = tagEnd
            } else if isSVG || isMath || svg + math > 0 {
                if !(tagEnd >= 2 && bytes[tagEnd - 2] == UInt8(ascii: "/")) {
                    if isSVG { svg += 1 }
                    if isMath { math += 1 }
                }
                index = tagEnd
            } else if equalsLowercased(name, "script") {
                let contentEnd = endOfScript(bytes, from: tagEnd)
                if contentEnd > tagEnd {
                    output += bytes[copied..<nameEnd]
                    output += Array(" \(scriptAttribute)=\"\(scripts.count)\"".utf8)
                    output += bytes[nameEnd..<tagEnd]
                    scripts.append(tagEnd..<contentEnd)
                    copied = contentEnd
                }
                index = contentEnd
            } else if equalsLowercased(name, "style") {
                let contentEnd = endOfRawText(bytes, named: "style", from: tagEnd)
                output += bytes[copied..<tagEnd]
                copied = contentEnd
                index = contentEnd
            } else if let raw = rawTextElements.first(where: { equalsLowercased(name, $0) }) {
                index = raw == "plaintext" ? count : endOfRawText(bytes, named: raw, from: tagEnd)
            } else {
                index = tagEnd
            }
        }
        guard copied > 0 else { return (bytes, []) }
        output += bytes[copied..<count]
        return (output, scripts)
    }

    /// Elements whose text the tokenizer reads as text up to their own end tag (with scripting off, as gumbo
    /// parses: `<noscript>` holds markup).
    private static let rawTextElements = ["title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"]

    /// One past the `>` closing a tag whose name ends at `start`, quoted attribute values skipped, by the
    /// tokenizer's attribute states (an "=" opening an attribute's name is part of the name, as is a quote there).
    private static func endOfTag(_ bytes: [UInt8], from start: Int) -> Int {
        enum State { case beforeName, name, afterName, beforeValue, unquotedValue, selfClosing }
        var state = State.beforeName
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ">") { return index }
            let space = isSpace(byte)
            switch state {
            case .beforeName, .selfClosing:
                if byte == UInt8(ascii: "/") {
                    state = .selfClosing
                } else if !space {
                    state = .name
                }
            case .name:
                if space {
                    state = .afterName
                } else if byte == UInt8(ascii: "/") {
                    state = .selfClosing
                } else if byte == UInt8(ascii: "=") {
                    state = .beforeValue
                }
            case .afterName:
                if byte == UInt8(ascii: "/") {
                    state = .selfClosing
                } else if byte == UInt8(ascii: "=") {
                    state = .beforeValue
                } else if !space {
                    state = .name
                }
            case .beforeValue:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    index = skip(bytes, past: [byte], from: index)
                    // After a quoted value the tokenizer goes on as before a name.
                    state = .beforeName
                } else if !space {
                    state = .unquotedValue
                }
            case .unquotedValue:
                if space { state = .beforeName }
            }
        }
        return bytes.count
    }

    /// One past the end of a comment whose text starts at `start`: `<!-->` and `<!--->` close at once, others at
    /// `-->` or `--!>`.
    private static func endOfComment(_ bytes: [UInt8], from start: Int) -> Int {
        if matches(bytes, at: start, ">") { return start + 1 }
        if matches(bytes, at: start, "->") { return start + 2 }
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                if matches(bytes, at: index + 2, "!>") { return index + 4 }
            }
            index += 1
        }
        return bytes.count
    }

    /// Where a script's text starting at `start` ends (at its `</script`), by the tokenizer's script data
    /// states: after `<!--` the text is escaped, and inside it a `<script` opens a double-escaped run in which
    /// `</script` does not end the script; `-->` ends either.
    private static func endOfScript(_ bytes: [UInt8], from start: Int) -> Int {
        enum State { case data, escaped, doubleEscaped }
        var state = State.data
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-"), state != .data, matches(bytes, at: index, "-->") {
                state = .data
                index += 3
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            switch state {
            case .data:
                if matches(bytes, at: index + 1, "!--") {
                    state = .escaped
                    // NB: "<!-->" opens and closes at once: the dashes may be shared with the closing "-->".
                    index += 2
                    continue
                }
                if isEndTag(bytes, at: index, "script") { return index }
            case .escaped:
                if isEndTag(bytes, at: index, "script") { return index }
                if isStartTag(bytes, at: index, "script") { state = .doubleEscaped }
            case .doubleEscaped:
                if isEndTag(bytes, at: index, "script") { state = .escaped }
            }
            index += 1
        }
        return bytes.count
    }

    /// Where the text of a raw-text element starting at `start` ends (at its end tag).
    private static func endOfRawText(_ bytes: [UInt8], named name: String, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isEndTag(bytes, at: index, name) { return index }
            index += 1
        }
        return bytes.count
    }

    /// Whether `</name` followed by a delimiter starts at `index`.
    private static func isEndTag(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") else { return false }
        return namedAt(bytes, index + 2, name)
    }

    /// Whether `<name` followed by a delimiter starts at `index`.
    private static func isStartTag(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        namedAt(bytes, index + 1, name)
    }

    private static func namedAt(_ bytes: [UInt8], _ start: Int, _ name: String) -> Bool {
        let end = start + name.utf8.count
        guard end < bytes.count, isDelimiter(bytes[end]) else { return false }
        return equalsLowercased(bytes[start..<end], name)
    }

    private static func equalsLowercased(_ bytes: ArraySlice<UInt8>, _ name: String) -> Bool {
        bytes.count == name.utf8.count && zip(bytes, name.utf8).allSatisfy { lower($0) == $1 }
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ text: String) -> Bool {
        let text = text.utf8
        guard index >= 0, index + text.count <= bytes.count else { return false }
        return zip(bytes[index..<(index + text.count)], text).allSatisfy { $0 == $1 }
    }

    private static func skip(_ bytes: [UInt8], past marker: [UInt8], from start: Int) -> Int {
        var position = start
        while position + marker.count <= bytes.count {
            if bytes[position] == marker[0], (1..<marker.count).allSatisfy({ bytes[position + $0] == marker[$0] }) {
                return position + marker.count
            }
            position += 1
        }
        return bytes.count
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(lower(byte)) }
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }
}
