internal import Foundation

/// The terminal the CLI writes to: standard output for results, standard error for messages.
enum Terminal {
    /// Writes a line of results to standard output.
    static func output(_ line: String = "") {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a message to standard error.
    static func message(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A name (a file, an input) as printed: control characters escaped (`\n`, `\t`, `\u{1B}`), so a file
    /// named with a line break or an escape sequence cannot forge output lines or drive the terminal.
    static func shown(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            return name
        }
        var shown = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x0A: shown += "\\n"
            case 0x0D: shown += "\\r"
            case 0x09: shown += "\\t"
            case 0..<0x20, 0x7F...0x9F: shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// Whether standard error is a terminal (progress and colour go there only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Redraws one progress line on standard error (a terminal), or clears it with `nil`.
    static func progress(_ line: String?) {
        let text = line.map { truncated($0, to: errorWidth - 1) } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// Whether standard output is a terminal and colour is welcome (`NO_COLOR` unset).
    static var stdoutIsStyled: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// The width of standard output in columns, or 100 when it is not a terminal.
    static var width: Int {
        if isatty(STDOUT_FILENO) == 1, let columns = columns(of: STDOUT_FILENO) { return columns }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return columns
        }
        return 100
    }

    /// The width of standard error in columns (where progress is drawn), or 80.
    static var errorWidth: Int { columns(of: STDERR_FILENO) ?? 80 }

    /// The columns of the terminal behind a file descriptor, if it is one wider than 20.
    private static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
        return Int(size.ws_col)
    }

    /// Bold on a styled terminal, the text as is elsewhere.
    static func bold(_ text: String, styled: Bool) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// Dim on a styled terminal, the text as is elsewhere.
    static func dim(_ text: String, styled: Bool) -> String { styled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

    /// `text` cut to `width` characters with an ellipsis.
    static func truncated(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `12,345`.
    static func count(_ number: Int) -> String {
        number.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }
}
