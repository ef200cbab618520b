public import NewsCore
internal import NewsText

/// One annotated attribution of a training text: who (source), the words that attribute (cue) and what is
/// attributed (content), each as byte ranges into the text; any part may come in several pieces.
public struct AnnotatedAttribution: Sendable {
    /// The words naming the source.
    public var sources: [TextRange]
    /// The attributing words ("said", "according to").
    public var cues: [TextRange]
    /// The attributed words.
    public var contents: [TextRange]

    /// Creates an attribution.
    public init(sources: [TextRange], cues: [TextRange], contents: [TextRange]) {
        self.sources = sources
        self.cues = cues
        self.contents = contents
    }
}

/// Learns an `AttributionModel` from annotated texts: an averaged structured perceptron (Collins 2002) over the
/// tagger's token features, one sentence at a time. Deterministic: the same texts and epochs give the same model.
public struct AttributionTraining {
    private struct Example {
        var features: AttributionFeaturesInput
        var sentences: [(tokens: Range<Int>, labels: [AttributionLabel])]
    }

    /// What the features need of an article, kept until the cue lexicon is known.
    struct AttributionFeaturesInput {
        var context: AnalysisContext
        var table: EntityTable
        var quoted: [Bool]
    }

    private var examples: [Example] = []
    /// A word's uses as a cue's first word and all its uses outside quote marks.
    private var cueUses: [UInt64: (cue: Int, all: Int)] = [:]
    /// The number of annotated attributions read.
    public private(set) var attributions = 0
    /// Attributions whose parts lie in more than one sentence (each sentence learns its part).
    public private(set) var spanningSentences = 0

    /// Creates an empty training set.
    public init() {}

    /// The number of texts added.
    public var count: Int { examples.count }

    /// Adds a text and its attributions.
    public mutating func add(_ text: String, attributions annotated: [AnnotatedAttribution]) {
        let (context, table) = TextAnalyzer().prepared(text)
        let quoted = QuoteAttributor.quotedTokens(in: context)
        var part = [Int](repeating: 0, count: context.tokens.count)
        var owner = [Int](repeating: -1, count: context.tokens.count)
        for (number, attribution) in annotated.enumerated() {
            attributions += 1
            var sentences = Set<Int>()
            for (kind, ranges) in [(3, attribution.contents), (1, attribution.sources), (2, attribution.cues)] {
                for range in ranges {
                    for token in context.tokens.indices
                    where context.tokens[token].range.start < range.end && context.tokens[token].range.end > range.start
                    {
                        sentences.insert(context.sentenceOf[token])
                        // A cue inside another's content is that attribution's; the content keeps its words.
                        if part[token] == 0 || kind != 3 {
                            part[token] = kind
                            owner[token] = number
                        }
                    }
                }
            }
            if sentences.count > 1 { spanningSentences += 1 }
        }
        var sentences: [(Range<Int>, [AttributionLabel])] = []
        for (sentence, tokens) in context.text.sentenceTokens.enumerated()
        where context.sentenceRoles[sentence] == .body {
            guard !tokens.isEmpty else { continue }
            var labels: [AttributionLabel] = []
            for token in tokens {
                let kind = part[token]
                let continues =
                    token > tokens.lowerBound && part[token - 1] == kind && owner[token - 1] == owner[token]
                labels.append(
                    kind == 0 ? .outside : AttributionLabel(rawValue: kind * 2 - (continues ? 0 : 1))!)
                if !quoted[token], context.tokens[token].kind == .word {
                    let word = StableHash.of(context.lower[token])
                    var uses = cueUses[word] ?? (0, 0)
                    uses.all += 1
                    if labels.last == .beginCue { uses.cue += 1 }
                    cueUses[word] = uses
                }
            }
            sentences.append((tokens, labels))
        }
        examples.append(
            Example(
                features: AttributionFeaturesInput(context: context, table: table, quoted: quoted),
                sentences: sentences.map { (tokens: $0.0, labels: $0.1) }))
    }

    /// The learned model after `epochs` passes over the texts in a fixed shuffled order; `progress` hears each
    /// finished epoch and the share of sentences it tagged wholly right.
    public func train(
        epochs: Int, minimumUnits: Int = 1, progress: (Int, Double) -> Void = { _, _ in }
    ) -> AttributionModel {
        // Words that open a cue in at least a quarter of their uses, seen as one at least five times.
        let lexicon = Set(
            cueUses.filter { $0.value.cue >= 5 && Double($0.value.cue) >= 0.25 * Double($0.value.all) }.keys)
        let perToken = AttributionFeatures.perToken
        var sentenceKeys: [[UInt32]] = []
        var sentenceLabels: [[AttributionLabel]] = []
        for example in examples {
            let features = AttributionFeatures(
                context: example.features.context, table: example.features.table, quoted: example.features.quoted,
                cueLexicon: WordHashSet(lexicon))
            for sentence in example.sentences {
                sentenceKeys.append(features.keys(of: sentence.tokens))
                sentenceLabels.append(sentence.labels)
            }
        }
        // Keys fold into the model's buckets here as at inference, so collisions are learned with.
        let rows = sentenceKeys.map { keys in keys.map { Int32(AttributionModel.bucket(of: $0)) } }
        let labels = AttributionLabel.count
        let bucketCount = 1 << AttributionModel.bucketBits
        var weights = [Float](repeating: 0, count: bucketCount * labels)
        var totals = [Float](repeating: 0, count: bucketCount * labels)
        var transitions = [Float](repeating: 0, count: labels * labels)
        var transitionTotals = [Float](repeating: 0, count: labels * labels)
        var step: Float = 1
        var order = Array(rows.indices)
        var random: UInt64 = 0x2545_f491_4f6c_dd1d
        for epoch in 1...max(1, epochs) {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(index, Int((random >> 33) % UInt64(index + 1)))
            }
            var right = 0
            for sentence in order {
                let row = rows[sentence]
                let gold = sentenceLabels[sentence]
                let count = gold.count
                var emissions = [Float](repeating: 0, count: count * labels)
                for token in 0..<count {
                    for feature in row[(token * perToken)..<((token + 1) * perToken)] {
                        let base = Int(feature) * labels
                        for label in 0..<labels { emissions[token * labels + label] += weights[base + label] }
                    }
                }
                let predicted = AttributionModel.viterbi(
                    count: count, emissions: emissions, transitions: transitions, lowest: -Float.infinity)
                if predicted == gold {
                    right += 1
                } else {
                    func update(_ token: Int, _ label: AttributionLabel, _ delta: Float) {
                        for feature in row[(token * perToken)..<((token + 1) * perToken)] {
                            let at = Int(feature) * labels + label.rawValue
                            weights[at] += delta
                            totals[at] += step * delta
                        }
                    }
                    for token in 0..<count where predicted[token] != gold[token] {
                        update(token, gold[token], 1)
                        update(token, predicted[token], -1)
                    }
                    for token in 1..<max(1, count)
                    where predicted[token] != gold[token] || predicted[token - 1] != gold[token - 1] {
                        let goldAt = gold[token - 1].rawValue * labels + gold[token].rawValue
                        let predictedAt = predicted[token - 1].rawValue * labels + predicted[token].rawValue
                        transitions[goldAt] += 1
                        transitionTotals[goldAt] += step
                        transitions[predictedAt] -= 1
                        transitionTotals[predictedAt] -= step
                    }
                }
                step += 1
            }
            progress(epoch, Double(right) / Double(max(1, order.count)))
        }
        // The averaged weights: each weight's mean over every step (w − Σ step·Δ / steps).
        let averaged = weights.indices.map { weights[$0] - totals[$0] / step }
        let averagedTransitions = transitions.indices.map { transitions[$0] - transitionTotals[$0] / step }
        return AttributionModel(
            weights: averaged, transitions: averagedTransitions, cueLexicon: lexicon, minimumUnits: minimumUnits)
    }
}
