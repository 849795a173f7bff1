import Foundation
import GreffeTestSupport
import Testing
@testable import Discipline

/// Issue 21: the payloads of the member, ladder and assembly streams (and of the paths') are read by the strict
/// payload reader, as case events are, and give what `JSONDecoder` gives; a malformed one is still refused.
@Suite struct PayloadDecoderStreamsTests {
    static let sealedName = Sealed.sealed(
        SealedBox(
            kid: "00112233445566778899aabbccddeeff", at: "member/m1#1/MemberJoined/displayName",
            nonce: "AAAAAAAAAAAAAAAA", box: "c2VhbGVk"))

    static let memberEvents: [MemberEvent] = [
        .joined(member: "m1", displayName: "Zoé", email: "zoe@exemple.org", kind: .person),
        .joined(member: "m2", displayName: sealedName, email: sealedName, kind: .association, phone: sealedName),
        .detailsChanged(member: "m1", displayName: "Zoé B.", email: nil, kind: nil),
        .duesPaid(member: "m1", year: 2026),
        .mandateHeld(member: "m1", role: .boardMember),
        .mandateEnded(member: "m1", role: .rapporteur),
        .left(member: "m1"),
        .radiated(member: "m1", byCase: "2026-001"),
        .erased(member: "m1", reason: "demande de la personne", requestedBy: "m1"),
        .resigned(member: "m1", via: "courriel", collectiveDecision: sealedName)
    ]

    @Test func memberPayloadsAreReadByTheFastPathAndDecodeAsWritten() throws {
        for event in Self.memberEvents {
            let payload = try event.payloadJSON()
            #expect(PayloadDecoder.fastDecode(MemberEvent.Payload.self, from: payload) != nil, "\(event.typeName)")
            #expect(try MemberEvent.decode(type: event.typeName, payload: payload) == event, "\(event.typeName)")
        }
    }

    @Test func ladderAndAssemblyPayloadsAreReadByTheFastPathAndDecodeAsWritten() throws {
        let book = try shippedLadder("aalmi-5")
        let ladder: [(LadderEvent, (Data) -> Bool)] = [
            (.opened(LadderOpened(rulebook: book.id, version: 1, member: "m004")), fast(LadderOpened.self)),
            (
                .incidentRecorded(
                    IncidentRecorded(
                        kind: "non-respect", channel: .privateMessage, facts: "Hors sujet", reportedBy: "m006",
                        number: 2)), fast(IncidentRecorded.self)
            ),
            (
                .measureTaken(
                    MeasureDecision(
                        measure: "exclusion",
                        signatures: [
                            Signature(role: "administrateurs", member: "m001"),
                            Signature(role: "president", member: "m002")
                        ],
                        channel: .phone, until: d("2026-05-01"), outcome: "accepte", reason: "récidive",
                        exception: "nuisance-volontaire", detail: "groupe")), fast(MeasureDecision.self)
            ),
            (
                .escalatedToCase(EscalationLink(procedure: "cle-autistes-ri", caseID: "2026-001")),
                fast(EscalationLink.self)
            )
        ]
        for (event, fastReads) in ladder {
            let payload = try event.payloadJSON()
            #expect(fastReads(payload), "\(event.typeName)")
            #expect(try LadderEvent.decode(type: event.typeName, payload: payload) == event, "\(event.typeName)")
        }
        let assembly = AssemblyEvent.scheduled(AssemblyScheduled(heldOn: d("2026-06-13"), place: "Lyon / salle 2"))
        let payload = try assembly.payloadJSON()
        #expect(PayloadDecoder.fastDecode(AssemblyScheduled.self, from: payload) != nil)
        #expect(try AssemblyEvent.decode(type: "AssemblyScheduled", payload: payload) == assembly)
    }

    /// Whether the strict reader alone reads a payload as `type`.
    func fast<T: Decodable>(_ type: T.Type) -> (Data) -> Bool {
        { PayloadDecoder.fastDecode(type, from: $0) != nil }
    }

    @Test func malformedMemberLadderAndAssemblyPayloadsAreStillRefused() {
        let member: [String] = [
            "",
            #"{"member":"m1","year":2026"#, // truncated
            #"{"year":2026}"#, // no member
            #"{"member":7,"year":2026}"#, // a member id that is not a text
            #"{"member":"m1","year":"2026"}"#, // a year written as a text
            #"{"member":"m1","year":20.5}"#, // a fraction
            #"{"member":"m1","year":2026} x"# // trailing data
        ]
        for text in member {
            #expect(throws: (any Error).self, "\(text)") {
                try MemberEvent.decode(type: "MemberDuesPaid", payload: Data(text.utf8))
            }
        }
        // A field the type needs, missing: the type's own error, as before.
        #expect(throws: MemberEventDecodingError.missingField(type: "MemberDuesPaid", field: "year")) {
            try MemberEvent.decode(type: "MemberDuesPaid", payload: Data(#"{"member":"m1"}"#.utf8))
        }
        #expect(throws: (any Error).self) {
            try LadderEvent.decode(type: "LadderOpened", payload: Data(#"{"member":"m004","version":1}"#.utf8))
        }
        #expect(throws: (any Error).self) {
            try AssemblyEvent.decode(type: "AssemblyScheduled", payload: Data(#"{"heldOn":"13/06/2026"}"#.utf8))
        }
        #expect(throws: (any Error).self) {
            try AssemblyEvent.decode(type: "AssemblyScheduled", payload: Data(#"{"heldOn":null}"#.utf8))
        }
    }

    @Test func aPayloadTheFastPathDeclinesDecodesAsJSONDecoderReadsIt() {
        // A repeated key: the strict reader declines, JSONDecoder reads it as it always did.
        for text in [#"{"member":"m1","member":"m2","year":2026}"#, #"{"year":2026,"member":"m1","member":"m3"}"#] {
            let payload = Data(text.utf8)
            #expect(PayloadDecoder.fastDecode(MemberEvent.Payload.self, from: payload) == nil)
            let foundation = try? JSONDecoder().decode(MemberEvent.Payload.self, from: payload)
            let event = try? MemberEvent.decode(type: "MemberDuesPaid", payload: payload)
            #expect(event == foundation.map { MemberEvent.duesPaid(member: $0.member, year: 2026) })
        }
    }
}
