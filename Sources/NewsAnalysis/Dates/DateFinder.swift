internal import NewsCore
internal import NewsText

/// Finds dates and periods in the text and resolves relative ones against the publication day.
struct DateFinder {
    let context: AnalysisContext
    /// The publication day, when known.
    let reference: CivilDate?

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]
    /// Month words that are also common words, so need a preposition or a day to count.
    static let ambiguousMonths: Set<String> = ["may", "march", "mar", "jan", "jun", "aug", "sep", "dec"]
    static let yearPrepositions: Set<String> = [
        "in", "since", "by", "until", "till", "before", "after", "of", "from", "during", "early", "late", "mid",
    ]
    static let periodWords: [String: DateGranularity] = ["week": .week, "month": .month, "year": .year]

    /// Dates in text order, and the tokens they cover.
    func dates() -> (mentions: [DateMention], tokens: Set<Int>) {
        var mentions: [DateMention] = []
        var covered: Set<Int> = []
        for sentence in context.text.sentenceTokens.indices {
            let tokens = context.text.sentenceTokens[sentence]
            var index = tokens.lowerBound
            while index < tokens.upperBound {
                if let (last, value, granularity, relative, first) = match(at: index, end: tokens.upperBound) {
                    mentions.append(
                        DateMention(
                            range: context.range(first, last), value: value, granularity: granularity,
                            isRelative: relative, sentence: sentence))
                    for token in first...last { covered.insert(token) }
                    index = last + 1
                } else {
                    index += 1
                }
            }
        }
        return (mentions, covered)
    }

    private func number(_ index: Int) -> Int? {
        guard index < context.tokens.count, context.tokens[index].kind == .number else { return nil }
        return Int(context.lower[index])
    }

    private func word(_ index: Int, _ end: Int) -> String? {
        index >= 0 && index < end ? context.lower[index] : nil
    }

    /// A date starting at `index`: its last token, value, granularity, relativity and first token.
    private func match(at index: Int, end: Int) -> (Int, String?, DateGranularity, Bool, Int)? {
        // Most tokens can start no date: only numbers and month, weekday, number or relative words.
        guard
            context.tokens[index].kind == .number || context.has(index, .month) || context.has(index, .weekday)
                || context.has(index, .numberWord) || context.has(index, .dateWord)
        else { return nil }
        let word = context.lower[index]
        let start = context.text.sentenceTokens[context.sentenceOf[index]].lowerBound
        // 2015-12-29
        if let year = number(index), context.lower[index].count == 4, index + 4 < end,
            context.isPunctuation(index + 1, "-"), let month = number(index + 2), context.isPunctuation(index + 3, "-"),
            let day = number(index + 4), (1...12).contains(month), (1...31).contains(day)
        {
            return (index + 4, CivilDate(year: year, month: month, day: day).iso, .day, false, index)
        }
        // Weekdays: "on Tuesday", "last Monday", "Monday, Dec. 28, 2015"
        if let weekday = Self.weekdays[word], context.isCapitalized(index) {
            if context.isPunctuation(index + 1, ","), index + 2 < end, let dated = monthDay(at: index + 2, end: end) {
                return (dated.last, dated.value, .day, dated.relative, index)
            }
            var first = index
            var direction = 0
            if let previous = self.word(index - 1, end), index - 1 >= start {
                if previous == "last" { (first, direction) = (index - 1, -1) }
                if previous == "next" { (first, direction) = (index - 1, 1) }
                if previous == "on" || previous == "this" { first = index - 1 }
                // "until Wednesday", "by Friday": a deadline lies ahead, as does "will reopen on Monday".
                if Self.deadlines.contains(previous) { (first, direction) = (index - 1, 2) }
            }
            let future: Set<String> = ["will", "won't", "shall"]
            if direction == 0, (max(start, index - 6)..<index).contains(where: { future.contains(context.lower[$0]) }) {
                direction = 2
            }
            return (index, weekdayValue(weekday, direction: direction), .day, true, first)
        }
        if let dated = monthDay(at: index, end: end) {
            var first = index
            if index - 1 >= start, ["early", "late", "mid", "in", "on"].contains(context.lower[index - 1]) {
                first = index - 1
                if first - 1 >= start, context.lower[first - 1] == "in", context.lower[first] != "in" { first -= 1 }
            }
            return (dated.last, dated.value, dated.granularity, dated.relative, first)
        }
        // 28 December 2015
        if let day = number(index), (1...31).contains(day), index + 1 < end,
            let month = Self.months[context.lower[index + 1]],
            context.isCapitalized(index + 1)
        {
            var last = index + 1
            // "28 Dec. 2015": the abbreviation's full stop, not a sentence's.
            if context.isPunctuation(last + 1, "."), context.resources.abbreviations[context.lower[last]] == .month {
                last += 1
            }
            if let year = number(last + 1), (1000...2999).contains(year) {
                return (last + 1, CivilDate(year: year, month: month, day: day).iso, .day, false, index)
            }
            return (last, inferredDay(month: month, day: day), .day, true, index)
        }
        switch word {
        case "today", "tonight": return (index, reference?.iso, .day, true, index)
        case "yesterday": return (index, reference?.adding(days: -1).iso, .day, true, index)
        case "tomorrow": return (index, reference?.adding(days: 1).iso, .day, true, index)
        default: break
        }
        // "last week", "next month", "earlier this year"
        if ["last", "next", "this", "past"].contains(word), index + 1 < end,
            let granularity = Self.periodWords[context.lower[index + 1]]
        {
            let offset = word == "last" || word == "past" ? -1 : (word == "next" ? 1 : 0)
            var first = index
            if index - 1 >= start, ["earlier", "later", "early", "late"].contains(context.lower[index - 1]) {
                first = index - 1
            }
            return (index + 1, period(granularity, offset: offset), granularity, true, first)
        }
        // "five years ago"
        if index + 2 < end, context.lower[index + 2] == "ago",
            let amount = NumberWords.value(of: context.lower[index]) ?? number(index).map(Double.init),
            let unit = ["days": 0, "day": 0, "weeks": 1, "week": 1, "months": 2, "month": 2, "years": 3, "year": 3][
                context.lower[index + 1]]
        {
            let value: String? = reference.map { reference in
                switch unit {
                case 0: return reference.adding(days: -Int(amount)).iso
                case 1: return reference.adding(days: -7 * Int(amount)).iso
                case 2:
                    let total = reference.year * 12 + reference.month - 1 - Int(amount)
                    return "\(CivilDate.pad(total / 12, 4))-\(CivilDate.pad(total % 12 + 1, 2))"
                default: return CivilDate.pad(reference.year - Int(amount), 4)
                }
            }
            let granularity: DateGranularity = unit == 0 ? .day : (unit == 1 ? .week : (unit == 2 ? .month : .year))
            return (index + 2, value, granularity, true, index)
        }
        // "in 2011", "since 2011"
        if let year = number(index), (1900...2100).contains(year), context.lower[index].count == 4, index - 1 >= start,
            Self.yearPrepositions.contains(context.lower[index - 1])
        {
            return (index, CivilDate.pad(year, 4), .year, false, index)
        }
        return nil
    }

    /// "Dec. 28, 2015", "January 25", "March 2011", "in late September".
    private func monthDay(
        at index: Int, end: Int
    ) -> (last: Int, value: String?, granularity: DateGranularity, relative: Bool)? {
        let word = context.lower[index]
        guard let month = Self.months[word], context.isCapitalized(index) else { return nil }
        var next = index + 1
        if context.isPunctuation(next, "."), !context.tokens[next].spaceBefore { next += 1 }
        if next < end, let day = number(next), (1...31).contains(day), context.lower[next].count <= 2 {
            var last = next
            if context.isPunctuation(last + 1, ","), let year = number(last + 2), (1000...2999).contains(year),
                context.lower[last + 2].count == 4
            {
                last += 2
                return (last, CivilDate(year: year, month: month, day: day).iso, .day, false)
            }
            return (last, inferredDay(month: month, day: day), .day, true)
        }
        if next < end, let year = number(next), (1000...2999).contains(year), context.lower[next].count == 4 {
            return (next, "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))", .month, false)
        }
        let start = context.text.sentenceTokens[context.sentenceOf[index]].lowerBound
        let previous = index - 1 >= start ? context.lower[index - 1] : ""
        guard
            !Self.ambiguousMonths.contains(word)
                || ["in", "since", "early", "late", "mid", "last", "next", "until", "by"].contains(previous)
        else {
            return nil
        }
        guard
            ["in", "since", "early", "late", "mid", "last", "next", "until", "by", "of", "during", "from"].contains(
                previous)
        else {
            return nil
        }
        return (index, inferredMonth(month), .month, true)
    }

    /// The day of `month` and `day` nearest the publication day (the year before, of, or after it).
    private func inferredDay(month: Int, day: Int) -> String? {
        guard let reference, day <= CivilDate.daysIn(month: month, year: reference.year) || month == 2 else {
            return nil
        }
        let candidates = (reference.year - 1...reference.year + 1).map {
            CivilDate(year: $0, month: month, day: min(day, CivilDate.daysIn(month: month, year: $0)))
        }
        return candidates.min { abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber) }?.iso
    }

    private func inferredMonth(_ month: Int) -> String? {
        guard let reference else { return nil }
        let candidates = (reference.year - 1...reference.year + 1).map { CivilDate(year: $0, month: month, day: 15) }
        guard
            let nearest = candidates.min(by: {
                abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber)
            })
        else { return nil }
        return "\(CivilDate.pad(nearest.year, 4))-\(CivilDate.pad(month, 2))"
    }

    /// Words before a weekday that make it a deadline, ahead of the publication day.
    static let deadlines: Set<String> = ["until", "till", "by", "through", "before"]

    /// A weekday named without a date: the last such day up to the publication day (news reports the past),
    /// the next one after it with "next" (1), or the first from the publication day on for a deadline or a
    /// future tense (2).
    private func weekdayValue(_ weekday: Int, direction: Int) -> String? {
        guard let reference else { return nil }
        let back = (reference.weekday - weekday + 7) % 7
        switch direction {
        case 2: return reference.adding(days: (weekday - reference.weekday + 7) % 7).iso
        case 1:
            return reference.adding(
                days: (weekday - reference.weekday + 7) % 7 == 0 ? 7 : (weekday - reference.weekday + 7) % 7
            ).iso
        case -1: return reference.adding(days: back == 0 ? -7 : -back).iso
        default: return reference.adding(days: -back).iso
        }
    }

    /// The week, month or year `offset` periods from the publication day's.
    private func period(_ granularity: DateGranularity, offset: Int) -> String? {
        guard let reference else { return nil }
        switch granularity {
        case .week, .day:
            let monday = reference.adding(days: -reference.weekday + 7 * offset)
            return "\(monday.iso)/\(monday.adding(days: 6).iso)"
        case .month:
            let total = reference.year * 12 + (reference.month - 1) + offset
            return "\(CivilDate.pad(total / 12, 4))-\(CivilDate.pad(total % 12 + 1, 2))"
        case .year:
            return CivilDate.pad(reference.year + offset, 4)
        }
    }
}
