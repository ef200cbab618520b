internal import NewsCore

/// The metadata a page shows only as text, for pages that mark none up: a written date beside the headline or
/// after a label, and a byline under the headline.
extension MetadataExtractor {
    /// A written date in the text right after the first `<h1>`, where bylines sit on pages without markup.
    func dateNearHeadline(dayFirst: Bool) -> String? {
        firstText(underHeadline: 200) { DateFinder.writtenDay($0, dayFirst: dayFirst) }
    }

    /// The first of the short texts right after the first `<h1>` that `read` makes something of.
    private func firstText<T>(underHeadline maxBytes: Int, _ read: (String) -> T?) -> T? {
        guard let heading = document.nodes.firstIndex(where: { $0.name == "h1" }) else { return nil }
        // NB: 80 nodes, measured on wcxb-dev: 40 finds fewer dates (0.795), 300 barely more (0.814 vs 0.812).
        for index in heading..<min(heading + 80, document.nodes.count) {
            let node = document.nodes[index]
            // Script and style text sits directly under its element.
            guard node.isText, node.text.utf8.count < maxBytes,
                !["script", "style", "noscript"].contains(document.nodes[Int(node.parent)].name)
            else { continue }
            if let value = read(node.text) { return value }
        }
        return nil
    }

    /// The first date the page labels as its own in its text ("Published October 14, 2025", "Last updated:
    /// November 13, 2025", "[Submitted on 18 Dec 2025]"), the label and the date in one text or the label
    /// alone with the date in one of the next three texts.
    func labelledDate(dayFirst: Bool) -> String? {
        var labelSeen = -1
        var texts = 0
        for index in document.nodes.indices {
            let node = document.nodes[index]
            guard node.isText, node.text.utf8.count < 200,
                !["script", "style", "noscript", "title"].contains(document.nodes[Int(node.parent)].name)
            else { continue }
            texts += 1
            // NB: most texts start with no label's first letters; folding each of them was a visible share of
            // extraction on pages without a date.
            guard labelSeen >= 0 && texts - labelSeen <= 3 || Self.mayStartLabel(node.text) else { continue }
            let folded = Whitespace.folded(node.text).lowercased().trimmingPrefix("[")
            let label = Self.dateLabels.first { folded.hasPrefix($0) }
            if let label {
                if let day = DateFinder.writtenDay(String(folded.dropFirst(label.count)), dayFirst: dayFirst) {
                    return day
                }
                if folded.count <= label.count + 4 { labelSeen = texts }
            } else if labelSeen >= 0, texts - labelSeen <= 3,
                let day = DateFinder.writtenDay(String(folded), dayFirst: dayFirst)
            {
                return day
            }
        }
        return nil
    }

    /// Whether a text's first two letters (after spaces and a "[") are those of a date label, ASCII case folded;
    /// a text starting with a letter outside ASCII passes (the full check decides).
    private static func mayStartLabel(_ text: String) -> Bool {
        var letters: [UInt8] = []
        for byte in text.utf8 {
            if letters.isEmpty, byte.isHTMLSpace || byte == UInt8(ascii: "[") {
                continue
            }
            if byte >= 0x80 { return true }
            letters.append(byte.asciiLowercased)
            if letters.count == 2 { break }
        }
        return letters.count == 2 && labelStarts.contains(UInt16(letters[0]) << 8 | UInt16(letters[1]))
    }

    private static let labelStarts = Set(
        dateLabels.map { label in
            let bytes = Array(label.utf8)
            return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        })

    /// Words that label a page's own date, in the languages of European news too ("Veröffentlicht am", "Stand:",
    /// "Publié le", "Publicado el", "Pubblicato il", "Gepubliceerd op", "Opublikowano").
    private static let dateLabels = [
        "published", "posted", "last updated", "updated", "submitted", "date:", "publication date", "released",
        "veröffentlicht", "erschienen", "stand:", "aktualisiert", "zuletzt aktualisiert", "datum:", "publié",
        "mis à jour", "publicado", "actualizado", "publicación", "pubblicato", "aggiornato", "data:",
        "gepubliceerd", "bijgewerkt", "geplaatst", "opublikowano", "aktualizacja", "data publikacji", "atualizado",
    ]

    /// A byline written as text under the first `<h1>` ("By Jane Doe", "Von Max Mustermann, dpa", "Par Jean
    /// Dupont"), the word and the name in one text or the word alone with the name in the next one.
    func bylineNearHeadline() -> String? {
        var pendingWord = false
        return firstText(underHeadline: 120) { text in
            let folded = Whitespace.folded(text)
            if folded.isEmpty { return nil }
            if pendingWord, let name = Self.personName(folded[...]) { return name }
            pendingWord = Self.bylineWords.contains(folded.lowercased())
            return Self.byline(folded)
        }
    }

    /// The name in a byline text ("Von Max Mustermann, dpa" is Max Mustermann), or `nil` when the text is no
    /// byline.
    static func byline(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let word = bylineWords.first(where: { lower.hasPrefix($0 + " ") }) else { return nil }
        return personName(text.dropFirst(word.count + 1))
    }

    /// Two to four capitalised words before the first separator, with the particles of European surnames
    /// ("Ursula von der Leyen", "Pedro de la Cruz") between them.
    static func personName(_ text: Substring) -> String? {
        let name = text.prefix { !",|·•–—(/;:\n".contains($0) && !$0.isNumber }
        var words = name.split(separator: " ").map(String.init)
        // "By Jane Doe Sept. 4, 2025": a month just before the day is the date's, not the name's.
        if name.endIndex < text.endIndex, text[name.endIndex].isNumber, let last = words.last,
            DateFinder.month(last.lowercased().filter(\.isLetter)) != nil
        {
            words.removeLast()
        }
        guard (2...5).contains(words.count), let first = words.first, let last = words.last,
            first.first?.isUppercase == true, last.first?.isUppercase == true,
            words.filter({ $0.first?.isUppercase == true }).count <= 4,
            words.allSatisfy({ $0.first?.isUppercase == true || nameParticles.contains($0) }),
            words.allSatisfy({ $0.count <= 24 && $0.allSatisfy { $0.isLetter || "-'’.".contains($0) } })
        else { return nil }
        // NB: a name is a name, not a headline in title case that happens to follow "By": no word of it may be
        // an article or preposition in capitals.
        guard !words.contains(where: { titleCaseWords.contains($0.lowercased()) }) else { return nil }
        return words.joined(separator: " ")
    }

    /// The word a byline opens with, in English, German, French, Spanish, Portuguese, Italian, Dutch and Polish.
    static let bylineWords: Set<String> = ["by", "von", "par", "por", "di", "door", "autor", "autore", "auteur"]

    private static let nameParticles: Set<String> = [
        "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "y", "e", "zu",
        "ten", "ter", "bin", "al",
    ]

    private static let titleCaseWords: Set<String> = [
        "the", "a", "an", "and", "of", "in", "on", "for", "to", "with", "at", "from", "our", "staff", "news",
        "reporters", "reporter", "editors", "editor", "team", "redaktion", "rédaction", "redacción", "redazione",
        "agencies", "agency", "updated", "published",
    ]
}
