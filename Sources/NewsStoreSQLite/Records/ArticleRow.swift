internal import Foundation
internal import GRDB
internal import NewsCore

/// The columns listings select, and how a row becomes an `Article`.
enum ArticleRow {
    /// Selects every `Article` field from `article a` joined to `source s`.
    static let columns = """
        a.id, a.title, a.body, s.name AS source_name, a.url, a.published_at, a.ingested_at, a.language,
        a.authors, a.content_hash, a.input_format, a.charset, a.input_name
        """

    static let from = "article a LEFT JOIN source s ON s.id = a.source_id"

    static func article(_ row: Row) -> Article {
        let authorsJSON: String = row["authors"]
        let authors = (try? JSONDecoder().decode([String].self, from: Data(authorsJSON.utf8))) ?? []
        let hash: Data = row["content_hash"]
        let format: String = row["input_format"]
        return Article(
            id: ArticleID(row["id"] as Int64),
            title: row["title"],
            text: row["body"],
            source: row["source_name"],
            url: row["url"],
            published: row["published_at"],
            ingested: row["ingested_at"],
            language: (row["language"] as String?).flatMap(LanguageCode.init(rawValue:)),
            authors: authors,
            contentHash: ContentHash(digest: hash) ?? ContentHash(source: nil, title: "", text: ""),
            format: InputFormat(rawValue: format) ?? .plainText,
            charset: row["charset"],
            inputName: row["input_name"])
    }

    /// Authors as the JSON array stored in `article.authors`.
    static func authorsJSON(_ authors: [String]) -> String {
        guard !authors.isEmpty, let data = try? JSONEncoder().encode(authors) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
