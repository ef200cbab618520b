internal import Foundation
internal import NewsExtract

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    static func read(_ bytes: [UInt8], url: String?) -> Result<Feed, FeedError> {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return .failure(FeedError(code: "feed.malformed", reason: "the JSON is not an object"))
            }
            object = parsed
        } catch {
            return .failure(FeedError(code: "feed.malformed", reason: "the JSON does not parse"))
        }
        guard (object["version"] as? String)?.contains("jsonfeed.org/version/1") == true else {
            return .failure(
                FeedError(code: "feed.unknown-format", reason: "a JSON document without a jsonfeed.org version"))
        }
        func string(_ value: Any?) -> String? { (value as? String).flatMap(nonEmpty) }
        func authors(_ object: [String: Any]) -> [String] {
            let list =
                (object["authors"] as? [[String: Any]]) ?? (object["author"] as? [String: Any]).map { [$0] } ?? []
            return unique(list.compactMap { string($0["name"]) })
        }
        var feed = Feed(
            format: .jsonFeed, title: string(object["title"]),
            siteURL: string(object["home_page_url"]).flatMap { FeedURL.clean($0, base: url) },
            description: string(object["description"]), language: string(object["language"]))
        let feedAuthors = authors(object)
        feed.items = ((object["items"] as? [[String: Any]]) ?? []).map { entry in
            let id = string(entry["id"]) ?? (entry["id"] as? NSNumber)?.stringValue
            var item = FeedItem(id: id, title: string(entry["title"]).map(HTMLText.plain))
            item.url = (string(entry["url"]) ?? string(entry["external_url"])).flatMap { FeedURL.clean($0, base: url) }
            item.id = item.id ?? item.url
            item.published = string(entry["date_published"]).flatMap(PublicationDate.parse)
            item.updated = string(entry["date_modified"]).flatMap(PublicationDate.parse)
            let own = authors(entry)
            item.authors = own.isEmpty ? feedAuthors : own
            item.categories = unique((entry["tags"] as? [String]) ?? [])
            item.summaryHTML = string(entry["summary"]).map(XMLEscaping.escape)
            item.contentHTML =
                string(entry["content_html"])
                ?? string(entry["content_text"]).map { text in
                    text.split(separator: "\n\n").map { "<p>" + XMLEscaping.escape(String($0)) + "</p>" }.joined()
                }
            item.enclosures = ((entry["attachments"] as? [[String: Any]]) ?? []).compactMap { attachment in
                string(attachment["url"]).flatMap { FeedURL.clean($0, base: url) }.map {
                    FeedEnclosure(
                        url: $0, type: string(attachment["mime_type"]),
                        length: (attachment["size_in_bytes"] as? NSNumber)?.intValue)
                }
            }
            return item
        }
        return .success(feed)
    }
}
