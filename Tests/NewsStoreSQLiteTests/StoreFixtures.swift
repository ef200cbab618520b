import Foundation
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting

/// An article to add, as the tests build them.
func incoming(
    _ title: String, _ text: String, source: String? = "Outlet", language: LanguageCode? = .english,
    published: Date? = nil
) -> IncomingArticle {
    IncomingArticle(
        draft: ArticleDraft(
            title: title, text: text, source: source, published: published, language: language,
            raw: Array("\(title)\n\(text)".utf8), format: .plainText),
        ingested: Date(timeIntervalSince1970: 1_700_000_000), inputName: "test.txt")
}
