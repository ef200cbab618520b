internal import Foundation
public import NewsCore
public import NewsStore

/// Why an article is in its story, read from the clusterer's recorded reason: for the CLI's `why`, the
/// server's page and its API alike.
public struct GroupingExplanation: Sendable, Hashable, Codable {
    /// How the article came to its story.
    public enum Decision: String, Sendable, Hashable, Codable {
        /// A person split it out; it forms its own story.
        case split
        /// It started its story: nothing open matched well enough.
        case started
        /// It joined an open story.
        case joined
    }

    /// The article.
    public var article: ArticleID
    /// Its story.
    public var story: ArticleID
    /// The first article of its near-duplicate group (itself when independent).
    public var origin: ArticleID
    /// `identical`, `wireCopy` or `independent`.
    public var relation: String
    /// What happened.
    public var decision: Decision
    /// The score it joined with, or its best candidate's when it started a story.
    public var score: Double
    /// The story it came closest to joining, when it started one.
    public var bestCandidate: ArticleID?
    /// The score's parts.
    public var termSimilarity: Double?
    /// See `termSimilarity`.
    public var timeFactor: Double?
    /// When it started a story although it scored the threshold with its best candidate: the term similarity that
    /// story needed.
    public var spreadFloor: Double?
    /// The score it needed, when being a long undated text raised it above the usual threshold.
    public var requiredScore: Double?
    /// How distinctive the terms it shares with its story (or best candidate) are, in rarest words' worth.
    public var sharedEvidence: Double?
    /// When it started a story although it scored the threshold with its best candidate: the shared evidence a
    /// match that loose needed.
    public var evidenceNeeded: Double?
    /// The part of `sharedEvidence` from words that are not names: what the two say happened.
    public var sharedEventEvidence: Double?
    /// When it started a story although it scored the threshold with its best candidate: the event evidence a
    /// match that loose needed (it shared the people and places, not what happened to them).
    public var eventEvidenceNeeded: Double?
    /// The score of the second-best story, when there was one.
    public var runnerUpScore: Double?
    /// The heaviest terms it shares with its story.
    public var sharedTerms: [String]
    /// The names it shares with its story.
    public var sharedNames: [String]

    /// Reads an assignment.
    public init(_ assignment: StoryAssignment) {
        let reason = (try? JSONSerialization.jsonObject(with: Data(assignment.reason.utf8))) as? [String: Any] ?? [:]
        article = assignment.article
        story = assignment.story
        origin = assignment.origin
        relation = assignment.relation
        score = (reason["score"] as? Double) ?? assignment.score
        if reason["split"] as? Bool == true {
            decision = .split
        } else if assignment.story == assignment.article {
            decision = .started
        } else {
            decision = .joined
        }
        bestCandidate = (reason["bestCandidate"] as? String).flatMap { Int64($0) }.map { ArticleID($0) }
        termSimilarity = reason["termSimilarity"] as? Double
        timeFactor = reason["timeFactor"] as? Double
        spreadFloor = reason["spreadFloor"] as? Double
        requiredScore = reason["requiredScore"] as? Double
        sharedEvidence = reason["sharedEvidence"] as? Double
        evidenceNeeded = reason["evidenceNeeded"] as? Double
        sharedEventEvidence = reason["sharedEventEvidence"] as? Double
        eventEvidenceNeeded = reason["eventEvidenceNeeded"] as? Double
        runnerUpScore = reason["runnerUpScore"] as? Double
        sharedTerms = reason["sharedTerms"] as? [String] ?? []
        sharedNames = reason["sharedNames"] as? [String] ?? []
    }

    /// The explanation as sentences: the decision first, then its evidence.
    public var lines: [String] {
        var lines: [String] = []
        switch decision {
        case .split:
            lines.append("split out of its story by hand: it forms story #\(story.rawValue)")
        case .started:
            if let bestCandidate, spreadFloor != nil {
                lines.append(
                    "started story #\(story.rawValue): its best match, story #\(bestCandidate.rawValue), scored "
                        + String(format: "%.3f", score) + ", enough to join, but is tighter than this article")
            } else if let bestCandidate, let evidenceNeeded, let sharedEvidence {
                lines.append(
                    "started story #\(story.rawValue): its best match, story #\(bestCandidate.rawValue), scored "
                        + String(format: "%.3f", score) + ", enough to join, but on common words only: they are worth "
                        + String(format: "%.1f of the %.1f", sharedEvidence, evidenceNeeded)
                        + " rare words a match this loose needs (another event of the same topic)")
            } else if let bestCandidate, let eventEvidenceNeeded, let sharedEventEvidence {
                lines.append(
                    "started story #\(story.rawValue): its best match, story #\(bestCandidate.rawValue), scored "
                        + String(format: "%.3f", score) + ", enough to join, but on the same names only: the other "
                        + "words they share are worth "
                        + String(format: "%.1f of the %.1f", sharedEventEvidence, eventEvidenceNeeded)
                        + " rare words a match this loose needs (another event of the same people)")
            } else if let bestCandidate, let requiredScore, score < requiredScore {
                lines.append(
                    "started story #\(story.rawValue): its best match, story #\(bestCandidate.rawValue), scored "
                        + String(format: "%.3f of the %.3f", score, requiredScore)
                        + " an undated text this long needs (related events share a long text's words)")
            } else if let bestCandidate {
                lines.append(
                    "started story #\(story.rawValue): its best match, story #\(bestCandidate.rawValue), scored only "
                        + String(format: "%.3f", score))
            } else {
                lines.append("started story #\(story.rawValue): no open story shared its heaviest terms")
            }
        case .joined:
            lines.append(String(format: "joined story #%lld with score %.3f", story.rawValue, score))
            if let bestCandidate, let runnerUpScore {
                lines.append(String(format: "next best: story #%lld at %.3f", bestCandidate.rawValue, runnerUpScore))
            }
        }
        if let termSimilarity, let timeFactor {
            lines.append(String(format: "term similarity %.3f × time factor %.3f", termSimilarity, timeFactor))
        }
        if let spreadFloor, let termSimilarity, let bestCandidate {
            lines.append(
                String(
                    format: "story #%lld takes articles at a term similarity of at least %.3f (a share of its "
                        + "loosest member's); this one had %.3f: a related event, not the same one",
                    bestCandidate.rawValue, spreadFloor, termSimilarity))
        }
        if !sharedTerms.isEmpty { lines.append("shared terms: " + sharedTerms.joined(separator: ", ")) }
        if !sharedNames.isEmpty { lines.append("shared names: " + sharedNames.joined(separator: ", ")) }
        if relation != "independent" {
            lines.append(
                "a \(relation == "identical" ? "copy" : "wire copy") of #\(origin.rawValue): one origin with it")
        }
        return lines
    }
}
