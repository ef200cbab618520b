/// Whitespace rules shared by every stage that compares or cleans text.
public enum Whitespace {
    /// Whether a scalar is white space for our purposes: Unicode white space, including the no-break and
    /// zero-width spaces news pages are full of.
    @inlinable
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// The text with every run of white space turned into one space and both ends trimmed.
    public static func folded(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Paragraphs of `text` (split at blank lines), each folded, empty ones dropped, joined by one blank line.
    ///
    /// Single line breaks inside a paragraph become spaces, as in the plain-text articles we ingest.
    public static func normalizedParagraphs(_ text: some StringProtocol) -> String {
        paragraphs(text).joined(separator: "\n\n")
    }

    /// The folded, non-empty paragraphs of `text`.
    public static func paragraphs(_ text: some StringProtocol) -> [String] {
        var result: [String] = []
        var current: [Substring] = []
        func flush() {
            let paragraph = folded(current.joined(separator: " "))
            if !paragraph.isEmpty { result.append(paragraph) }
            current.removeAll()
        }
        for line in String(text).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.unicodeScalars.allSatisfy(isSpace) { flush() } else { current.append(line) }
        }
        flush()
        return result
    }
}

extension Whitespace {
    /// The text without leading and trailing white space.
    public static func trimmed(_ text: some StringProtocol) -> String {
        let scalars = String(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
