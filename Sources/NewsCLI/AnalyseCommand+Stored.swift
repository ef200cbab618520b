internal import ArgumentParser
internal import Foundation
internal import NewsAnalysis
internal import NewsCore
internal import NewsStore

extension AnalyseCommand {
    /// `corroborate analyse --stored --json` → `corroborate.analyse-stored.v1`.
    struct StoredReport: Encodable {
        var schema = "corroborate.analyse-stored.v1"
        var database: String
        var algorithm: String
        var analysed: Int
        var seconds: Double
        var missing: [Int64]
    }

    /// Analyses stored articles in batches, saving each batch in one transaction, so an interrupted run keeps
    /// what it finished and the next run takes up the rest.
    func runStored() async throws {
        let analyzer = TextAnalyzer(options: AnalysisOptions(language: language.flatMap(LanguageCode.init(rawValue:))))
        let algorithm = TextAnalyzer.algorithm
        let started = DispatchTime.now().uptimeNanoseconds
        var analysed = 0
        var missing: [Int64] = []
        do {
            let database = try await global.openDatabase()
            let requested = files.compactMap { Int64($0.trimmingPrefix("#")) }.map { ArticleID($0) }
            let total =
                requested.isEmpty
                ? (force
                    ? try await database.info().articleCount
                    : try await database.countNeedingAnalysis(algorithm: algorithm))
                : requested.count
            let showProgress = Terminal.stderrIsTerminal && !json
            var after: ArticleID?
            var pending = requested
            while true {
                let batch: [ArticleID]
                if !requested.isEmpty {
                    batch = Array(pending.prefix(200))
                    pending.removeFirst(batch.count)
                } else if force {
                    batch = try await database.articles(ArticleQuery(limit: 200, offset: analysed + missing.count))
                        .map(\.id)
                } else {
                    batch = try await database.idsNeedingAnalysis(algorithm: algorithm, after: after, limit: 200)
                }
                guard !batch.isEmpty else { break }
                after = batch.last
                var results: [StoredAnalysis] = []
                for id in batch {
                    guard let article = try await database.article(id) else {
                        missing.append(id.rawValue)
                        continue
                    }
                    let analysis = analyzer.analyze(
                        article.text, published: article.published, languageHint: article.language)
                    results.append(StoredAnalysis(articleID: id, analysis: analysis, analysedAt: Date()))
                }
                try await database.saveAnalyses(results)
                analysed += results.count
                if showProgress {
                    Terminal.progress("analysing \(analysed)/\(total) articles")
                }
            }
            if showProgress { Terminal.progress(nil) }
        } catch {
            throw ErrorRendering.report(error)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if json {
            JSONOutput.write(
                StoredReport(
                    database: global.databaseShown, algorithm: algorithm, analysed: analysed, seconds: seconds,
                    missing: missing))
        } else {
            let rate = seconds > 0 ? String(format: " (%.0f/s)", Double(analysed) / seconds) : ""
            Terminal.output(
                analysed == 0 && missing.isEmpty
                    ? "every article in \(global.databaseShown) is analysed by \(algorithm); --force redoes them"
                    : "analysed \(analysed) articles with \(algorithm) in \(String(format: "%.1f", seconds)) s\(rate)")
            for id in missing { Terminal.message("error: no article #\(id) in \(global.databaseShown)") }
        }
        if !missing.isEmpty { throw ErrorRendering.failure }
    }
}
