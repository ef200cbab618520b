internal import Foundation
internal import NewsCore
internal import NewsExtract
internal import NewsIngest
internal import NewsStore

/// The `--json` documents, as specified in docs/JSON.md. Field names and meanings are stable; new fields may
/// be added, so readers must ignore fields they do not know. `schema` names the document and its version.
enum JSONOutput {
    static func write(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // NB: encoding our own plain structs cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// An article in listings and search hits; `text` only where the whole article is asked for.
    struct ArticleDTO: Encodable {
        var id: Int64
        var title: String
        var source: String?
        var url: String?
        var published: Date?
        var ingested: Date
        var language: String?
        var authors: [String]
        var words: Int
        var contentHash: String
        var input: String
        var format: String
        var charset: String
        var text: String?

        init(_ article: Article, withText: Bool = false) {
            id = article.id.rawValue
            title = article.title
            source = article.source
            url = article.url
            published = article.published
            ingested = article.ingested
            language = article.language?.rawValue
            authors = article.authors
            words = article.wordCount
            contentHash = article.contentHash.rawValue
            input = article.inputName
            format = article.format.rawValue
            charset = article.charset
            text = withText ? article.text : nil
        }
    }

    /// Writes one compact JSON object on its own line (for `--jsonl`).
    static func writeLine(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try! encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// One extracted page (`corroborate extract --jsonl`).
    struct Extraction: Encodable {
        struct Rejection: Encodable {
            var code: String
            var reason: String
        }
        var schema = "corroborate.extract.v1"
        var file: String
        var title: String?
        var authors: [String]
        var published: String?
        var modified: Date?
        var site: String?
        var language: String?
        var url: String?
        var description: String?
        var section: String?
        var tags: [String]
        var image: String?
        var text: String
        var blocks: [ContentBlock]
        var source: String
        var charset: String
        var pageType: String
        var rejected: Rejection?

        init(file: String, page: ExtractedPage) {
            self.file = file
            title = page.metadata.title
            authors = page.metadata.authors
            published = page.publishedDay
            modified = page.metadata.modified
            site = page.metadata.siteName
            language = page.metadata.language
            url = page.metadata.canonicalURL
            description = page.metadata.description
            section = page.metadata.section
            tags = page.metadata.tags
            image = page.metadata.image
            text = page.text
            blocks = page.blocks
            source = page.source
            charset = page.charset
            pageType = page.pageType.rawValue
            rejected = page.rejection.map { Rejection(code: $0.code, reason: $0.reason) }
        }
    }

    struct ArticleList: Encodable {
        var schema = "corroborate.articles.v1"
        var total: Int
        var offset: Int
        var limit: Int
        var articles: [ArticleDTO]
    }

    struct ArticleDocument: Encodable {
        var schema = "corroborate.article.v1"
        var article: ArticleDTO
    }

    struct SearchResults: Encodable {
        struct Hit: Encodable {
            var article: ArticleDTO
            var score: Double
            var snippet: String
            /// `[start, end)` offsets into `snippet`, counted in Unicode scalars.
            var highlights: [[Int]]
        }
        var schema = "corroborate.search.v1"
        var query: String
        var hits: [Hit]
    }

    struct AddReport: Encodable {
        struct Input: Encodable {
            struct Rejection: Encodable {
                var location: String
                var code: String
                var reason: String
            }
            var input: String
            var added: [Int64]
            var duplicates: [Int64]
            var rejected: [Rejection]
            var warnings: [String]
            var problem: Rejection?
        }
        var schema = "corroborate.add.v1"
        var database: String
        var added: Int
        var duplicates: Int
        var rejected: Int
        var inputs: [Input]
        var skipped: [String]
        var clustering: Clustering?

        /// What clustering did after the articles were stored.
        struct Clustering: Encodable {
            var clustered: Int
            var newStories: Int
            var joined: Int
            var merged: Int
            var copies: Int
        }

        init(_ report: IngestReport, database: String, clustering: StoryClusteringReport?) {
            self.clustering = clustering.map {
                Clustering(
                    clustered: $0.clustered, newStories: $0.created, joined: $0.joined, merged: $0.merged,
                    copies: $0.copies)
            }
            self.database = database
            added = report.addedCount
            duplicates = report.duplicateCount
            rejected = report.rejectedCount
            skipped = report.skippedFiles
            inputs = report.inputs.map { input in
                Input(
                    input: input.input, added: input.added.map(\.rawValue),
                    duplicates: input.duplicates.map(\.rawValue),
                    rejected: input.rejections.map {
                        .init(location: $0.location.label, code: $0.rejection.code, reason: $0.rejection.reason)
                    },
                    warnings: input.warnings,
                    problem: input.problem.map { .init(location: "", code: $0.code, reason: $0.reason) })
            }
        }
    }

    struct Rejections: Encodable {
        struct Entry: Encodable {
            var input: String
            var location: String
            var code: String
            var reason: String
            var rejectedAt: Date
            var format: String?
            var bytesKept: Int?
            var bytes: Int?

            init(_ rejection: RejectedInput) {
                input = rejection.inputName
                location = rejection.location
                code = rejection.code
                reason = rejection.reason
                rejectedAt = rejection.rejectedAt
                format = rejection.format?.rawValue
                bytesKept = rejection.raw?.count
                bytes = rejection.rawSize
            }
        }
        var schema = "corroborate.rejections.v1"
        var rejections: [Entry]
    }

    struct Check: Encodable {
        struct Integrity: Encodable {
            var sound: Bool
            var engine: [String]
            var brokenReferences: Int
            var fullText: [String]
            var skipped: [String]
        }
        var schema = "corroborate.check.v1"
        var database: String
        var healthy: Bool
        var integrity: Integrity
        var stories: Info.Check

        init(_ info: StoreInfo, integrity: IntegrityCheck, stories: StoryCheck, healthy: Bool) {
            database = info.location
            self.healthy = healthy
            self.integrity = Integrity(
                sound: integrity.isSound, engine: integrity.engine, brokenReferences: integrity.brokenReferences,
                fullText: integrity.fullText, skipped: integrity.skipped)
            self.stories = Info.Check(stories, algorithm: StoryClustering.algorithm)
        }
    }

    struct Info: Encodable {
        var schema = "corroborate.info.v1"
        var database: String
        var engine: String
        var schemaVersion: Int
        var articles: Int
        var sources: Int
        var fullTextIndexes: [String: Int]
        var rejectedInputs: Int
        var analysesByAlgorithm: [String: Int]
        /// Present with `--check`.
        var check: Check?

        struct Check: Encodable {
            struct Finding: Encodable {
                var problem: String
                var explanation: String
                var count: Int
                var examples: [Int64]
            }
            var consistent: Bool
            var repaired: Bool
            var findings: [Finding]
            var liveStories: Int
            var articlesInLiveStories: Int
            var waitingArticles: Int
            var clusteringAlgorithm: String?
            var buildAlgorithm: String

            init(_ check: StoryCheck, algorithm: String) {
                consistent = check.isConsistent
                repaired = check.repaired
                findings = check.findings.map {
                    Finding(
                        problem: $0.problem.rawValue, explanation: $0.problem.explanation, count: $0.count,
                        examples: $0.examples)
                }
                liveStories = check.liveStories
                articlesInLiveStories = check.articlesInLiveStories
                waitingArticles = check.waitingArticles
                clusteringAlgorithm = check.algorithm
                buildAlgorithm = algorithm
            }
        }

        init(_ info: StoreInfo, check: StoryCheck? = nil, algorithm: String = "") {
            self.check = check.map { Check($0, algorithm: algorithm) }
            database = info.location
            engine = info.engine
            schemaVersion = info.schemaVersion
            articles = info.articleCount
            sources = info.sourceCount
            fullTextIndexes = info.indexedLanguages
            rejectedInputs = info.rejectionCount
            analysesByAlgorithm = info.analysesByAlgorithm
        }
    }
}
