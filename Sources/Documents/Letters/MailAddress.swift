import Foundation
import Discipline

/// A person a letter is from or to, as the roster knows them.
public struct MailAddress: Equatable, Sendable {
    public var member: MemberID
    public var name: String
    public var email: String

    /// The roster's record of `member`, refused when there is none or it holds no usable address.
    static func of(_ member: MemberID, roster: [MemberID: MemberRecord]) throws(LetterError) -> MailAddress {
        guard let record = roster[member] else {
            throw .noContact(
                member, fr: "absent de la liste des membres (non membre ou effacé)",
                en: "not in the roster (not a member, or erased)")
        }
        // The roster handed to the letters is revealed already; an erased address reads « [effacé] » and is refused.
        let email = (record.email.clearText ?? "").trimmingCharacters(in: .whitespaces)
        guard isUsable(email) else {
            throw .noContact(
                member, fr: "aucune adresse électronique dans la liste des membres",
                en: "no e-mail address in the roster")
        }
        return MailAddress(member: member, name: record.displayName.clearText ?? member.rawValue, email: email)
    }

    /// One `@`, something on each side, no space, no angle bracket, no line break, nothing beyond ASCII.
    static func isUsable(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && email.unicodeScalars.allSatisfy {
                $0.isASCII && $0.value > 32 && $0 != "<" && $0 != ">" && $0 != "," && $0 != ";"
            }
    }
}
