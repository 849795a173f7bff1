import Discipline
import EventLog
import Foundation
import GreffeTestSupport
import Registry
import Testing

/// Rule `person` (issue 14): a ladder record names a known person, a member on the roster or an outside person created
/// beforehand with a name and a contact; a free-text name is refused with the nearest known people, nothing written.
@Suite struct OutsiderTests {
    func adopted(_ id: String) throws -> RegistryFixture {
        let f = try RegistryFixture()
        let book = try #require(try ShippedRulebooks.ladder(id))
        try f.registry.adopt(book, on: d("2026-01-02"), recording: f.clerk)
        return f
    }

    func incident(
        _ f: RegistryFixture, _ who: MemberID, _ day: String = "2026-03-01"
    ) throws -> Registry.LadderPerformed {
        try f.registry.performLadder(
            .recordIncident(IncidentReport(facts: "Propos injurieux à l'accueil")), member: who,
            rulebook: "coopol-4", on: d(day), recording: f.clerk)
    }

    @Test func person_aLadderActAboutAFreeTextNameIsRefusedWithCandidatesAndNothingIsWritten() throws {
        let f = try adopted("coopol-4")
        let head = try f.fingerprint()
        #expect(throws: UnknownPersonError(named: "Mehdi Tazi", candidates: [])) { try incident(f, "Mehdi Tazi") }
        // A member's name typed instead of the id: the member is suggested.
        #expect(throws: UnknownPersonError(named: "damien", candidates: ["M0004"])) { try incident(f, "damien") }
        // A typo in an id: the id is suggested.
        #expect(throws: UnknownPersonError(named: "m0044", candidates: ["M0004"])) { try incident(f, "m0044") }
        #expect(try f.fingerprint() == head)
        #expect(try f.registry.ladderIndex().isEmpty)
    }

    @Test func person_anOutsiderGetsAnIdNotMadeFromTheNameIsSealedListedAndResolvable() throws {
        let f = try adopted("coopol-4")
        let added = try f.registry.addOutsider(
            name: "Mehdi Tazi", contact: "06 12 34 56 78", note: "usager de l'accueil",
            on: d("2026-03-01"), recording: f.clerk)
        #expect(added.id == "X0001")
        #expect(added.records.map(\.type) == ["OutsiderAdded"])
        // Name, contact and note are sealed before hashing: no byte of them in the stored payload.
        let payload = String(decoding: try #require(added.records.first).payload, as: UTF8.self)
        for text in ["Mehdi", "06 12 34", "usager"] { #expect(!payload.contains(text)) }
        let listed = try f.registry.outsiders()
        #expect(listed.map(\.id) == ["X0001"])
        let reveal = try f.registry.reveal()
        #expect(reveal(try #require(listed.first).name) == "Mehdi Tazi")
        #expect(reveal(try #require(listed.first).contact) == "06 12 34 56 78")
        // Resolvable like a member: a ladder act names the id; a name near it suggests it.
        try incident(f, "X0001")
        #expect(try f.registry.loadLadder("coopol-4", member: "X0001").state.incidents.count == 1)
        #expect(throws: UnknownPersonError(named: "mehdi tazi", candidates: ["X0001"])) {
            try incident(f, "mehdi tazi")
        }
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }

    @Test func person_theSameNameTwiceNoLongerMakesTwoRecords() throws {
        let f = try adopted("coopol-4")
        let first = try f.registry.addOutsider(
            name: "Mehdi Tazi", contact: "mehdi@exemple.org", note: nil,
            on: d("2026-03-01"), recording: f.clerk)
        try incident(f, first.id)
        let head = try f.fingerprint()
        // The split-history defect: the same person typed again (case, accents, spaces aside) is refused and named.
        do {
            try f.registry.addOutsider(
                name: "  mehdi   TAZI ", contact: "autre@exemple.org", note: nil, on: d("2026-03-02"),
                recording: f.clerk)
            Issue.record("a second record for the same name was created")
        } catch RegistryError.refused(let refusal) {
            #expect(refusal.rule == .person)
            #expect(refusal.fr.contains("X0001"))
        }
        // A member's name too.
        #expect(throws: RegistryError.self) {
            try f.registry.addOutsider(
                name: "Damien", contact: "x@exemple.org", note: nil, on: d("2026-03-02"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
        try incident(f, first.id, "2026-03-05")
        #expect(try f.registry.ladderIndex().count == 1)
        #expect(try f.registry.loadLadder("coopol-4", member: first.id).state.incidents.count == 2)
        // Said to be another person, a homonym gets its own id.
        let other = try f.registry.addOutsider(
            name: "Mehdi Tazi", contact: "m.tazi@exemple.org", note: nil, homonym: true,
            on: d("2026-03-06"), recording: f.clerk)
        #expect(other.id == "X0002")
    }

    @Test func person_anOutsiderWithoutContactOrNameIsRefusedAndNothingIsWritten() throws {
        let f = try adopted("coopol-4")
        let head = try f.fingerprint()
        for (name, contact) in [
            ("Mehdi Tazi", "  "), ("", "mehdi@exemple.org"), ("Mehdi\u{1B}[31m", "mehdi@exemple.org")
        ] {
            do {
                try f.registry.addOutsider(
                    name: name, contact: contact, note: nil, on: d("2026-03-01"), recording: f.clerk)
                Issue.record("created without a name or a contact")
            } catch RegistryError.refused(let refusal) {
                #expect(refusal.rule == .person)
            }
        }
        // Recorded by someone off the roster: refused too.
        #expect(throws: RegistryError.unknownRecorder("nobody")) {
            try f.registry.addOutsider(
                name: "Mehdi Tazi", contact: "m@exemple.org", note: nil, on: d("2026-03-01"),
                recording: Recording(actor: "nobody", recordedAt: f.clerk.recordedAt, today: f.clerk.today))
        }
        #expect(try f.fingerprint() == head)
    }

    @Test func person_anOutsiderCreatedWithARefusedIncidentIsNotWritten() throws {
        let f = try adopted("coopol-4")
        let head = try f.fingerprint()
        // An incident kind the rulebook does not know: the act is refused, and the person is not created either.
        #expect(throws: LadderError.self) {
            try f.registry.addOutsiderForLadder(
                .recordIncident(IncidentReport(kind: "inconnu", facts: "x")), name: "Mehdi Tazi",
                contact: "m@exemple.org",
                note: nil, homonym: false, rulebook: "coopol-4", on: d("2026-03-01"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
        let added = try f.registry.addOutsiderForLadder(
            .recordIncident(IncidentReport(facts: "x")), name: "Mehdi Tazi", contact: "m@exemple.org", note: nil,
            homonym: false, rulebook: "coopol-4", on: d("2026-03-01"), recording: f.clerk)
        #expect(added.id == "X0001")
    }

    @Test func R35_anOutsiderIsErasedLikeAMemberAndTheAuditStillPasses() throws {
        let f = try adopted("coopol-4")
        let added = try f.registry.addOutsider(
            name: "Mehdi Tazi", contact: "m@exemple.org", note: "note",
            on: d("2026-03-01"), recording: f.clerk)
        try incident(f, added.id)
        let records = try f.registry.erase(
            member: added.id, reason: "demande de la personne", requestedBy: nil,
            on: d("2026-03-10"), recording: f.clerk)
        #expect(records.map(\.type) == ["OutsiderErased"])
        let reveal = try f.registry.reveal()
        let erased = try #require(try f.registry.outsider(added.id))
        #expect(erased.erasedOn == d("2026-03-10"))
        #expect(reveal.isErased(erased.name))
        #expect(reveal.isErased(erased.contact))
        // The ladder record's texts were under the person's key too.
        let facts = try #require(try f.registry.loadLadder("coopol-4", member: added.id).state.incidents.first).incident
            .facts
        #expect(reveal.isErased(facts))
        // A second erasure is refused; nothing is written.
        let head = try f.fingerprint()
        #expect(throws: RegistryError.self) {
            try f.registry.erase(
                member: added.id, reason: "encore", requestedBy: nil, on: d("2026-03-11"), recording: f.clerk)
        }
        #expect(try f.fingerprint() == head)
        #expect(try f.registry.storedProjections() == f.registry.projectionsFromLog())
        let report = try f.registry.audit()
        #expect(report.isValid, "\(report.checks.map { "\($0.check): \($0.outcome)" })")
    }
}
