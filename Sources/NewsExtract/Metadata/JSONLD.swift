internal import Foundation

/// The article facts found in a page's JSON-LD (`<script type="application/ld+json">`), `@graph`s included.
struct JSONLDArticle {
    /// Schema.org types that describe an article or a page about one.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "techarticle", "scholarlyarticle", "report", "socialmediaposting", "posting", "medicalwebpage",
    ]

    var types: [String] = []
    var headline: String?
    var authors: [String] = []
    var published: String?
    var modified: String?
    var publisher: String?
    var section: String?
    var keywords: [String] = []
    var image: String?
    var body: String?
    var language: String?
    var description: String?

    /// Reads every JSON-LD script; article-typed objects win over others for each field.
    init(scripts: [String]) {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let data = script.data(using: .utf8),
                let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            Self.flatten(value, into: &objects)
        }
        let isArticle = objects.map { Self.typeNames($0).contains { Self.articleTypes.contains($0.lowercased()) } }
        let ordered = objects.indices.filter { isArticle[$0] } + objects.indices.filter { !isArticle[$0] }
        for object in objects { types += Self.typeNames(object) }
        // Article objects come first, so their values win; other objects (WebPage, Organization) only fill gaps.
        for index in ordered {
            let object = objects[index]
            headline =
                headline ?? Self.string(object["headline"]) ?? (isArticle[index] ? Self.string(object["name"]) : nil)
            if authors.isEmpty, isArticle[index] || Self.typeNames(object).contains("WebPage") {
                authors = Self.names(object["author"])
            }
            published = published ?? Self.string(object["datePublished"]) ?? Self.string(object["dateCreated"])
            modified = modified ?? Self.string(object["dateModified"])
            publisher = publisher ?? Self.names(object["publisher"]).first
            section =
                section ?? Self.string(object["articleSection"])
                ?? (object["articleSection"] as? [Any])?.compactMap { Self.string($0) }.first
            if keywords.isEmpty { keywords = Self.list(object["keywords"]) }
            image = image ?? Self.url(object["image"]) ?? Self.url(object["thumbnailUrl"])
            body = body ?? Self.string(object["articleBody"])
            language = language ?? Self.string(object["inLanguage"])
            description = description ?? Self.string(object["description"])
        }
    }

    private static func flatten(_ value: Any, into objects: inout [[String: Any]]) {
        var pending: [Any] = [value]
        while let next = pending.popLast() {
            if let array = next as? [Any] {
                pending.append(contentsOf: array.reversed())
            } else if let object = next as? [String: Any] {
                objects.append(object)
                if let graph = object["@graph"] { pending.append(graph) }
                if let main = object["mainEntity"] as? [String: Any] { pending.append(main) }
                // A Blog naming one post describes that post's page; a Blog listing many is an index page.
                if let post = object["blogPost"] as? [String: Any] { pending.append(post) }
                if let posts = object["blogPost"] as? [Any], posts.count == 1 { pending.append(posts[0]) }
            }
        }
    }

    static func typeNames(_ object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type] }
        return (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return string(text).map { [$0] } ?? []
        case let object as [String: Any]: return string(object["name"]).map { [$0] } ?? []
        case let list as [Any]: return list.flatMap { names($0) }
        default: return []
        }
    }

    private static func list(_ value: Any?) -> [String] {
        switch value {
        case let text as String: return text.split(separator: ",").compactMap { string(String($0)) }
        case let list as [Any]: return list.compactMap(string)
        default: return []
        }
    }

    private static func url(_ value: Any?) -> String? {
        switch value {
        case let text as String: return string(text)
        case let object as [String: Any]: return string(object["url"]) ?? string(object["contentUrl"])
        case let list as [Any]: return list.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }
}
