internal import NewsCore

/// Renders a comparison as one self-contained HTML page (no scripts, no outside resources).
public enum HTMLRenderer {
    /// The page. `articleLink` gives a citation's link target (the server's article page); without it,
    /// citations are plain labels.
    public static func render(
        _ comparison: StoryComparison, articleLink: (@Sendable (Citation) -> String)? = nil
    ) -> String {
        var page = HTMLPage(articleLink: articleLink)
        let title = comparison.articles.first?.title ?? "(no articles)"
        page.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        page.raw("<title>Story \(escape(comparison.story.description)): \(escape(title))</title>")
        page.raw("<style>\(style)</style></head><body><main>")
        page.raw("<h1>\(escape(title))</h1><p class=\"lead\">\(escape(ComparisonText.headline(comparison)))</p>")

        page.raw(
            "<h2>Articles</h2><table><tr><th>article</th><th>outlet</th><th>published</th><th>origin</th><th>headline</th></tr>"
        )
        for article in comparison.articles {
            let copy =
                (article.copyOf.map { " (copy of \(escape($0.description)))" } ?? "")
                + (article.via.map { " (via \(escape($0)))" } ?? "")
            page.raw(
                "<tr><td>\(escape(article.id.description))</td><td>\(escape(article.outlet))</td>"
                    + "<td>\(ComparisonText.day(article.published))</td>"
                    + "<td>\(escape(comparison.origins[article.origin].label))\(copy)</td><td>\(escape(article.title))</td></tr>"
            )
        }
        page.raw("</table>")

        page.raw("<h2>Summary</h2><ol class=\"summary\">")
        for sentence in comparison.summary {
            page.raw("<li>\(badge(sentence.status)) \(escape(sentence.text)) ")
            page.cite(sentence.citations)
            page.raw("</li>")
        }
        page.raw("</ol>")

        for status in CorroborationStatus.allCases {
            let groups = comparison.claims.filter { $0.status == status }
            page.raw("<h2>\(escape(ComparisonText.statusTitle(status))) <small>(\(groups.count))</small></h2>")
            if groups.isEmpty { page.raw("<p>none</p>") }
            for group in groups {
                page.raw("<section class=\"claim \(status.rawValue)\"><header>Claim \(group.id) · ")
                page.raw("\(escape(ComparisonText.origins(of: group, in: comparison))): ")
                page.raw("\(escape(group.outlets.joined(separator: ", ")))</header>")
                if let conflict = group.conflict { page.raw("<p class=\"conflict\">Conflict: \(escape(conflict))</p>") }
                page.raw("<ul>")
                for citation in group.evidence {
                    let via = citation.via.map { " <i class=\"via\">via \(escape($0))</i>" } ?? ""
                    page.raw("<li><b>\(escape(citation.outlet))</b>\(via) \(escape(citation.text)) ")
                    page.cite([citation])
                    page.raw("</li>")
                }
                page.raw("</ul></section>")
            }
        }

        page.raw(
            "<h2>Figures</h2><table><tr><th>counts</th><th>figure</th><th>reporter</th><th>status</th><th>outlet</th><th>sentence</th></tr>"
        )
        for row in comparison.figures {
            for (index, figure) in row.figures.enumerated() {
                let why = index == 0 ? "<br><small class=\"why\">\(escape(row.explanation))</small>" : ""
                page.raw(
                    "<tr class=\"\(row.agreement)\"><td>\(escape(row.counted)) <small>(\(row.agreement))</small>\(why)</td>"
                        + "<td class=\"number\">\(escape(figure.number.text))</td><td>\(escape(figure.reporter ?? "–"))</td>"
                        + "<td>\(badge(figure.status))</td><td>\(escape(figure.number.outlet))</td><td>\(escape(figure.sentence.text)) "
                )
                page.cite([figure.sentence])
                page.raw("</td></tr>")
            }
        }
        page.raw("</table>")

        let matrix = comparison.quotes
        page.raw("<h2>Quotes</h2><table><tr><th>speaker</th>")
        for outlet in matrix.outlets { page.raw("<th>\(escape(outlet))</th>") }
        page.raw("</tr>")
        for speaker in matrix.speakers {
            let role = speaker.role.map { " <small>(\(escape($0)))</small>" } ?? ""
            page.raw("<tr><td>\(escape(speaker.name))\(role)</td>")
            for outlet in matrix.outlets {
                page.raw("<td class=\"number\">\(speaker.countsByOutlet[outlet] ?? 0)</td>")
            }
            page.raw("</tr>")
        }
        page.raw("</table><h3>Quoted by several origins</h3><ul>")
        if matrix.shared.isEmpty { page.raw("<li>none</li>") }
        for quote in matrix.shared {
            page.raw("<li>“\(escape(quote.text))” — \(escape(quote.speakers.joined(separator: ", "))), ")
            page.raw("\(quote.originCount) origins ")
            page.cite(quote.evidence)
            page.raw("</li>")
        }
        page.raw("</ul>")

        page.raw(
            "<h2>Framing</h2><table><tr><th>article</th><th>headline</th><th>words only it uses</th><th>names first</th><th>leaves out</th></tr>"
        )
        for framing in comparison.framing {
            let claims =
                framing.omittedClaims.isEmpty
                ? "" : "; claims " + framing.omittedClaims.map(String.init).joined(separator: ", ")
            page.raw(
                "<tr><td>\(escape(framing.article.description)) \(escape(framing.outlet))</td><td>\(escape(framing.headline))</td>"
                    + "<td>\(escape(framing.distinctiveWords.joined(separator: ", ")))</td>"
                    + "<td>\(escape(framing.firstNamed.joined(separator: ", ")))</td>"
                    + "<td>\(escape(framing.omittedEntities.joined(separator: ", ") + claims))</td></tr>")
        }
        page.raw("</table>")

        page.raw("<h2>Timeline</h2><ul class=\"timeline\">")
        for entry in comparison.timeline {
            page.raw("<li><time>\(escape(entry.date))</time> \(escape(entry.text)) ")
            page.cite(entry.citations)
            page.raw("</li>")
        }
        page.raw("</ul></main></body></html>\n")
        return page.html
    }

    private static func badge(_ status: CorroborationStatus) -> String {
        "<span class=\"badge \(status.rawValue)\">\(status.rawValue)</span>"
    }

    /// Text made safe for HTML element content and attribute values.
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    private static let style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}
        main{max-width:72rem;margin:0 auto;padding:1rem 1.5rem 4rem}
        h1{font-size:1.6rem;margin-bottom:.2rem}.lead{color:#555;margin-top:0}
        h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem;background:#fff}
        th,td{border:1px solid #e3e3e3;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}.number{text-align:right;white-space:nowrap}
        .claim{background:#fff;border:1px solid #e3e3e3;border-left:4px solid #999;margin:.6rem 0;padding:.4rem .8rem}
        .claim header{font-size:.85rem;color:#555}.claim ul{margin:.3rem 0;padding-left:1.2rem}
        .claim.corroborated{border-left-color:#2e7d32}.claim.contested{border-left-color:#c62828}
        .claim.single-source{border-left-color:#f9a825}
        .badge{font-size:.75rem;padding:.05rem .4rem;border-radius:.6rem;color:#fff;white-space:nowrap}
        .badge.corroborated{background:#2e7d32}.badge.contested{background:#c62828}
        .badge.single-source{background:#b28704}
        .conflict{color:#c62828}tr.conflict td:first-child{color:#c62828}
        cite{font-style:normal;font-size:.78rem;color:#555;background:#eef;border-radius:.3rem;padding:0 .3rem;
        margin-right:.2rem;white-space:nowrap}cite a{color:inherit}
        time{font-weight:600;margin-right:.4rem}
        """
}

/// An HTML page being written.
struct HTMLPage {
    let articleLink: (@Sendable (Citation) -> String)?
    var html = ""

    mutating func raw(_ text: String) { html += text }

    /// Citation chips: the article, its outlet and the characters cited, the cited text as a tooltip.
    mutating func cite(_ citations: [Citation]) {
        for citation in citations {
            let label = HTMLRenderer.escape("\(citation.article) \(citation.outlet) \(citation.start)–\(citation.end)")
            let title = HTMLRenderer.escape(citation.text)
            if let link = articleLink?(citation) {
                html += "<cite title=\"\(title)\"><a href=\"\(HTMLRenderer.escape(link))\">\(label)</a></cite>"
            } else {
                html += "<cite title=\"\(title)\">\(label)</cite>"
            }
        }
    }
}
