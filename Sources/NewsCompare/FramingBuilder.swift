internal import Foundation
internal import NewsCore

/// Sets the articles' framing side by side: headline words no other headline uses, the entities each
/// names first, and what other origins report that it leaves out.
struct FramingBuilder {
    let articles: [CoverageArticle]
    let originOf: [Int]
    let claims: [Claim]
    let groups: [RankedGroup]
    let options: ComparisonOptions
    let lexicons: LexiconCache

    func framing() -> [Framing] {
        let headlineTerms = articles.map { article in
            Set(
                Lexicon.words(Substring(article.title)).compactMap {
                    lexicons.lexicon(for: article.analysis.language.language).term($0)
                })
        }
        let entityKeys = articles.map { article in
            Dictionary(
                Self.bodyNamed(article).map { (EntityKey.key($0.entity), $0.entity.name) },
                uniquingKeysWith: { first, _ in first })
        }
        var originsNaming: [String: Set<Int>] = [:]
        var nameOf: [String: String] = [:]
        for (index, keys) in entityKeys.enumerated() {
            for (key, name) in keys {
                originsNaming[key, default: []].insert(originOf[index])
                if (nameOf[key]?.count ?? 0) < name.count { nameOf[key] = name }
            }
        }
        // Every entity an article names, by key and by surname: "Bashar al Assad" (kind unknown) and
        // "Bashar al-Assad" (a person) are one name, so naming either is not leaving the other out.
        let namedAtAll = articles.map { article in
            Set(
                article.analysis.entities.flatMap { entity in
                    entity.kind == .person || entity.kind == .other
                        ? [EntityKey.key(entity), "person:" + Self.surname(entity.name)] : [EntityKey.key(entity)]
                })
        }
        let originCount = Set(originOf).count
        // Most widely named first, then by name; sorted once for all articles.
        let namedByOrigins = originsNaming.map { key, origins in (key: key, origins: origins, name: nameOf[key] ?? key)
        }
        .sorted { ($1.origins.count, $0.name) < ($0.origins.count, $1.name) }
        let articlesOf = groups.map { group in Set(group.members.map { claims[$0].article }) }
        let corroborated = groups.indices.filter { groups[$0].status == .corroborated }
        return articles.enumerated().map { index, article in
            let lexicon = lexicons.lexicon(for: article.analysis.language.language)
            let others = headlineTerms.enumerated().filter { originOf[$0.offset] != originOf[index] }
                .reduce(into: Set<String>()) { $0.formUnion($1.element) }
            let distinctive = unique(
                Self.surfaceWords(article.title).filter { word in
                    guard let term = lexicon.term(word.lowercased()) else { return false }
                    return !others.contains(term)
                })
            // Named by at least half of the other origins (rounded up), and never by this one.
            let otherOrigins = originCount - 1
            let needed = max(1, (otherOrigins + 1) / 2)
            let omitted = namedByOrigins.lazy.filter { key, origins, _ in
                !namedAtAll[index].contains(key) && !namedAtAll[index].contains("person:" + key)
                    && origins.subtracting([originOf[index]]).count >= needed
            }
            .prefix(10).map(\.name)
            let omittedClaims = corroborated.filter { !articlesOf[$0].contains(index) }
            return Framing(
                article: article.id, outlet: article.outlet, headline: article.title, distinctiveWords: distinctive,
                firstNamed: firstNamed(article), omittedEntities: Array(omitted), omittedClaims: omittedClaims)
        }
    }

    /// The entities an article names first.
    private func firstNamed(_ article: CoverageArticle) -> [String] {
        let named = Self.bodyNamed(article).sorted { ($0.first, $0.entity.name) < ($1.first, $1.entity.name) }
        return Array(unique(named.map(\.entity.name)).prefix(options.firstNamedCount))
    }

    /// The people, organisations and places an article names in its body (captions and credits are the
    /// picture desk's words, not the story's), with where it first names each (not by pronoun).
    static func bodyNamed(_ article: CoverageArticle) -> [(entity: Entity, first: Int)] {
        let analysis = article.analysis
        return analysis.entities.compactMap { entity in
            guard entity.kind != .other else { return nil }
            let first = entity.mentions.first { mention in
                guard mention.form != .pronoun, mention.form != .description,
                    let sentence = ClaimBuilder.sentence(containing: mention.range, in: analysis)
                else { return false }
                return analysis.sentences[sentence].block == .body
            }
            return first.map { (entity, $0.range.start) }
        }
    }

    /// A name's last word, folded ("al-Assad" -> "assad").
    static func surname(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0 == " " || $0 == "-" }).last.map(String.init) ?? folded
    }

    /// The words of a headline as written (case kept).
    static func surfaceWords(_ text: String) -> [String] {
        text.split { character in
            !(character.isLetter || character.isNumber || character == "'" || character == "’" || character == "-")
        }
        .map { $0.trimmingCharacters(in: ["'", "’", "-"]) }.filter { !$0.isEmpty }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
