import Foundation

/// What a letter offers its template: each name a template may use, and what it holds.
public indirect enum LetterField: Equatable, Sendable {
    /// A text, written as `{{name}}`.
    case text
    /// A yes/no, used as a section: `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case flag
    /// A list, used as a section repeated for each item, inside which the item's own fields are offered.
    case list([String: LetterField])
}

/// The fields of one letter: the names its template may use. A template naming any other is refused when it is
/// loaded (Mustache itself would render an unknown name as nothing, silently).
public struct LetterSchema: Equatable, Sendable {
    public var fields: [String: LetterField]
    public init(_ fields: [String: LetterField]) { self.fields = fields }
}

/// A template naming a field its letter does not offer, or written in a way it cannot be checked.
public struct TemplateProblem: Error, Equatable, Sendable {
    /// The template, as `rulebook/kind.lang`.
    public var template: String
    public var line: Int
    /// The field (or the tag) at fault.
    public var field: String
    public var fr: String
    public var en: String
}

/// Checks a template's tags against the fields its letter offers, before anything is rendered.
///
/// Mustache looks a name up in the innermost section's item first, then outwards: so does this check. Comments
/// (`{{! … }}`) and the content-type pragma are allowed; partials and delimiter changes are refused, since the fields
/// they would use could not be checked.
enum TemplateCheck {
    static func check(_ text: String, schema: LetterSchema, name: String) -> TemplateProblem? {
        var scopes: [[String: LetterField]] = [schema.fields]
        var open: [(name: String, line: Int)] = []
        var rest = Substring(text)
        var line = 1
        func problem(_ field: String, _ fr: String, _ en: String) -> TemplateProblem {
            TemplateProblem(template: name, line: line, field: field, fr: fr, en: en)
        }
        func lookup(_ name: String) -> LetterField? {
            if name == "." { return .text }
            let first = String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? "")
            for scope in scopes.reversed() { if let f = scope[first] { return f } }
            return nil
        }
        while let start = rest.range(of: "{{") {
            line += rest[rest.startIndex..<start.lowerBound].filter { $0 == "\n" }.count
            var after = rest[start.upperBound...]
            let triple = after.hasPrefix("{")
            if triple { after = after.dropFirst() }
            guard let end = after.range(of: triple ? "}}}" : "}}") else {
                return problem("{{", "balise « {{ » jamais fermée", "tag “{{” never closed")
            }
            let tag = after[after.startIndex..<end.lowerBound]
            let tagLines = tag.filter { $0 == "\n" }.count
            rest = after[end.upperBound...]
            var body = tag.trimmingCharacters(in: .whitespaces)
            let sigil = triple ? "&" : body.first.map(String.init) ?? ""
            if !triple, ["#", "^", "/", "&", "!", ">", "=", "%", "$", "<"].contains(sigil) {
                body = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            defer { line += tagLines }
            switch sigil {
            case "!":
                continue
            case "%":
                guard body.replacingOccurrences(of: " ", with: "") == "CONTENT_TYPE:TEXT" else {
                    return problem(
                        body, "réglage « \(body) » inconnu (seul CONTENT_TYPE: TEXT est admis)",
                        "unknown setting “\(body)” (only CONTENT_TYPE: TEXT is allowed)")
                }
            case ">", "=", "$", "<":
                return problem(
                    sigil + body,
                    "balise « {{\(sigil)\(body)}} » non admise dans un modèle de lettre (partiel, bloc ou changement de délimiteurs)",
                    "tag “{{\(sigil)\(body)}}” not allowed in a letter template (partial, block or delimiter change)")
            case "#", "^":
                guard let field = lookup(body) else {
                    return problem(body, "champ inconnu « \(body) »", "unknown field “\(body)”")
                }
                if sigil == "#", field == .text {
                    return problem(
                        body, "« \(body) » est un texte, pas une section : écrivez {{\(body)}}",
                        "“\(body)” is a text, not a section: write {{\(body)}}")
                }
                open.append((body, line))
                if case .list(let item) = field, sigil == "#" { scopes.append(item) } else { scopes.append([:]) }
            case "/":
                guard let last = open.popLast(), last.name == body else {
                    return problem(
                        body, "section « \(body) » fermée sans avoir été ouverte",
                        "section “\(body)” closed without being opened")
                }
                scopes.removeLast()
            default:
                guard let field = lookup(body) else {
                    return problem(body, "champ inconnu « \(body) »", "unknown field “\(body)”")
                }
                if case .list = field {
                    return problem(
                        body, "« \(body) » est une liste : écrivez {{#\(body)}}…{{/\(body)}}",
                        "“\(body)” is a list: write {{#\(body)}}…{{/\(body)}}")
                }
            }
        }
        if let last = open.last {
            line = last.line
            return problem(last.name, "section « \(last.name) » jamais fermée", "section “\(last.name)” never closed")
        }
        return nil
    }
}
