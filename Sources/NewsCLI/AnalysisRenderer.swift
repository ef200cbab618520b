/// Prints an analysis for a person: entities, quotes, numbers and dates, one line each.
struct AnalysisRenderer {
    var verbose: Bool

    func render(_ result: AnalysisDTO) {
        let styled = Terminal.stdoutIsStyled
        let width = Terminal.width
        Terminal.output(Terminal.bold(result.title.isEmpty ? result.input : result.title, styled: styled))
        var facts = [result.input]
        if let source = result.source { facts.append(source) }
        let language = result.language
        facts.append("\(language.code) \(language.percent)%\(language.reliable ? "" : " (unreliable)")")
        facts.append("\(result.sentences.count) sentences")
        let furniture = result.paragraphs.filter { $0.role != "body" }.count
        if furniture > 0 { facts.append("\(furniture) caption/credit paragraphs") }
        Terminal.output(Terminal.dim(facts.joined(separator: " · "), styled: styled))

        section("Entities", count: result.entities.count, styled: styled)
        for entity in result.entities {
            var line = "  \(entity.kind.padding(12)) \(entity.name)"
            if let role = entity.role { line += Terminal.dim(" — \(role)", styled: styled) }
            line += Terminal.dim(" ×\(entity.mentions.count)", styled: styled)
            Terminal.output(line)
            if verbose {
                let forms = entity.mentions.map { "\($0.text) [\($0.form)]" }.joined(separator: ", ")
                Terminal.output(Terminal.dim("               " + forms, styled: styled))
            }
        }
        section("Quotes", count: result.quotes.count, styled: styled)
        for quote in result.quotes {
            let speaker = quote.speakerName ?? quote.speakerMention.map { "(\($0.text))" } ?? "(unattributed)"
            // A transcript's "PENCE:" has the colon for its cue: printed once.
            let cue = quote.cue.map { $0.text == ":" ? "" : " \($0.text)" } ?? ""
            let head = "  \(quote.kind.padding(9)) \(speaker)\(cue): "
            Terminal.output(head + Terminal.truncated("“\(quote.text)”", to: max(20, width - head.count)))
        }
        section("Numbers", count: result.numbers.count, styled: styled)
        for number in result.numbers {
            var line = "  \(number.text)"
            if let counted = number.counted { line += " \(counted)" }
            if let predicate = number.predicate { line += " \(predicate)" }
            if let reporter = number.reporterName ?? number.reporterMention?.text {
                line += Terminal.dim(" — reported by \(reporter)", styled: styled)
            }
            Terminal.output(line)
        }
        section("Dates", count: result.dates.count, styled: styled)
        for date in result.dates {
            Terminal.output(
                "  \(date.text.padding(24)) \(date.value ?? "?")" + Terminal.dim(" \(date.granularity)", styled: styled)
            )
        }
        if verbose {
            section("Sentences", count: result.sentences.count, styled: styled)
            for (index, sentence) in result.sentences.enumerated() {
                Terminal.output("  \(index) [\(sentence.block)] \(sentence.start)..<\(sentence.end)")
            }
        }
        Terminal.output()
    }

    private func section(_ title: String, count: Int, styled: Bool) {
        Terminal.output()
        Terminal.output(Terminal.bold("\(title) (\(count))", styled: styled))
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
