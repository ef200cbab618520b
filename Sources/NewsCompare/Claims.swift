internal import Foundation
internal import NewsCore

/// A sentence that carries a fact: it names an entity, states a number or date, or quotes someone.
struct Claim {
    /// The index of its article in the comparison's article list.
    let article: Int
    /// Its sentence index in the article's analysis.
    let sentence: Int
    /// Its span (UTF-8 offsets).
    let range: TextRange
    /// Where it sits in its article, 0 (first sentence) to 1 (last).
    let position: Double
    /// Its terms, entities, numbers and dates as weighted features, sorted by feature id.
    var vector: SparseTerms
    /// Its numeric claims, indices into the article's analysis.
    let numbers: [Int]
}

/// A sparse weighted feature vector sorted by feature id, with its norm.
struct SparseTerms {
    var ids: [Int]
    var weights: [Double]
    var norm: Double

    init(_ counts: [Int: Double]) {
        let sorted = counts.sorted { $0.key < $1.key }
        ids = sorted.map(\.key)
        weights = sorted.map(\.value)
        norm = 0
    }

    mutating func reweight(_ weight: (Int, Double) -> Double) {
        for index in ids.indices { weights[index] = weight(ids[index], weights[index]) }
        norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The cosine with `other`, and how many features they share.
    func cosine(_ other: SparseTerms) -> (score: Double, shared: Int) {
        guard norm > 0, other.norm > 0 else { return (0, 0) }
        var left = 0
        var right = 0
        var dot = 0.0
        var shared = 0
        while left < ids.count && right < other.ids.count {
            if ids[left] == other.ids[right] {
                dot += weights[left] * other.weights[right]
                shared += 1
                left += 1
                right += 1
            } else if ids[left] < other.ids[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return (dot / (norm * other.norm), shared)
    }
}

/// Names an entity the same way across articles: a person by their surname ("Kerry" and "John Kerry"),
/// anything else by its whole name, case and accents folded.
enum EntityKey {
    static func key(_ entity: Entity) -> String {
        let folded = entity.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        // "Bashar al-Assad" and "Bashar al Assad" are one person: the surname after the last space or hyphen.
        guard entity.kind == .person, let last = folded.split(whereSeparator: { $0 == " " || $0 == "-" }).last
        else { return folded }
        return String(last)
    }
}

/// Finds each article's claims and turns them into IDF-weighted feature vectors over the whole story.
struct ClaimBuilder {
    let options: ComparisonOptions
    let lexicons: LexiconCache
    private var featureIDs: [String: Int] = [:]
    private var kindWeights: [Double] = []

    init(options: ComparisonOptions, lexicons: LexiconCache) {
        self.options = options
        self.lexicons = lexicons
    }

    mutating func claims(of articles: [CoverageArticle]) -> [Claim] {
        var vocabulary: Set<String> = []
        var sentenceWords: [[[String]]] = []
        for article in articles {
            var perSentence: [[String]] = []
            for sentence in article.analysis.sentences {
                let words = Lexicon.words(Substring(sentence.range.slice(of: article.text)))
                vocabulary.formUnion(words)
                perSentence.append(words)
            }
            sentenceWords.append(perSentence)
        }
        var claims: [Claim] = []
        for (articleIndex, article) in articles.enumerated() {
            let analysis = article.analysis
            let lexicon = lexicons.lexicon(for: analysis.language.language)
            var anchors = [[String: Double]](repeating: [:], count: analysis.sentences.count)
            var numbers = [[Int]](repeating: [], count: analysis.sentences.count)
            var quoted = [Bool](repeating: false, count: analysis.sentences.count)
            for entity in analysis.entities {
                let key = "e:" + EntityKey.key(entity)
                for mention in entity.mentions {
                    guard let sentence = Self.sentence(containing: mention.range, in: analysis) else { continue }
                    anchors[sentence][key] = options.entityWeight
                }
            }
            for (index, number) in analysis.numbers.enumerated() where number.sentence < anchors.count {
                anchors[number.sentence]["n:" + FigureTable.valueKey(number)] = options.numberWeight
                numbers[number.sentence].append(index)
            }
            for date in analysis.dates where date.sentence < anchors.count {
                guard let value = date.value else { continue }
                anchors[date.sentence]["d:" + value] = options.dateWeight
            }
            for quote in analysis.quotes where quote.sentence < quoted.count {
                quoted[quote.sentence] = true
                // A quote told in pieces quotes someone in every sentence a piece starts in.
                for piece in quote.pieces ?? [] {
                    if let sentence = Self.sentence(containing: piece, in: analysis) { quoted[sentence] = true }
                }
            }
            let count = max(1, analysis.sentences.count - 1)
            for (index, sentence) in analysis.sentences.enumerated() where sentence.block == .body {
                guard !anchors[index].isEmpty || quoted[index] else { continue }
                var counts: [Int: Double] = [:]
                var termCount = 0
                for word in Lexicon.joiningCompounds(sentenceWords[articleIndex][index], vocabulary: vocabulary) {
                    guard let term = lexicon.term(word) else { continue }
                    let weight = lexicon.concepts.contains(term) ? options.conceptWeight : 1
                    counts[featureID("w:" + term, weight: weight), default: 0] = 1
                    termCount += 1
                }
                guard termCount >= options.minimumTerms else { continue }
                for (anchor, weight) in anchors[index] { counts[featureID(anchor, weight: weight)] = 1 }
                claims.append(
                    Claim(
                        article: articleIndex, sentence: index, range: sentence.range,
                        position: Double(index) / Double(count), vector: SparseTerms(counts), numbers: numbers[index]))
            }
        }
        weigh(&claims)
        return claims
    }

    /// Weights each feature by its kind and its rarity among the story's claims (IDF), so "Russia" in a
    /// story about Russia counts for little and "Alloush" for much.
    private func weigh(_ claims: inout [Claim]) {
        var documentFrequency = [Int](repeating: 0, count: kindWeights.count)
        for claim in claims { for id in claim.vector.ids { documentFrequency[id] += 1 } }
        let total = Double(claims.count)
        let idf = documentFrequency.map { log(1 + (total + options.idfPrior) / (Double($0) + 1)) }
        for index in claims.indices {
            claims[index].vector.reweight { id, _ in idf[id] * kindWeights[id] }
        }
    }

    private mutating func featureID(_ feature: String, weight: Double) -> Int {
        if let id = featureIDs[feature] { return id }
        let id = kindWeights.count
        featureIDs[feature] = id
        kindWeights.append(weight)
        return id
    }

    /// The sentence holding a span's start (binary search; sentences are in text order).
    static func sentence(containing range: TextRange, in analysis: ArticleAnalysis) -> Int? {
        let sentences = analysis.sentences
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].range.end <= range.start { low = middle + 1 } else { high = middle }
        }
        guard low < sentences.count, sentences[low].range.start <= range.start else { return nil }
        return low
    }
}
