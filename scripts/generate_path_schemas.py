#!/usr/bin/env python3
"""Writes Schemas/path-events/ (JSON Schema draft 2020-12) for the events of mediation (5.4), revocation of a
mandate (4.5), members' requests for a crisis procedure (3.2) and amendments of the règlement (9), and the `paths` block of a procedure rulebook in Schemas/rulebook.schema.json.

The tables mirror Sources/Discipline/Mediation/MediationEvent.swift, Sources/Discipline/Mandates/Revocation.swift, Sources/Discipline/Requests/CrisisRequest.swift,
Sources/Discipline/Outsiders/Outsider.swift and Sources/Discipline/Paths/PathRules.swift. Run it after changing one of those payloads.

    python3 scripts/generate_path_schemas.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Schemas" / "path-events"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://greffe.example/schemas/"

DAY = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "calendar day, YYYY-MM-DD"}
MEMBER = {"type": "string", "minLength": 1, "description": "member id"}
CASE = {"type": "string", "minLength": 1, "description": "case id"}
# The free texts of the paths are personal (docs/privacy.md): a string in records written before sealing, else a
# sealed object (Schemas/sealed-text.schema.json). Commands carry them in clear.
TEXT = {"anyOf": [{"type": "string"}, {"$ref": BASE + "sealed-text.schema.json"}],
        "description": "a personal text: in clear in records written before sealing, else sealed (sealed-text.schema.json)"}
ROLE = {"type": "string", "minLength": 1,
        "description": "mandate: board-member, rapporteur, moderator, local-representative, or another name"}


def obj(props, required, description=None):
    out = {"type": "object", "additionalProperties": False, "properties": props, "required": required}
    if description:
        out["description"] = description
    return out


BALLOT = obj({"member": MEMBER, "option": {"type": ["string", "null"], "description": "revoke, keep; null: blank"}},
             ["member"])
TALLY = {"$ref": BASE + "events/CellVoteHeld.schema.json#/$defs/VoteTally"}

EVENTS = {
    "MediationOpened": obj({
        "parties": {"type": "array", "items": MEMBER, "minItems": 2, "description": "the members in conflict"},
        "facts": TEXT,
        "followsCase": CASE,
    }, ["parties", "facts"], "A mediation opened between parties in conflict (5.4), possibly following a 5.6 case."),
    "MediatorNamed": obj({"mediator": MEMBER, "by": {"enum": ["parties", "board"]}}, ["mediator", "by"],
                         "A mediator named by the parties, or a member called by the board."),
    "MediatorAnswered": obj({"mediator": MEMBER, "answer": {"enum": ["accepted", "declined", "noAnswer"]}},
                            ["mediator", "answer"], "The called member's answer to the board's call."),
    "MediationDrawAnnounced": {"$ref": BASE + "events/DrawAnnounced.schema.json",
                               "description": "The mediator's draw announced: the same payload as a cell's DrawAnnounced."},
    "MediationDrawPerformed": {"$ref": BASE + "events/DrawPerformed.schema.json",
                               "description": "The mediator's draw performed (RFC 3797): the same payload as a cell's DrawPerformed; the first drawn is the mediator."},
    "MediationConcluded": obj({"outcome": {"enum": ["agreement", "failure", "complaint"]}, "note": TEXT, "caseID": CASE},
                              ["outcome"], "How the mediation ended."),
    "RevocationOpened": obj({
        "holder": MEMBER, "role": ROLE,
        "ground": obj({"kind": {"enum": ["missedMeetings", "silence", "breach"]},
                       "meetingsMissed": {"type": "integer", "minimum": 0}, "silentSince": DAY, "facts": TEXT},
                      ["kind", "facts"]),
    }, ["holder", "role", "ground"], "The board opens the revocation of a mandate (4.5) on a ground."),
    "RevocationHolderConvened": obj({"form": {"enum": ["writing", "oral"]}, "companion": TEXT}, ["form"],
                                    "The holder convened to explain, in writing or orally, with the person of their choice."),
    "RevocationExplanationRecorded": obj({"outcome": {"enum": ["resolved", "noAnswer", "persistentDisagreement"]},
                                          "note": TEXT}, ["outcome"], "What came of the convocation."),
    "RevocationVoted": obj({"ballots": {"type": "array", "items": BALLOT},
                            "bodySize": {"type": "integer", "minimum": 0}, "tally": TALLY, "revoked": {"type": "boolean"}},
                           ["ballots", "bodySize", "tally", "revoked"],
                           "The board's two-thirds vote, the holder not voting; revoked when the tally reaches the threshold."),
    "CrisisRequestLodged": obj({
        "target": MEMBER, "signatories": {"type": "array", "items": MEMBER, "minItems": 1},
        "motives": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        "facts": TEXT, "due": DAY,
    }, ["target", "signatories", "motives", "facts"],
        "Members' request for a crisis procedure against a moderation mandate (3.2); due: the board's last day."),
    "CrisisRequestImplemented": obj({"caseID": CASE, "daysLate": {"type": "integer", "minimum": 0}},
                                    ["caseID", "daysLate"], "The board put the request into effect: the case it opened."),
    "AmendmentProposed": obj({
        "proposer": MEMBER, "rulebook": {"type": "string", "minLength": 1}, "version": {"type": "integer", "minimum": 1},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "summary": TEXT,
    }, ["proposer", "rulebook", "version", "sha256", "summary"],
        "A board member proposes a new version of the procedure rulebook (9), named by id, version and digest."),
    "AmendmentVoted": obj({"ballots": {"type": "array", "items": obj(
                               {"member": MEMBER, "option": {"type": ["string", "null"], "description": "adopt, reject; null: blank"}},
                               ["member"])},
                           "bodySize": {"type": "integer", "minimum": 0}, "tally": TALLY, "carried": {"type": "boolean"},
                           "noticeDue": DAY},
                          ["ballots", "bodySize", "tally", "carried"],
                          "The GA's two-thirds vote on the amendment; noticeDue: the last day to send the new text to all members."),
    "AmendmentNoticeSent": obj({"daysLate": {"type": "integer", "minimum": 0}}, ["daysLate"],
                               "The new rulebook sent to all members by e-mail (9), with its days of delay."),
}

PERIOD = obj({"length": {"type": "integer", "minimum": 1}, "unit": {"enum": ["days", "months"]}}, ["length", "unit"])
THRESHOLD = obj({"numerator": {"type": "integer", "minimum": 1}, "denominator": {"type": "integer", "minimum": 1},
                 "base": {"enum": ["castIncludingBlanks", "allMembersOfBody"]}}, ["numerator", "denominator", "base"])
PATHS = obj({
    "mediation": obj({"interventionCap": {"type": "integer", "minimum": 1,
                                          "description": "mediations one member may conduct (5.4: trois)"}}, []),
    "revocation": obj({"missedMeetings": {"type": "integer", "minimum": 1}, "silence": PERIOD, "majority": THRESHOLD}, []),
    "crisisRequest": obj({"signatories": {"type": "integer", "minimum": 1},
                          "boardDelay": obj({"length": {"type": "integer", "minimum": 0}, "unit": {"enum": ["days", "months"]}},
                                            ["length", "unit"])}, []),
    "voting": obj({"seniority": PERIOD, "duesWithin": PERIOD}, []),
    "amendment": obj({"notice": obj({"length": {"type": "integer", "minimum": 0}, "unit": {"enum": ["days", "months"]}},
                                    ["length", "unit"])}, []),
    "nonPayment": obj({"delay": obj({"length": {"type": "integer", "minimum": 0}, "unit": {"enum": ["days", "months"]}},
                                    ["length", "unit"]), "majority": THRESHOLD}, []),
    "assemblyRequest": obj({"share": THRESHOLD}, []),
}, [], "numbers of mediation (5.4), revocation of a mandate (4.5), members' crisis requests (3.2), GA voting rights (2.4), the amendment's notice (9), non-payment (2.3) and members convening a GA (3.2); each field absent takes the CLE value")


# Outside people of the ladders (rule person, Sources/Discipline/Outsiders/Outsider.swift): stream outsider/<id>.
OUTSIDER = {"type": "string", "pattern": "^X[0-9]{4,}$", "description": "outside person id, given by the register (X0001…)"}
EVENTS["OutsiderAdded"] = obj({"outsider": OUTSIDER, "name": TEXT, "contact": TEXT, "note": TEXT},
                              ["outsider", "name", "contact"],
                              "an outside person a ladder deals with is created: name, contact and note sealed under their key")
EVENTS["OutsiderErased"] = obj({"outsider": OUTSIDER, "reason": {"type": "string", "minLength": 1},
                                "requestedBy": MEMBER}, ["outsider", "reason"],
                               "the person's data was erased (Article 6): their key is destroyed; the reason names no one")


# Non-payment of dues (2.3, R38, Sources/Discipline/Membership/NonPayment.swift): stream dues/<member>/<year>.
EVENTS["RenewalNoticeSent"] = obj({"member": MEMBER, "year": {"type": "integer"}, "due": DAY, "isAssociation": {"type": "boolean"}},
                                  ["member", "year", "due", "isAssociation"],
                                  "the first renewal notice of a year's dues; due: the radiation's (individual) or the warning's (association) day")
EVENTS["NonPaymentWarned"] = obj({"form": {"enum": ["written", "oral"]}}, ["form"], "a member association's warning")
EVENTS["NonPaymentSuspensionVoted"] = obj({"ballots": {"type": "array", "items": {"$ref": BASE + "events/CellVoteHeld.schema.json#/$defs/Ballot"}},
                                           "bodySize": {"type": "integer", "minimum": 0}, "tally": TALLY,
                                           "suspended": {"type": "boolean"}},
                                          ["ballots", "bodySize", "tally", "suspended"],
                                          "the board's vote on suspending a member association (two-thirds, in integers)")
EVENTS["NonPaymentRadiated"] = obj({"member": MEMBER, "year": {"type": "integer"}, "dueOn": DAY}, ["member", "year", "dueOn"],
                                   "the radiation for non-payment, recorded when due (with the roster's MemberRadiated)")
# Members convening a general assembly (3.2, R39, Sources/Discipline/Requests/AssemblyRequest.swift).
EVENTS["AssemblyRequested"] = obj({"signatories": {"type": "array", "items": MEMBER, "minItems": 1},
                                   "motive": {"enum": ["distrust", "statutes"]}, "bodySize": {"type": "integer", "minimum": 0},
                                   "arithmetic": {"type": "string"}, "due": DAY},
                                  ["signatories", "motive", "bodySize", "arithmetic", "due"],
                                  "at least a quarter of the members with dues under a year convene a general assembly")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, schema in EVENTS.items():
        full = {"$schema": DRAFT, "$id": BASE + f"path-events/{name}.schema.json", "title": name, **schema}
        (OUT / f"{name}.schema.json").write_text(json.dumps(full, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
    rulebook_path = ROOT / "Schemas" / "rulebook.schema.json"
    rulebook = json.loads(rulebook_path.read_text(encoding="utf-8"))
    procedure = rulebook.get("$defs", {}).get("ProcedureRulebook")
    if not procedure:
        raise SystemExit("no $defs/ProcedureRulebook in rulebook.schema.json")
    procedure["properties"]["paths"] = PATHS
    rulebook_path.write_text(json.dumps(rulebook, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
