#if canImport(Glibc)
    internal import Glibc
#endif

/// The HTML tokenizer's rules the stripper follows, over raw bytes: where a tag, a comment, a script's text or
/// a raw-text element ends.
extension RawTextStripper {
    /// One past the `>` closing a tag whose name ends at `start`, quoted attribute values skipped, by the
    /// tokenizer's attribute states (an "=" opening an attribute's name is part of the name, as is a quote there).
    static func endOfTag(_ bytes: [UInt8], from start: Int) -> Int {
        var cuts: [Range<Int>] = []
        return endOfTag(bytes, from: start, cutting: &cuts, keepingHref: true, collecting: false)
    }

    /// `endOfTag(_:from:)`, also adding to `cuts` the quoted values the extractor never reads
    /// (`keptAttributes`) that are long enough to be worth cutting (`href` is kept where `keepingHref`).
    static func endOfTag(
        _ bytes: [UInt8], from start: Int, cutting cuts: inout [Range<Int>], keepingHref: Bool, collecting: Bool = true
    ) -> Int {
        enum State { case beforeName, name, afterName, beforeValue, unquotedValue, selfClosing }
        var state = State.beforeName
        var index = start
        var nameStart = start
        var nameEnd = start
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
                    nameStart = index - 1
                }
            case .name:
                if space {
                    state = .afterName
                    nameEnd = index - 1
                } else if byte == UInt8(ascii: "/") {
                    state = .selfClosing
                } else if byte == UInt8(ascii: "=") {
                    state = .beforeValue
                    nameEnd = index - 1
                }
            case .afterName:
                if byte == UInt8(ascii: "/") {
                    state = .selfClosing
                } else if byte == UInt8(ascii: "=") {
                    state = .beforeValue
                } else if !space {
                    state = .name
                    nameStart = index - 1
                }
            case .beforeValue:
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    let valueStart = index
                    index = skip(bytes, past: [byte], from: index)
                    if collecting, index < bytes.count || bytes.last == byte, index - 1 - valueStart >= minimumCut {
                        let name = packed(bytes[nameStart..<nameEnd])
                        if !keptAttributes.contains(name), !(keepingHref && name == Self.href) {
                            cuts.append(valueStart..<(index - 1))
                        }
                    }
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

    /// One past the end of what a `<!` at `index` opens: a comment, CDATA (in SVG and MathML only; elsewhere a
    /// bogus comment to the first ">", as the tokenizer reads it) or another declaration.
    static func endOfDeclaration(_ bytes: [UInt8], at index: Int, inForeignContent: Bool) -> Int {
        if matches(bytes, at: index + 2, "--") { return endOfComment(bytes, from: index + 4) }
        if inForeignContent, matches(bytes, at: index + 2, "[CDATA[") {
            return skip(bytes, past: Array("]]>".utf8), from: index + 9)
        }
        return skip(bytes, past: [UInt8(ascii: ">")], from: index + 2)
    }

    /// One past the end of a comment whose text starts at `start`: `<!-->` and `<!--->` close at once, others at
    /// `-->` or `--!>`.
    static func endOfComment(_ bytes: [UInt8], from start: Int) -> Int {
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
    static func endOfScript(_ bytes: [UInt8], from start: Int) -> Int {
        enum State { case data, escaped, doubleEscaped }
        var state = State.data
        var index = start
        while index < bytes.count {
            // Outside an escaped run only a "<" can change anything.
            if state == .data { index = next(UInt8(ascii: "<"), in: bytes, from: index) }
            guard index < bytes.count else { break }
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
    static func endOfRawText(_ bytes: [UInt8], named name: String, from start: Int) -> Int {
        var index = next(UInt8(ascii: "<"), in: bytes, from: start)
        while index < bytes.count {
            if isEndTag(bytes, at: index, name) { return index }
            index = next(UInt8(ascii: "<"), in: bytes, from: index + 1)
        }
        return bytes.count
    }

    /// The index of the first `byte` at or after `start`, or the end. NB: `memchr`: scripts and texts run to
    /// megabytes on large pages, and a byte-by-byte loop was a visible share of the scan.
    static func next(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), buffer.count - start)
            else { return buffer.count }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    /// Whether `</name` followed by a delimiter starts at `index`.
    static func isEndTag(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") else { return false }
        return namedAt(bytes, index + 2, name)
    }

    /// Whether `<name` followed by a delimiter starts at `index`.
    static func isStartTag(_ bytes: [UInt8], at index: Int, _ name: String) -> Bool {
        namedAt(bytes, index + 1, name)
    }

    static func namedAt(_ bytes: [UInt8], _ start: Int, _ name: String) -> Bool {
        let end = start + name.utf8.count
        guard end < bytes.count, isDelimiter(bytes[end]) else { return false }
        return equalsLowercased(bytes[start..<end], name)
    }

    static func equalsLowercased(_ bytes: ArraySlice<UInt8>, _ name: String) -> Bool {
        bytes.count == name.utf8.count && zip(bytes, name.utf8).allSatisfy { $0.asciiLowercased == $1 }
    }

    static func matches(_ bytes: [UInt8], at index: Int, _ text: String) -> Bool {
        let text = text.utf8
        guard index >= 0, index + text.count <= bytes.count else { return false }
        return zip(bytes[index..<(index + text.count)], text).allSatisfy { $0 == $1 }
    }

    static func skip(_ bytes: [UInt8], past marker: [UInt8], from start: Int) -> Int {
        var position = next(marker[0], in: bytes, from: start)
        while position + marker.count <= bytes.count {
            if (1..<marker.count).allSatisfy({ bytes[position + $0] == marker[$0] }) { return position + marker.count }
            position = next(marker[0], in: bytes, from: position + 1)
        }
        return bytes.count
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte.asciiLowercased) }
    static func isSpace(_ byte: UInt8) -> Bool { byte.isHTMLSpace }

    /// Whether the tag ending just before `tagEnd` is written self-closing (`<svg/>`), which foreign content
    /// honours.
    static func closesItself(_ bytes: [UInt8], _ tagEnd: Int) -> Bool {
        tagEnd >= 2 && bytes[tagEnd - 2] == UInt8(ascii: "/")
    }
    static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    /// The attributes whose values the extractor reads (`HTMLDocument.Node.attribute(_:)`, class names), or that
    /// change the tree gumbo builds (an `<input type=hidden>` in a table, `<font color>` leaving SVG,
    /// `<annotation-xml encoding>`); `href` is read on `<link>` only. Every other quoted value of at least
    /// `minimumCut` bytes is cut before parsing: gumbo reads values a code point at a time, and `srcset`, `src`,
    /// `data-*` and link targets are a fifth of a page's bytes once scripts and styles are gone (wcxb-dev).
    static let keptAttributeNames: Set<String> = [
        "class", "id", "itemprop", "rel", "datetime", "content", "xml:lang", "type", "style", "role", "pubdate",
        "property", "name", "lang", "http-equiv", "hidden", "aria-hidden", "charset", "color", "face", "size",
        "encoding",
    ]
    private static let keptAttributes = Set(keptAttributeNames.map { packed(Array($0.utf8)[...]) })
    private static let href = packed(Array("href".utf8)[...])
    /// Shorter values are left: cutting them saves less than it costs.
    static let minimumCut = 24
}
