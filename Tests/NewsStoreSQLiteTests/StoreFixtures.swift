import Foundation
import NewsCore
import NewsStore
import NewsStoreSQLite
import NewsTesting

/// The engines every store test runs against.
enum StoreKind: String, CaseIterable, Sendable {
    case sqliteFile, sqliteMemory

    func open(in folder: TemporaryFolder) throws -> NewsDatabase {
        switch self {
        case .sqliteFile: try NewsDatabase.open(path: folder.file("store.sqlite"))
        case .sqliteMemory: try NewsDatabase.inMemory()
        }
    }
}

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
