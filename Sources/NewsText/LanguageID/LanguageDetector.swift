internal import CCLD2
public import NewsCore

/// Tells the language of a text with CLD2's full tables (160+ languages).
public enum LanguageDetector {
    /// The language of `text`, with CLD2's reliability verdict. Empty or letterless text is unknown.
    public static func detect(_ text: String) -> LanguageGuess {
        detect(text, spans: []).whole
    }

    /// The language of the whole of `text` and of each span of it, in one CLD2 pass: a span takes the
    /// language of the runs covering most of its bytes.
    public static func detect(_ text: String, spans: [TextRange]) -> (whole: LanguageGuess, spans: [LanguageGuess]) {
        var copy = text
        return copy.withUTF8 { buffer in
            guard buffer.count > 0, let base = buffer.baseAddress else {
                return (.unknown, spans.map { _ in .unknown })
            }
            // NB: CLD2 takes an Int32 length and a long text says no more after its first megabyte; cut at
            // a UTF-8 character start.
            var length = min(buffer.count, 1 << 20)
            while length < buffer.count, length > 0, buffer[length] & 0xC0 == 0x80 { length -= 1 }
            let capacity = spans.isEmpty ? 0 : max(64, spans.count * 4)
            var chunks = [ccld2_chunk](repeating: ccld2_chunk(), count: capacity)
            var chunkCount: Int32 = 0
            let result = base.withMemoryRebound(to: CChar.self, capacity: length) { pointer in
                chunks.withUnsafeMutableBufferPointer { chunkBuffer in
                    ccld2_detect(
                        pointer, Int32(length), capacity > 0 ? chunkBuffer.baseAddress : nil, Int32(capacity),
                        &chunkCount)
                }
            }
            let code = result.codes.0.map { String(cString: $0) } ?? "un"
            let whole =
                code == "un" || result.text_bytes == 0
                ? LanguageGuess.unknown
                : LanguageGuess(
                    language: LanguageCode(rawValue: code), code: code, percent: Int(result.percents.0),
                    isReliable: result.is_reliable)
            let runs = chunks.prefix(Int(chunkCount)).map { chunk in
                (
                    range: TextRange(Int(chunk.offset), Int(chunk.offset + chunk.bytes)),
                    code: chunk.code.map { String(cString: $0) } ?? "un"
                )
            }
            return (whole, spans.map { languageOf($0, runs: runs) })
        }
    }

    /// The language covering most of `span`'s bytes; reliable when it covers at least 70% of 40+ bytes.
    private static func languageOf(_ span: TextRange, runs: [(range: TextRange, code: String)]) -> LanguageGuess {
        var bytesByCode: [String: Int] = [:]
        for run in runs where run.range.overlaps(span) {
            let overlap = min(run.range.end, span.end) - max(run.range.start, span.start)
            bytesByCode[run.code, default: 0] += overlap
        }
        guard let (code, bytes) = bytesByCode.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
            code != "un", span.length > 0
        else { return .unknown }
        let percent = min(100, bytes * 100 / span.length)
        return LanguageGuess(
            language: LanguageCode(rawValue: code), code: code, percent: percent,
            isReliable: percent >= 70 && span.length >= 40)
    }
}
