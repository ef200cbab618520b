import Foundation
import NewsAnalysis
import NewsCore
import NewsTesting
import Testing

/// Golden files: the expected output in plain view under Snapshots/, rewritten with RECORD_SNAPSHOTS=1.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Compares `actual` with the golden file `name`, or records it when RECORD_SNAPSHOTS is set.
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.check(actual, against: folder.appendingPathComponent(name), sourceLocation: sourceLocation)
    }

    /// A seed article from Samples/seeds/: its text and publication date.
    static func seed(_ name: String) throws -> (title: String, text: String, published: Date?) {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/seeds/\(name).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let published = (object["published"] as? String).flatMap {
            ISO8601DateFormatter().date(from: $0 + "T00:00:00Z")
        }
        return (try #require(object["title"] as? String), try #require(object["text"] as? String), published)
    }

    /// The whole analysis as readable lines: every span shown by its text, offsets kept for sentences.
    static func render(_ analysis: ArticleAnalysis, text: String) -> String {
        func slice(_ range: TextRange?) -> String { range.map { $0.slice(of: text) } ?? "-" }
        func name(_ entity: Int?) -> String { entity.map { analysis.entities[$0].name } ?? "-" }
        var lines = [
            "algorithm \(analysis.algorithm)",
            "language \(analysis.language.code) \(analysis.language.percent)% reliable=\(analysis.language.isReliable)",
        ]
        lines.append("")
        lines.append("paragraphs \(analysis.paragraphs.count)")
        for (index, paragraph) in analysis.paragraphs.enumerated() {
            lines.append(
                "  \(index) \(paragraph.role.rawValue) \(paragraph.language.code) \(paragraph.range): \(slice(paragraph.range).prefix(60))"
            )
        }
        lines.append("")
        lines.append("sentences \(analysis.sentences.count)")
        for (index, sentence) in analysis.sentences.enumerated() {
            lines.append(
                "  \(index) p\(sentence.paragraph) \(sentence.block.rawValue) \(sentence.range): \(slice(sentence.range).prefix(60))"
            )
        }
        lines.append("")
        lines.append("entities \(analysis.entities.count)")
        for entity in analysis.entities {
            lines.append("  \(entity.id) \(entity.kind.rawValue) \(entity.name) | role: \(entity.role ?? "-")")
            lines.append(
                "      " + entity.mentions.map { "\(slice($0.range)) [\($0.form.rawValue)]" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("quotes \(analysis.quotes.count)")
        for quote in analysis.quotes {
            lines.append(
                "  \(quote.kind.rawValue) s\(quote.sentence) \(name(quote.speaker)) ← \"\(slice(quote.speakerMention))\" cue \"\(slice(quote.cue))\""
            )
            lines.append("      \(slice(quote.range))")
            for words in quote.quotedWords ?? [] { lines.append("      in marks: \(slice(words))") }
        }
        lines.append("")
        lines.append("numbers \(analysis.numbers.count)")
        for claim in analysis.numbers {
            let upper = claim.upperValue.map { "–\($0)" } ?? ""
            lines.append(
                "  s\(claim.sentence) \"\(slice(claim.range))\" = \(claim.value)\(upper) \(claim.qualifier.rawValue) | counted: \(claim.counted ?? "-") | predicate: \(claim.predicate ?? "-") | reporter: \(name(claim.reporter)) ← \"\(slice(claim.reporterMention))\" | dates: \(claim.dates)"
            )
        }
        lines.append("")
        lines.append("dates \(analysis.dates.count)")
        for date in analysis.dates {
            lines.append(
                "  s\(date.sentence) \"\(slice(date.range))\" = \(date.value ?? "-") \(date.granularity.rawValue)\(date.isRelative ? " relative" : "")"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
