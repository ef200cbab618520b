internal import ArgumentParser

/// `corroborate-eval`: scores Corroborate on the evaluation sets in `../shared/eval/` and gates on floors.
@main
struct CorroborateEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corroborate-eval",
        abstract:
            "Score extraction, text analysis and clustering on the evaluation sets; measure speed; serve benchmark feeds.",
        subcommands: [
            ExtractionEval.self, QuotesEval.self, ClusteringEval.self, ComparisonEval.self, AnalysisSpeed.self,
            DedupSpeed.self, ServeFeeds.self, TrainAttribution.self,
        ])
}
