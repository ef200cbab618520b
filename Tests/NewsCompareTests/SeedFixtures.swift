import Foundation
import NewsAnalysis
import NewsCompare
import NewsCore
import Testing

/// The two seed reports (Samples/seeds/), analysed, as comparison inputs.
enum SeedFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static func article(_ name: String, id: Int64) throws -> CoverageArticle {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/seeds/\(name).json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let published = (object["published"] as? String).flatMap {
            ISO8601DateFormatter().date(from: $0 + "T00:00:00Z")
        }
        let text = try #require(object["text"] as? String)
        let analysis = TextAnalyzer().analyze(text, published: published, languageHint: .english)
        return CoverageArticle(
            id: ArticleID(id), title: try #require(object["title"] as? String), text: text,
            outlet: try #require(object["source"] as? String), published: published, analysis: analysis)
    }

    static func seeds() throws -> [CoverageArticle] {
        [try article("trt-world", id: 1), try article("voa", id: 2)]
    }
}
