/// HTML fragments as plain text, for titles and short summaries: tags dropped, entities read, white space
/// folded. (Whole articles go through `HTMLExtractor` instead.)
enum HTMLText {
    static func plain(_ html: String) -> String {
        var out = ""
        var inTag = false
        var pendingSpace = false
        var entity: String?
        func emit(_ text: String) {
            if pendingSpace && !out.isEmpty { out += " " }
            pendingSpace = false
            out += text
        }
        func take(_ character: Character) {
            if character == "<" {
                inTag = true
            } else if character == "&" {
                entity = ""
            } else if character.isWhitespace {
                pendingSpace = true
            } else {
                emit(String(character))
            }
        }
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    pendingSpace = true
                }
            } else if var name = entity {
                if character == ";" {
                    let decoded = decode(name) ?? "&\(name);"
                    entity = nil
                    if decoded == " " { pendingSpace = true } else { emit(decoded) }
                } else if name.count < 10, character.isLetter || character.isNumber || character == "#" {
                    name.append(character)
                    entity = name
                } else {
                    entity = nil
                    emit("&" + name)  // a bare "&": kept as written
                    take(character)
                }
            } else {
                take(character)
            }
        }
        if let name = entity { emit("&" + name) }
        return out
    }

    private static let named: [String: String] = [
        // The five XML entities and character references come from `XMLEscaping.reference`.
        "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "eacute": "é", "copy": "©",
    ]

    private static func decode(_ name: String) -> String? { named[name] ?? XMLEscaping.reference(name) }
}
