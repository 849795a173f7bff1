import Foundation
import Mustache

/// The letter templates: the ones shipped in the binary, and an association's own (`--templates DIR`), every one
/// checked against the fields its letter offers when loaded.
///
/// A template is named `RULEBOOK/KIND.LANG.mustache` (`cle-autistes-ri/decision.fr.mustache`); in a folder of one's
/// own, `KIND.LANG.mustache` at the top applies to any rulebook. Its first line is the subject, then a blank line,
/// then the body in plain text: the HTML part is made from the same text (paragraphs, lists, quotations).
public struct LetterTemplates: Sendable {
    /// Template texts by name (`rulebook/kind.lang` or `kind.lang`), the association's before the shipped ones.
    var own: [String: String]
    var shipped: [String: String]

    /// The templates carried in the binary.
    public static func shipped() -> LetterTemplates {
        LetterTemplates(
            own: [:],
            shipped: Dictionary(
                EmbeddedTemplates.files.map { (String($0.name.dropLast(".mustache".count)), $0.text) },
                uniquingKeysWith: { a, _ in a }))
    }

    /// Adds an association's templates (`name` → text, names as above) after checking every one of them.
    public func adding(_ texts: [String: String]) throws(LetterError) -> LetterTemplates {
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            guard let kind = Self.kind(of: name) else {
                throw .badTemplate(
                    TemplateProblem(
                        template: name, line: 1, field: name,
                        fr:
                            "nom de modèle inconnu : attendu TYPE.LANGUE.mustache, TYPE parmi \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")), LANGUE fr ou en",
                        en:
                            "unknown template name: expected KIND.LANG.mustache, KIND one of \(LetterKind.allCases.map(\.rawValue).joined(separator: ", ")), LANG fr or en"
                    ))
            }
            try Self.parse(text, kind: kind, name: name)
        }
        var copy = self
        copy.own.merge(texts) { _, new in new }
        return copy
    }

    /// Every `.mustache` file under `directory`, by name relative to it (without the extension).
    public static func read(directory: String) throws -> [String: String] {
        let root = URL(fileURLWithPath: directory)
        var out: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return out }
        for case let url as URL in walker where url.pathExtension == "mustache" {
            let relative = url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)
            out[String(relative.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return out
    }

    /// `decision.fr` or `cle-autistes-ri/decision.fr` → `.decision`.
    static func kind(of name: String) -> LetterKind? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let parts = file.split(separator: ".")
        guard parts.count == 2, DocumentLanguage(rawValue: String(parts[1])) != nil else { return nil }
        return LetterKind(rawValue: String(parts[0]))
    }

    /// Checks the tags against the kind's fields, then parses; the text is rendered as plain text (no HTML escaping).
    @discardableResult
    static func parse(_ text: String, kind: LetterKind, name: String) throws(LetterError) -> MustacheTemplate {
        if let problem = TemplateCheck.check(text, schema: kind.schema, name: name) { throw .badTemplate(problem) }
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw .badTemplate(
                TemplateProblem(
                    template: name, line: error.context.lineNumber, field: error.context.line,
                    fr: "modèle illisible près de « \(error.context.line) »",
                    en: "unreadable template near “\(error.context.line)”"))
        } catch {
            throw .badTemplate(
                TemplateProblem(template: name, line: 1, field: "", fr: "modèle illisible", en: "unreadable template"))
        }
    }

    /// The template for a letter: the association's for this rulebook, its general one, then the shipped one.
    func text(
        for kind: LetterKind, rulebook: String, language: DocumentLanguage
    ) throws(LetterError) -> (name: String, text: String) {
        let base = "\(kind.rawValue).\(language.rawValue)"
        for name in ["\(rulebook)/\(base)", base] { if let t = own[name] { return (name, t) } }
        if let t = shipped["\(rulebook)/\(base)"] { return ("\(rulebook)/\(base)", t) }
        throw .noTemplate(name: "\(rulebook)/\(base)")
    }

    /// Renders a draft: its subject and its plain-text body.
    public func render(_ draft: LetterDraft, language: DocumentLanguage) throws(LetterError) -> RenderedLetter {
        let (name, text) = try text(for: draft.kind, rulebook: draft.rulebook, language: language)
        let template = try Self.parse(text, kind: draft.kind, name: name)
        let rendered = template.render(draft.fields)
        var lines = rendered.components(separatedBy: "\n")
        let subject = lines.isEmpty ? "" : lines.removeFirst().trimmingCharacters(in: .whitespaces)
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return RenderedLetter(draft: draft, subject: subject, body: lines.joined(separator: "\n") + "\n")
    }

    /// Every shipped template checked against its letter's fields (the test suite runs it).
    public static func problemsInShipped() -> [TemplateProblem] {
        shipped().shipped.sorted { $0.key < $1.key }.compactMap { name, text in
            guard let kind = kind(of: name) else {
                return TemplateProblem(template: name, line: 1, field: name, fr: "nom inconnu", en: "unknown name")
            }
            return TemplateCheck.check(text, schema: kind.schema, name: name)
        }
    }
}

/// A letter rendered: subject and plain text, ready to be written as a message.
public struct RenderedLetter: Sendable {
    public var draft: LetterDraft
    public var subject: String
    public var body: String
}

extension LetterTemplates {
    /// Throws unless a template for this letter exists and names only the fields it offers.
    public func check(_ kind: LetterKind, rulebook: String, language: DocumentLanguage) throws(LetterError) {
        let (name, text) = try text(for: kind, rulebook: rulebook, language: language)
        try Self.parse(text, kind: kind, name: name)
    }
}
