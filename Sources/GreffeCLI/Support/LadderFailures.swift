import ArgumentParser
import Discipline
import Foundation
import Registry

func failure(_ error: LadderError, _ l: Language) -> CLIFailure {
    switch error {
    case .refused(let refusal):
        let text = describe(refusal, l)
        return CLIFailure(status: .refused, fr: text, en: text)
    case .notAdopted(let id):
        return CLIFailure(
            status: .notFound,
            fr: "le règlement \(id) n'est pas adopté dans ce magasin (greffe rulebook adopt \(id))",
            en: "rulebook \(id) is not adopted in this store (greffe rulebook adopt \(id))")
    case let .notInForce(id, day, adoptedOn):
        return CLIFailure(
            status: .refused,
            fr:
                "aucune version de \(id) n'était en vigueur le \(day.frenchDescription) (adopté le \(adoptedOn.frenchDescription)) ; rien n'a été écrit",
            en: "no version of \(id) was in force on \(day) (adopted on \(adoptedOn)); nothing was written")
    case .noRulebook:
        return CLIFailure(
            status: .notFound,
            fr: "aucun règlement adopté dans ce magasin : greffe rulebook list, puis greffe rulebook adopt ID",
            en: "no rulebook adopted in this store: greffe rulebook list, then greffe rulebook adopt ID")
    case .unknownRulebook(let id):
        return CLIFailure(
            status: .notFound, fr: "aucun règlement livré ne s'appelle \(id) (greffe rulebook list)",
            en: "no shipped rulebook is called \(id) (greffe rulebook list)")
    case .shippedRulebooksMissing:
        return CLIFailure(
            status: .notFound,
            fr:
                "règlements livrés introuvables : copiez le dossier Greffe_Registry.resources à côté de l'exécutable greffe",
            en: "shipped rulebooks not found: copy the Greffe_Registry.resources folder next to the greffe executable")
    case .invalidRulebook(let invalid):
        return CLIFailure(
            status: .refused,
            fr: "règlement invalide, \(invalid.faults.count) défaut(s) :\n"
                + invalid.faults.map { "  \($0.path) : \($0.fr)" }.joined(separator: "\n"),
            en: "invalid rulebook, \(invalid.faults.count) fault(s):\n"
                + invalid.faults.map { "  \($0.path): \($0.en)" }.joined(separator: "\n"))
    }
}

/// A refusal of a ladder act, naming the rule and quoting the article.
func describe(_ refusal: LadderRefusal, _ l: Language) -> String {
    let head = l.t(
        "refusé — \(refusal.rule) (art. \(refusal.article) : « \(refusal.quote) ») : \(refusal.fr)",
        "refused — \(refusal.rule) (art. \(refusal.article): « \(refusal.quote) »): \(refusal.en)")
    let allowed = l == .fr ? refusal.allowed : refusal.allowedEn
    return head + (allowed.map { l.t("\n  Possible : ", "\n  Allowed: ") + $0 } ?? "")
        + l.t("\n  Rien n'a été écrit.", "\n  Nothing was written.")
}

extension LadderRulebook.Channel: ExpressibleByArgument {
    /// Accepts the JSON names (`phone`, `email`, `privateTicket`…) and French ones (`telephone`, `courriel`,
    /// `ticket`, `message`, `personne`, `courrier`, `plateforme`).
    public init?(argument: String) {
        let aliases: [String: Self] = [
            "telephone": .phone, "téléphone": .phone, "courriel": .email, "mail": .email, "ticket": .privateTicket,
            "message": .privateMessage, "personne": .inPerson, "courrier": .letter, "plateforme": .platform
        ]
        guard let channel = Self(rawValue: argument) ?? aliases[argument.lowercased()] else { return nil }
        self = channel
    }
}

/// `--by role=member`.
struct SignatureArgument: ExpressibleByArgument {
    var signature: Signature
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        signature = Signature(role: parts[0], member: CommandLineNames.shared.member(parts[1], unknownIsFailure: false))
    }
}
