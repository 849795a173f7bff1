import Crypto
public import Foundation

/// The members a draw chooses from, in canonical order (by member id, ascending, byte-wise on UTF-8) and numbered
/// from 1, with the SHA-256 that is recorded before any entropy value is known.
///
/// The exact bytes hashed (``canonicalEncoding``) are the member ids in that order, each followed by one line feed
/// (0x0A), in UTF-8: `alice\nbob\ncarol\n`. `printf 'alice\nbob\ncarol\n' | sha256sum` gives ``digest``.
public struct DrawPool: Equatable, Sendable {
    /// The members in canonical order; the member at offset k has number k + 1.
    public let members: [MemberID]

    /// Sorts and de-duplicates `members`. Refuses an empty id, an id containing a line break (it would make the
    /// canonical encoding ambiguous), and a pool larger than the RFC's 2-byte index can serve.
    public init(members: some Sequence<MemberID>) throws(DrawError) {
        let unique = Set(members)
        for id in unique where id.rawValue.isEmpty || id.rawValue.contains(where: \.isNewline) {
            throw .invalidPoolMember(id)
        }
        guard unique.count <= RFC3797.maximumPoolSize else { throw .poolTooLarge(unique.count) }
        self.members = unique.sorted(by: DrawPool.canonicalOrder)
    }

    /// Canonical order: the ids' UTF-8 bytes compared lexicographically, so every verifier sorts the same way.
    public static func canonicalOrder(_ a: MemberID, _ b: MemberID) -> Bool {
        a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
    }

    /// Number of members.
    public var count: Int { members.count }

    /// The member with this pool number (from 1), if any.
    public func member(number: Int) -> MemberID? {
        members.indices.contains(number - 1) ? members[number - 1] : nil
    }

    /// This member's pool number (from 1), if they are in the pool.
    public func number(of id: MemberID) -> Int? {
        members.firstIndex(of: id).map { $0 + 1 }
    }

    /// The bytes hashed by ``digest``: each id in order followed by a line feed, UTF-8.
    public var canonicalEncoding: Data {
        var data = Data()
        for id in members {
            data.append(contentsOf: Array(id.rawValue.utf8))
            data.append(0x0A)
        }
        return data
    }

    /// SHA-256 of ``canonicalEncoding``, 64 lower-case hex digits (as `sha256sum` prints it).
    public var digest: String {
        RFC3797.hex(SHA256.hash(data: canonicalEncoding), uppercase: false)
    }

    /// True when `members` is already sorted canonically without duplicates (a recorded pool must be).
    static func isCanonical(_ members: [MemberID]) -> Bool {
        zip(members, members.dropFirst()).allSatisfy { canonicalOrder($0, $1) }
    }
}
