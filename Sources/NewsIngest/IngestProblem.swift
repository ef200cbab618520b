public import NewsExtract

/// Why an input named on the command line yielded nothing, before or during parsing.
public enum IngestProblem: Error, Sendable, Hashable {
    /// No file or folder at the path.
    case notFound
    /// The file exists but cannot be read; `reason` is the system's.
    case unreadable(reason: String)
    /// Larger than the size cap.
    case tooLarge(bytes: Int, limit: Int)
    /// A device, socket or the like.
    case notAFile
    /// The content was rejected as a whole.
    case rejected(ExtractionRejection)

    /// A stable, machine-readable code.
    public var code: String {
        switch self {
        case .notFound: "input.not-found"
        case .unreadable: "input.unreadable"
        case .tooLarge: "input.too-large"
        case .notAFile: "input.not-a-file"
        case .rejected(let rejection): "input.\(rejection.code)"
        }
    }

    /// One line for a person, without the input's name.
    public var reason: String {
        switch self {
        case .notFound: "no such file or folder"
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .tooLarge(let bytes, let limit):
            "\(ByteCount.format(bytes)) is over the \(ByteCount.format(limit)) limit (raise it with --max-file-size)"
        case .notAFile: "not a regular file or folder"
        case .rejected(let rejection): rejection.reason
        }
    }
}

/// Byte counts as people read them.
public enum ByteCount {
    /// `512 B`, `3.2 KiB`, `200.0 MiB`.
    public static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }

    /// Parses `500`, `64K`, `100M`, `2G`, `100MiB`, `1.5GB` (binary multiples); `nil` if not a size.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingPrefix(" ").uppercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let multiplier: Double
        switch trimmed.dropFirst(digits.count).replacing("IB", with: "").replacing("B", with: "") {
        case "": multiplier = 1
        case "K": multiplier = 1024
        case "M": multiplier = 1024 * 1024
        case "G": multiplier = 1024 * 1024 * 1024
        default: return nil
        }
        let bytes = number * multiplier
        return bytes < Double(Int.max) ? Int(bytes) : nil
    }
}
