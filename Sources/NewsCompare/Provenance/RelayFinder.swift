internal import NewsCore

/// Where a sentence says its claim comes from.
struct Relay: Hashable {
    /// What the sentence names as its source.
    enum Source: Hashable {
        /// A known outlet, by its index in the directory.
        case outlet(Int)
        /// A form several outlets share ("the Times"), not yet resolved to one.
        case shortForm(String)
        /// An organisation whose report the sentence relays, by its entity key and name.
        case organization(key: String, name: String)
        /// The source the article named last, other than by an interview ("reportedly", "according to the report").
        case earlier
    }

    let source: Source
    /// Whether the source is named as the one a person spoke to ("told CNN").
    var isInterview = false
    /// Whether it is a wire credit ("(Reuters)"), which makes the article the agency's copy.
    let isWireCredit: Bool
}

/// Recognises known outlets in text, by their forms, and the phrases that make one a sentence's source.
struct RelayFinder {
    private struct Form {
        let words: [String]
        let outlet: Int
        let needsArticle: Bool
        let isShort: Bool
    }

    /// The outlets it recognises.
    let outlets: [KnownOutlet]
    private var formsByFirstWord: [String: [Form]] = [:]

    /// "(" and an agency's form, lower-cased: what a sentence holding a wire credit contains.
    private let credits: [[UInt8]]

    init(outlets: [KnownOutlet]) {
        self.outlets = outlets
        credits = outlets.filter(\.isAgency).flatMap(\.forms).map { Array(("(" + $0.lowercased()).utf8) }
        for (index, outlet) in outlets.enumerated() {
            for (written, isShort) in outlet.forms.map({ ($0, false) }) + outlet.shortForms.map({ ($0, true) }) {
                var words = Self.words(written)
                var needsArticle = isShort
                if let first = words.first, first.lowercased() == "the", words.count > 1 {
                    words.removeFirst()
                    needsArticle = true
                }
                guard let first = words.first else { continue }
                formsByFirstWord[first, default: []].append(
                    Form(words: words, outlet: index, needsArticle: needsArticle, isShort: isShort))
            }
        }
        for key in formsByFirstWord.keys {
            formsByFirstWord[key]!.sort { ($0.words.count, $1.outlet) > ($1.words.count, $0.outlet) }
        }
    }

    static func words(_ text: String) -> [String] {
        RelayToken.tokens(of: TextRange(0, text.utf8.count), in: text).filter(\.isWord).map(\.text)
    }

    /// An outlet named at token `index` (with or without a leading "the"): its directory index, whether the
    /// form is a shared short one, and the tokens it covers.
    func mention(in tokens: [RelayToken], at index: Int) -> (outlet: Int, isShort: Bool, range: Range<Int>)? {
        guard tokens[index].isWord else { return nil }
        let hasArticle = ["the", "The", "THE"].contains(tokens[index].text) && index + 1 < tokens.count
        let first = hasArticle ? index + 1 : index
        guard let forms = formsByFirstWord[tokens[first].text] else { return nil }
        for form in forms where hasArticle || !form.needsArticle {
            let end = first + form.words.count
            guard end <= tokens.count else { continue }
            var matches = true
            for (offset, word) in form.words.enumerated() where tokens[first + offset].text != word {
                matches = false
                break
            }
            guard matches else { continue }
            // "the Times Square", "the Post Office", "AP Photo": a longer name this one only begins.
            if end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized,
                !Self.afterCues.contains(tokens[end].lower)
            {
                continue
            }
            return (form.outlet, form.isShort, index..<end)
        }
        return nil
    }

    /// Every outlet mention in `tokens`, in order.
    func mentions(in tokens: [RelayToken]) -> [(outlet: Int, isShort: Bool, range: Range<Int>)] {
        var found: [(outlet: Int, isShort: Bool, range: Range<Int>)] = []
        var index = 0
        while index < tokens.count {
            if let mention = mention(in: tokens, at: index) {
                found.append(mention)
                index = mention.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether the words around `range` make what it names the sentence's source: "according to X",
    /// "told X", "X reported", "a report by X says", "(X)" for an agency's credit.
    static func isSource(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        precedingCue(range, in: tokens) || followingCue(range, in: tokens)
    }

    /// Whether what names the source is an interview given to it ("told CNN", "in an interview with the BBC"):
    /// the sentence is the outlet's, but "reportedly" further on is not pointing back at it.
    static func isInterview(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        let before = words(endingAt: range.lowerBound, in: tokens, count: 2)
        guard let last = before.last else { return false }
        return last == "told" || (before.count == 2 && interviewCues.contains(before[0] + " " + before[1]))
    }

    /// Whether a report named by a noun ("the BuzzFeed report", "a report in the Times") is what the sentence
    /// relays: it is introduced by "according to", or says something ("… report found"), and the sentence does
    /// not dispute it ("denied the BuzzFeed report": the denial is the sentence's own news).
    private static func relaysReport(from start: Int, after: Int, in tokens: [RelayToken]) -> Bool {
        let before = words(endingAt: start, in: tokens, count: 6)
        if before.contains(where: disputingWords.contains) { return false }
        if let according = before.lastIndex(of: "according"), according + 1 < before.count,
            before[according + 1] == "to"
        {
            return true
        }
        // The report says it within a few words ("the Times report, published Monday, said"), before any "and".
        var seen = 0
        for token in tokens[min(after, tokens.count)...] where token.isWord {
            let word = token.lower
            if sayingVerbs.contains(word) { return true }
            seen += 1
            if seen >= 4 || word == "and" || word == "but" { break }
        }
        return false
    }

    /// Whether the sentence has a word that attributes, quickly, before it is tokenised: most sentences
    /// name no source and need no closer look.
    func mayRelay(_ text: Substring) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 { bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
        let stems = Self.stemsByFirstByte
        var previousIsLetter = false
        for (index, byte) in bytes.enumerated() {
            let isLetter = (byte >= 97 && byte <= 122) || byte >= 0x80
            defer { previousIsLetter = isLetter }
            // Cues are words or their beginnings; "(" starts a wire credit.
            guard !previousIsLetter || byte == 40 else { continue }
            for stem in stems[Int(byte)] where bytes.count - index >= stem.count {
                var offset = 1
                while offset < stem.count && bytes[index + offset] == stem[offset] { offset += 1 }
                if offset == stem.count { return true }
            }
            if byte == 40 {
                for credit in credits where bytes.count - index >= credit.count {
                    if bytes[index..<(index + credit.count)].elementsEqual(credit) { return true }
                }
            }
        }
        return false
    }

    private static let stemsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for stem in stems { table[Int(stem[0])].append(stem) }
        return table
    }()

    /// Lower-case pieces of every cue above; a sentence with none of them relays nothing. A wire credit
    /// ("(AP)") is found by its parenthesis, only when an agency's name follows it.
    private static let stems: [[UInt8]] = [
        "report", "told", "accord", "citing", "cited", "cites", "via", "interview", "statement", "said to",
        "speaking", "spoke", "talking to", "talked to", "obtained", "reveal", "wrote", "writes", "broke", "disclos",
        "contributed", "story", "article", "investigation", "study", "survey", "findings", "published", "released",
        "releases", "issued", "learned", "quoted", "paper", "agency", "outlet", "broadcaster", "network", "magazine",
        "daily", "laut", "selon", "seg\u{00FA}n", "segundo", "secondo", "volgens", "wed\u{0142}ug", "apr\u{00E8}s",
        "bericht", "meldet", "schreib", "schrieb", "zufolge", "rapporte", "r\u{00E9}v\u{00E8}le", "informa",
        "inform\u{00F3}", "publica", "riporta", "scrive",
    ].map { Array($0.utf8) }

    /// Whether `range` is wrapped in parentheses, as a wire credit is ("WASHINGTON (AP) —").
    static func isCredit(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        range.lowerBound > 0 && tokens[range.lowerBound - 1].text == "(" && range.upperBound < tokens.count
            && tokens[range.upperBound].text == ")"
    }

    /// Whether an organisation named at `range` is the source of a report the sentence relays: "an Amnesty
    /// International report says", "X's study", "X published a report", "a report by X".
    static func isReportSource(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        var next = range.upperBound
        if next < tokens.count, tokens[next].isPossessive { next += 1 }
        if next < tokens.count, reportNouns.contains(tokens[next].lower) {
            return relaysReport(from: range.lowerBound, after: next + 1, in: tokens)
        }
        if next < tokens.count, publishingVerbs.contains(tokens[next].lower) {
            for later in tokens[(next + 1)..<min(tokens.count, next + 5)] where later.isWord {
                if reportNouns.contains(later.lower) { return true }
            }
        }
        // "a report by X", "a report issued by X".
        var before = words(endingAt: range.lowerBound, in: tokens, count: 3)
        guard let last = before.popLast(), ["by", "from"].contains(last) else { return false }
        if let verb = before.last, publishingVerbs.contains(verb) || verb == "prepared" || verb == "commissioned" {
            before.removeLast()
        }
        guard let noun = before.last, reportNouns.contains(noun) else { return false }
        return relaysReport(from: range.lowerBound, after: range.upperBound, in: tokens)
    }

    /// Whether the sentence points back at a source its article named before: "reportedly", "according to
    /// the report", "the newspaper said".
    static func refersBack(_ tokens: [RelayToken]) -> Bool {
        let words = tokens.filter(\.isWord).map(\.lower)
        for (index, word) in words.enumerated() {
            if word == "reportedly" { return true }
            guard word == "the" || word == "that", index + 1 < words.count, referents.contains(words[index + 1])
            else { continue }
            if index >= 2, words[index - 2] == "according", words[index - 1] == "to" { return true }
            if index + 2 < words.count, referringVerbs.contains(words[index + 2]) { return true }
        }
        return false
    }

    private static func words(endingAt index: Int, in tokens: [RelayToken], count: Int) -> [String] {
        var words: [String] = []
        var position = index - 1
        while position >= 0, words.count < count, tokens[position].isWord {
            words.insert(tokens[position].lower, at: 0)
            position -= 1
        }
        return words
    }

    private static func precedingCue(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        let before = words(endingAt: range.lowerBound, in: tokens, count: 2)
        if let last = before.last, singleCues.contains(last) { return true }
        guard before.count == 2 else { return false }
        let pair = before[0] + " " + before[1]
        if pairCues.contains(pair) { return true }
        return nounPairCues.contains(pair)
            && relaysReport(from: range.lowerBound - 1, after: range.upperBound, in: tokens)
    }

    private static func followingCue(_ range: Range<Int>, in tokens: [RelayToken]) -> Bool {
        var position = range.upperBound
        var skipped = 0
        while position < tokens.count, skipped <= 4 {
            let token = tokens[position]
            if !token.isWord {
                // A possessive or a comma before "which first reported" may come between.
                guard token.text == "," || token.isPossessive else { return false }
            } else if afterCues.contains(token.lower) {
                return true
            } else if reportNouns.contains(token.lower) || token.lower == "story" || token.lower == "article" {
                return relaysReport(from: range.lowerBound, after: position + 1, in: tokens)
            } else if !skippable.contains(token.lower) {
                return false
            }
            position += 1
            skipped += 1
        }
        return false
    }
}
