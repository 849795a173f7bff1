/// Renders a `Document` as one self-contained HTML file (no external resource, print stylesheet for A4) or as
/// Markdown.
extension Document {
    static func escape(_ text: String) -> String { TimelineChart.escape(text) }

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; script-src 'none'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'"

    static let stylesheet = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; background: #ffffff;
               max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; font-size: 11pt; }
        header { border-bottom: 3px solid #1f5f99; margin-bottom: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.25rem; color: #123e66; border-bottom: 1px solid #c8c8c8; padding-bottom: .2rem; margin-top: 2rem; }
        .subtitle { font-size: 1.05rem; margin: .2rem 0; }
        .notice { font-size: .9rem; color: #333333; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .8rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .92rem; }
        caption { text-align: left; font-weight: bold; margin-bottom: .3rem; }
        th, td { border: 1px solid #8a8a8a; padding: .25rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #e8eef5; }
        tr.highlight td { background: #fde7e5; font-weight: bold; }
        .emphasis { border-left: 4px solid #b3261e; padding: .3rem .7rem; background: #fdf3f2; }
        figure { margin: 1rem 0; }
        figcaption { font-size: .9rem; color: #333333; }
        svg.timeline { border: 1px solid #c8c8c8; background: #ffffff; }
        svg.vote { max-width: 40rem; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          figure, dl, tr { break-inside: avoid; }
          h2 { break-after: avoid; }
        }
        """

    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        // Nothing but the inline stylesheet and inline SVG: no script, no external resource, no form, no base URL.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\"/>\n"
        out += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.stylesheet)\n</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(Self.escape(title))</h1>\n<p class=\"subtitle\">\(Self.escape(subtitle))</p>\n"
        out += "<p class=\"notice\">\(Self.escape(notice))</p>\n</header>\n<main>\n"
        for section in sections {
            out += "<section id=\"\(section.id)\" aria-labelledby=\"h-\(section.id)\">\n"
            out += "<h2 id=\"h-\(section.id)\">\(Self.escape(section.title))</h2>\n"
            for block in section.blocks { out += html(block) }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    private func html(_ block: Block) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(Self.escape(text))</p>\n"
        case .emphasis(let text):
            return "<p class=\"emphasis\">\(Self.escape(text))</p>\n"
        case .list(let items):
            return items.isEmpty ? "" : "<ul>\n" + items.map { "<li>\(Self.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .facts(let pairs):
            return "<dl>\n" + pairs.map { "<dt>\(Self.escape($0.0))</dt><dd>\(Self.escape($0.1))</dd>\n" }.joined()
                + "</dl>\n"
        case let .table(caption, headers, rows, highlighted):
            var out = "<table>\n<caption>\(Self.escape(caption))</caption>\n<thead><tr>"
            out += headers.map { "<th scope=\"col\">\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (index, row) in rows.enumerated() {
                out += highlighted.contains(index) ? "<tr class=\"highlight\">" : "<tr>"
                out += row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n"
        case let .chart(svg, alternative):
            return "<figure>\n\(svg)\n<figcaption>\(Self.escape(alternative))</figcaption>\n</figure>\n"
        }
    }

    /// Markdown in which every text of the document is escaped (`MarkdownText`): a name or a fact cannot inject
    /// HTML, a link or a table row.
    public func markdown() -> String {
        func md(_ text: String) -> String { MarkdownText.inline(text) }
        var out = "# \(md(title))\n\n_\(md(subtitle))_\n\n> \(md(notice))\n"
        for section in sections {
            out += "\n## \(md(section.title))\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += md(text) + "\n\n"
                case .emphasis(let text): out += "> **\(md(text))**\n\n"
                case .list(let items): out += items.map { "- \(md($0))\n" }.joined() + (items.isEmpty ? "" : "\n")
                case .facts(let pairs): out += pairs.map { "- **\(md($0.0))** : \(md($0.1))\n" }.joined() + "\n"
                case let .table(caption, headers, rows, highlighted):
                    out += "**\(md(caption))**\n\n| " + headers.map(md).joined(separator: " | ") + " |\n"
                    out += "|" + headers.map { _ in " --- |" }.joined() + "\n"
                    for (index, row) in rows.enumerated() {
                        let cells = row.map(md).map { highlighted.contains(index) ? "**\($0)**" : $0 }
                        out += "| " + cells.joined(separator: " | ") + " |\n"
                    }
                    out += "\n"
                case .chart(_, let alternative):
                    out +=
                        "_\(md(alternative))_ "
                        + language.t(
                            "(La frise dessinée figure dans la version HTML.)",
                            "(The drawn timeline is in the HTML version.)") + "\n\n"
                }
            }
        }
        return out
    }
}
