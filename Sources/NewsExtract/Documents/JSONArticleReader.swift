internal import Foundation
internal import NewsCore

/// Reads article objects, `{"title","text","url","source","published","language","authors"}` and common
/// aliases, from JSON values.
struct JSONArticleReader {
    var defaults: ArticleDefaults

    /// Field names accepted for each article field, first match wins.
    static let titleKeys = ["title", "headline"]
    static let textKeys = ["text", "body", "content", "articleBody"]
    static let sourceKeys = ["source", "outlet", "publisher", "site", "site_name"]
    static let urlKeys = ["url", "link", "canonical_url"]
    static let publishedKeys = ["published", "published_at", "date", "datePublished", "pubDate"]
    static let languageKeys = ["language", "lang"]
    static let authorKeys = ["authors", "author", "byline"]
    static let idKeys = ["id", "guid"]

    /// Whether `bytes` parse as one complete JSON object.
    static func isCompleteObject(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any]
    }

    /// Parses one JSON text, which must hold one object.
    func readObject(
        _ bytes: some Collection<UInt8>, charset: String, format: InputFormat, location: RecordLocation
    )
        -> ParsedRecord
    {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            var record = ParsedRecord(location: location, outcome: .failure(.invalidJSON(detail: Self.describe(error))))
            record.raw = Array(bytes)
            return record
        }
        return read(value, raw: Array(bytes), charset: charset, format: format, location: location)
    }

    /// Reads one decoded JSON value as an article.
    func read(
        _ value: Any, raw: [UInt8], charset: String, format: InputFormat, location: RecordLocation
    ) -> ParsedRecord {
        var record = readFields(value, raw: raw, charset: charset, format: format, location: location)
        // A rejected record keeps its own bytes, so it can be stored with its reason.
        if case .failure = record.outcome { record.raw = raw }
        return record
    }

    private func readFields(
        _ value: Any, raw: [UInt8], charset: String, format: InputFormat, location: RecordLocation
    ) -> ParsedRecord {
        guard let object = value as? [String: Any] else {
            return ParsedRecord(location: location, outcome: .failure(.notAnObject(found: Self.kind(of: value))))
        }
        var warnings: [String] = []
        func string(_ keys: [String], required: Bool) -> Result<String?, ExtractionRejection> {
            for key in keys {
                guard let found = object[key], !(found is NSNull) else { continue }
                if let text = found as? String { return .success(text) }
                if let named = found as? [String: Any], let name = named["name"] as? String { return .success(name) }
                if found is NSNumber, !required, keys == Self.publishedKeys { return .success("\(found)") }
                if required { return .failure(.wrongType(field: key, expected: "a string")) }
                warnings.append("\"\(key)\" is \(Self.kind(of: found)), not a string; ignored")
                return .success(nil)
            }
            return .success(nil)
        }
        let title: String, text: String
        switch (string(Self.titleKeys, required: true), string(Self.textKeys, required: true)) {
        case (.failure(let rejection), _), (_, .failure(let rejection)):
            return ParsedRecord(location: location, outcome: .failure(rejection))
        case (.success(let rawTitle), .success(let rawText)):
            title = Whitespace.folded(rawTitle ?? "")
            text = Whitespace.normalizedParagraphs(rawText ?? "")
        }
        guard !title.isEmpty || !defaults.requiresTitle else {
            return ParsedRecord(location: location, outcome: .failure(.missingField("title")))
        }
        guard !text.isEmpty else { return ParsedRecord(location: location, outcome: .failure(.missingField("text"))) }

        var draft = ArticleDraft(title: title, text: text, raw: raw, format: format, charset: charset)
        draft.source = (try? string(Self.sourceKeys, required: false).get())?.flatMap(Self.nonEmpty) ?? defaults.source
        draft.url = (try? string(Self.urlKeys, required: false).get())?.flatMap(Self.nonEmpty)
        if let published = (try? string(Self.publishedKeys, required: false).get())?.flatMap(Self.nonEmpty) {
            draft.published = PublicationDate.parse(published)
            if draft.published == nil {
                warnings.append("published date \"\(published)\" is not a date I can read; stored without one")
            }
        }
        draft.language = defaults.language
        if let code = (try? string(Self.languageKeys, required: false).get())?.flatMap(Self.nonEmpty) {
            if let language = LanguageCode(rawValue: code) {
                draft.language = language
            } else {
                warnings.append("language \"\(code)\" is not a language code; ignored")
            }
        }
        draft.authors = authors(object)
        draft.recordID =
            Self.idKeys.lazy.compactMap { key -> String? in
                switch object[key] {
                case let text as String: Self.nonEmpty(text)
                case let number as NSNumber: number.stringValue
                default: nil
                }
            }.first
        return ParsedRecord(location: location, outcome: .success(draft), warnings: warnings)
    }

    private func authors(_ object: [String: Any]) -> [String] {
        for key in Self.authorKeys {
            switch object[key] {
            case let name as String: return Self.nonEmpty(Whitespace.folded(name)).map { [$0] } ?? []
            case let list as [Any]:
                return list.compactMap { item in
                    let name = (item as? String) ?? ((item as? [String: Any])?["name"] as? String)
                    return name.flatMap { Self.nonEmpty(Whitespace.folded($0)) }
                }
            case let named as [String: Any]:
                return (named["name"] as? String).flatMap { Self.nonEmpty(Whitespace.folded($0)) }.map { [$0] } ?? []
            default: continue
            }
        }
        return []
    }

    private static func nonEmpty(_ string: String) -> String? {
        let trimmed = Whitespace.trimmed(string)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func kind(of value: Any) -> String {
        switch value {
        case is String: "a string"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case is NSNull: "null"
        case is NSNumber: "a number or boolean"
        default: "something else"
        }
    }

    /// Foundation's JSON errors carry their useful words in the debug description of the user info.
    static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
