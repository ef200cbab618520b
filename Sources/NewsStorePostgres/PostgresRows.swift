internal import Foundation
internal import NIOCore
internal import NewsCore
internal import PostgresNIO

/// Reading columns by name, as the SQLite engine's rows read.
extension PostgresRandomAccessRow {
    /// The column `name` decoded as `T`.
    func value<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try self[name].decode(T.self, context: .default)
    }
}

/// The columns listings select, and how a row becomes an `Article`: the PostgreSQL twin of `ArticleRow`.
enum PostgresArticleRow {
    /// Selects every `Article` field from `article a` joined to `source s`.
    static let columns = """
        a.id, a.title, a.body, s.name AS source_name, a.url, a.published_at, a.ingested_at, a.language,
        a.authors, a.content_hash, a.input_format, a.charset, a.input_name
        """

    static let from = "article a LEFT JOIN source s ON s.id = a.source_id"

    static func article(_ row: PostgresRow) throws -> Article {
        try article(row.makeRandomAccess())
    }

    static func article(_ row: PostgresRandomAccessRow) throws -> Article {
        let authorsJSON = try row.value("authors", as: String.self)
        let authors = (try? JSONDecoder().decode([String].self, from: Data(authorsJSON.utf8))) ?? []
        let hash = try row.value("content_hash", as: Data.self)
        return Article(
            id: ArticleID(try row.value("id", as: Int64.self)),
            title: try row.value("title"),
            text: try row.value("body"),
            source: try row.value("source_name"),
            url: try row.value("url"),
            published: try row.value("published_at"),
            ingested: try row.value("ingested_at"),
            language: (try row.value("language", as: String?.self)).flatMap(LanguageCode.init(rawValue:)),
            authors: authors,
            contentHash: ContentHash(digest: hash) ?? ContentHash(source: nil, title: "", text: ""),
            format: InputFormat(rawValue: try row.value("input_format")) ?? .plainText,
            charset: try row.value("charset"),
            inputName: try row.value("input_name"))
    }

    /// A JSON array of strings, as `article.authors` and the feed tables keep lists.
    static func jsonArray(_ values: [String]) -> String {
        guard !values.isEmpty, let data = try? JSONEncoder().encode(values) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A kept JSON array of strings, or none when it does not parse.
    static func decodeArray(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}

extension Data {
    /// The bytes as a buffer, for a `bytea[]` parameter (postgres-nio encodes arrays of buffers, not of `Data`).
    var buffer: ByteBuffer { ByteBuffer(bytes: self) }
}
