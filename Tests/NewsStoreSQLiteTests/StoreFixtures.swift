import Foundation
import NewsCore
import NewsStore
import NewsStoreSQLite

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "corroborate-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

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
