#!/usr/bin/env python3
"""Writes Schemas/ (JSON Schema draft 2020-12) for every case command and event of the Discipline module.

The field tables below mirror the Codable structs in Sources/Discipline/Procedure/Facts.swift. Run it after changing a
payload; the Swift tests then check that every type has a schema and validate one example of each with jsonschema.

    python3 scripts/generate_schemas.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://greffe.example/schemas/"
SCHEMA_VERSION = 1
# Event types whose payload is at another schema version, and the payload structs of their older versions, still read
# (CaseEvent.readableSchemaVersions in Swift).
EVENT_SCHEMA_VERSIONS = {"DrawPerformed": 2}
OLDER_EVENT_PAYLOADS = {"DrawPerformed": {1: "CellDrawSchema1"}}

# Scalar types. A trailing "?" marks an optional field (omitted from the JSON when absent).
SCALARS = {
    "string": {"type": "string"},
    "text": {"type": "string", "minLength": 0},
    "int": {"type": "integer"},
    "count": {"type": "integer", "minimum": 0},
    "bool": {"type": "boolean"},
    "day": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "calendar day, YYYY-MM-DD"},
    "member": {"type": "string", "minLength": 1, "description": "member id"},
    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256, lowercase hex"},
    "md5": {"type": "string", "pattern": "^[0-9A-F]{32}$", "description": "MD5, uppercase hex as RFC 3797 prints it"},
    "poolNumber": {"type": "integer", "minimum": 1, "description": "a member's number in the announced pool, from 1"},
}

# Types whose JSON form is not a plain object of fields (Swift enums with associated values).
RAW = {
    "DrawEntropy": {
        "description": "The randomness of a draw: the published values of the announced sources (one list per "
                       "source), or, for a practice draw only, local random bytes in hex.",
        "oneOf": [
            {"type": "object", "additionalProperties": False, "required": ["publicSources"],
             "properties": {"publicSources": {
                 "type": "object", "additionalProperties": False, "required": ["values"],
                 "properties": {"values": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}}},
            {"type": "object", "additionalProperties": False, "required": ["local"],
             "properties": {"local": {
                 "type": "object", "additionalProperties": False, "required": ["randomHex"],
                 "properties": {"randomHex": {"type": "string", "pattern": "^[0-9A-F]+$"}}}}},
        ],
    },
}

ENUMS = {
    "ReportChannel": ["direct", "indirect"],
    "ComplaintChannel": ["privateTicket", "email"],
    "NotificationChannel": ["email", "directMessage"],
    "EvidenceKind": ["testimony", "history", "context", "screenshot", "document", "report", "other"],
    "Origin": ["victim", "rapporteurAndBoard"],
    "AnswerForm": ["written", "oral"],
    "CallChannel": ["online", "email"],
    "Basis": ["consensus", "cellVote", "reintegrationVote"],
    "MemberKind": ["person", "association"],
    "ReplacementGround": ["noLongerEligible", "noAnswer"],
    "SilentMatter": ["cellCannotBeFormed", "everyAccusedLeft"],
    "PeriodUnit": ["days", "months"],
    "ErasureOverride": ["erasure-request", "authority-order"],
}

# Struct name -> ordered fields (name, type). Types: scalar, enum name, struct name, "[T]" for arrays, "T?" optional.
STRUCTS = {
    "Party": [("id", "member"), ("isMember", "bool"), ("holdsMandate", "bool?")],
    "ReportFacts": [("channel", "ReportChannel"), ("reporter", "member?"), ("relayedBy", "member?"),
                    ("concerning", "[member]"), ("description", "string")],
    "ComplaintFacts": [("channel", "ComplaintChannel"), ("complainants", "[Party]"), ("accused", "[Party]"),
                       ("victims", "[Party]"), ("facts", "string"), ("motives", "[string]"),
                       ("boardLearnedOn", "day"), ("rulebook", "RulebookRef?")],
    # R34: the procedure rulebook version a complaint was decided under (recorded by the decider).
    "RulebookRef": [("id", "string"), ("version", "int")],
    "BoardNotification": [("channel", "NotificationChannel"), ("notified", "[member]")],
    "BoardMeeting": [("attendees", "[member]"), ("rapporteur", "member"), ("delegationReason", "string?")],
    "BoardMet": [("attendees", "[member]"), ("excludedAccused", "[member]")],
    "RapporteurDesignation": [("rapporteur", "member"), ("delegated", "bool"), ("reason", "string?")],
    "Suspension": [("responsibilities", "bool"), ("access", "bool"), ("blockedSpaces", "[string]")],
    "SuspensionImposed": [("accused", "[member]"), ("responsibilities", "bool"), ("access", "bool"),
                          ("blockedSpaces", "[string]")],
    "Evidence": [("kind", "EvidenceKind"), ("description", "string"), ("sha256", "sha256?"), ("witness", "member?"),
                 ("reportNumber", "int?")],
    "Note": [("note", "string?")],
    "VictimHearing": [("victim", "member"), ("needs", "string"), ("demands", "[string]"), ("origin", "Origin")],
    "ExplanationRequest": [("summary", "string"), ("demands", "[string]")],
    "Answer": [("from", "member"), ("form", "AnswerForm")],
    "Departure": [("member", "member"), ("possibleOffence", "bool"), ("note", "string?")],
    "ProcedureStop": [("reason", "string")],
    "Summary": [("demand", "string"), ("defence", "string"), ("proposedSanctions", "[string]")],
    "CellCall": [("channel", "CallChannel"), ("called", "[member]")],
    "MemberRef": [("member", "member")],
    "Recusal": [("by", "member"), ("member", "member")],
    "CellReplacement": [("member", "member"), ("ground", "ReplacementGround"), ("reason", "string")],
    "ExplicitDecision": [("matter", "SilentMatter"), ("decision", "string"), ("reason", "string")],
    # The draw module's types (Sources/Discipline/Draw): RFC 3797 inputs and outputs, recorded as computed.
    "EntropySource": [("description", "string"), ("valuesKnownOn", "day?")],
    "DrawAnnouncement": [("pool", "[member]"), ("poolDigest", "sha256"), ("sources", "[EntropySource]"),
                         ("seatsLeft", "count")],
    "Step": [("index", "count"), ("digestHex", "md5"), ("remaining", "count"), ("valueModRemaining", "count"),
             ("position", "count"), ("selected", "count")],
    # The pool is the announcement's, the steps follow from the key string (re-computed by the audit).
    "CellDraw": [("poolDigest", "sha256"), ("poolSize", "count"), ("entropy", "DrawEntropy"), ("keyString", "string"),
                 ("order", "[poolNumber]"), ("publiclyVerifiable", "bool")],
    # DrawPerformed schema version 1: the pool and every step recorded too.
    "CellDrawSchema1": [("pool", "[member]"), ("poolDigest", "sha256"), ("entropy", "DrawEntropy"),
                        ("keyString", "string"), ("steps", "[Step]"), ("publiclyVerifiable", "bool")],
    "SummarySent": [("cell", "[member]"), ("victims", "[member]")],
    "CellMeeting": [("attendees", "[member]")],
    "Probation": [("conditions", "[string]"), ("until", "day"), ("spaces", "[string]"),
                  ("reparationProofRequired", "bool"), ("barredFromResponsibilities", "bool"),
                  ("approvedBy", "[member]")],
    "Decision": [("sanctions", "[string]"), ("probation", "Probation?"), ("reasons", "string")],
    "Proposal": [("id", "string"), ("sanctions", "[string]"), ("probation", "Probation?")],
    "Ballot": [("member", "member"), ("option", "string?")],
    "CellVote": [("proposals", "[Proposal]"), ("ballots", "[Ballot]")],
    "ReintegrationVote": [("ballots", "[Ballot]"), ("probation", "Probation?")],
    "VoteTally": [("yes", "count"), ("cast", "count"), ("blanks", "count"), ("bodySize", "count"), ("base", "count"),
                  ("reached", "bool"), ("arithmetic", "string")],
    "OptionTally": [("option", "string"), ("tally", "VoteTally")],
    "VoteRecord": [("proposals", "[Proposal]"), ("ballots", "[Ballot]"), ("tallies", "[OptionTally]"),
                   ("adopted", "string?")],
    "Judgement": [("basis", "Basis"), ("sanctions", "[string]"), ("probation", "Probation?"), ("cell", "[member]")],
    "GAReferral": [("assemblyOn", "day?"), ("note", "string?")],
    "Appeal": [("by", "member"), ("companion", "string?"), ("grounds", "string?")],
    "DrawDecline": [("member", "member"), ("reason", "string?")],
    "OptionVotes": [("option", "string"), ("votes", "count")],
    "GAVote": [("proposals", "[Proposal]"), ("votes", "[OptionVotes]"), ("blanks", "count"), ("bodySize", "count")],
    "GAVoteRecord": [("proposals", "[Proposal]"), ("votes", "[OptionVotes]"), ("blanks", "count"),
                     ("bodySize", "count"), ("tallies", "[OptionTally]"), ("adopted", "string?")],
    "GAResolution": [("outcome", "string"), ("reason", "string"), ("sanctions", "[string]")],
    "GAReintegrationVote": [("votes", "[OptionVotes]"), ("blanks", "count"), ("bodySize", "count"),
                            ("probation", "Probation?")],
    "Reparation": [("measures", "[string]")],
    "Radiation": [("member", "member")],
    "Closure": [("reason", "string")],
    # R35: the erasure of a case's texts (Sources/Discipline/Privacy/CaseTextsErasure.swift); names no one.
    "Period": [("length", "count"), ("unit", "PeriodUnit")],
    "CaseTextsErasure": [("reason", "string"), ("requestedBy", "member?"), ("endedOn", "day"), ("retention", "Period"),
                         ("dueOn", "day?"), ("override", "ErasureOverride?")],
    # Roster events (member/<id> streams, Sources/Discipline/Roster/MemberEvent.swift).
    "MemberJoinedPayload": [("member", "member"), ("displayName", "string"), ("email", "text"), ("kind", "MemberKind"),
                            ("phone", "string?"), ("reference", "string?")],
    "MemberErasedPayload": [("member", "member"), ("reason", "string"), ("requestedBy", "member?")],
    "MemberDetailsChangedPayload": [("member", "member"), ("displayName", "string?"), ("email", "string?"),
                                    ("kind", "MemberKind?"), ("phone", "string?"), ("reference", "string?")],
    "MemberDuesPaidPayload": [("member", "member"), ("year", "int")],
    "MemberMandatePayload": [("member", "member"), ("role", "string")],
    "MemberPayload": [("member", "member")],
    "MemberRadiatedPayload": [("member", "member"), ("byCase", "string?")],
    "MemberResignedPayload": [("member", "member"), ("via", "string"), ("collectiveDecision", "string?")],
    # General assemblies (the assembly stream, Sources/Discipline/Assembly/Assembly.swift).
    "AssemblyScheduled": [("heldOn", "day"), ("place", "string?"), ("note", "string?")],
}

# Command type -> (payload struct, article, description).
COMMANDS = {
    "report.record": ("ReportFacts", "5.6.1", "Record a report (signalement): a weak signal, opens no procedure (R01)."),
    "complaint.file": ("ComplaintFacts", "5.6.2", "File a complaint with the board (R02)."),
    "complaint.notifyBoard": ("BoardNotification", "5.6.2", "Notify the other board members that a mandate holder is accused (R02)."),
    "board.meet": ("BoardMeeting", "5.6.3", "The board meets, without an accused member, and designates the rapporteur (R04–R06)."),
    "suspension.impose": ("Suspension", "5.6.4", "Suspend the accused and block the spaces (R07)."),
    "evidence.add": ("Evidence", "5.6.5", "Add a piece to the disciplinary file (R08)."),
    "file.complete": ("Note", "5.6.5", "The disciplinary file is complete (R08)."),
    "victim.hear": ("VictimHearing", "5.6.6", "The victim's needs and the demands (R09)."),
    "explanation.request": ("ExplanationRequest", "5.6.7", "Send the accused the complaint summary and the demands (R10)."),
    "answer.receive": ("Answer", "5.6.7", "The accused acknowledged and answered (R10)."),
    "answer.lapse": ("Note", "5.6.7", "Note the accused's silence after the answer window (R10)."),
    "accused.leave": ("Departure", "5.6.7", "The accused left the association (R11)."),
    "summary.write": ("Summary", "5.6.8", "The summary: demand, defence, proposed sanction (R12)."),
    "cell.call": ("CellCall", "5.6.9", "Call members to form the crisis cell (R13)."),
    "cell.volunteer": ("MemberRef", "5.6.9", "A called member volunteers and joins the cell (R13, R17)."),
    "cell.recuse": ("Recusal", "5.6.9", "The accused or the victim revokes a cell member, once (R14)."),
    "explicit.decide": ("ExplicitDecision", "5.6.7, 5.6.9", "Where the text is silent and the case is stuck (no cell can be formed; every accused left), the board's explicit decision with its reason: referral to the nearest GA, or the stop of the procedure."),
    "cell.replace": ("CellReplacement", "5.6.9", "The rapporteur or the board replaces a cell member who is no longer eligible or does not answer, with the reason; no party's recusal is used (R13)."),
    "draw.announce": ("DrawAnnouncement", "5.6.9", "Announce a draw: every eligible member in canonical order, its SHA-256, the seats to fill and the public entropy sources, before their values are known (R15)."),
    "draw.perform": ("CellDraw", "5.6.9", "Record the draw as RFC 3797 computes it: the sources' values, the key string and the selection order of the whole announced pool as pool numbers; every step re-computes from the key string (R15)."),
    "draw.present": ("MemberRef", "5.6.9", "A drawn member answers present (R15)."),
    "draw.decline": ("DrawDecline", "5.6.9", "A drawn member declines, with the reason they give if any: the next member of the recorded order is summoned (R15)."),
    "cell.sendSummary": ("Note", "5.6.9", "Send the summary to the cell and the victim: end of the instruction (R16)."),
    "cell.meet": ("CellMeeting", "5.6.10", "The crisis cell meets (R18)."),
    "cell.consensus": ("Decision", "5.6.10", "The cell decides by consensus (R19)."),
    "cell.vote": ("CellVote", "5.6.10", "The cell votes; two-thirds make the judgement (R19)."),
    "cell.reintegrationVote": ("ReintegrationVote", "5.6.10", "Vote between immediate and probationary reintegration (R20)."),
    "ga.refer": ("GAReferral", "5.6.10", "Refer to the nearest general assembly after two-thirds missed everywhere (R21)."),
    "judgement.sendToBoard": ("Note", "5.6.10", "Send the judgement to the board by email (R21)."),
    "letter.receive": ("MemberRef", "5.6.12", "A party received the decision letter: the appeal window starts (R23)."),
    "judgement.execute": ("Note", "5.6.11", "The board executes the judgement (R22)."),
    "appeal.lodge": ("Appeal", "5.6.12", "A party appeals within two months of the letter, with its grounds if given (R23)."),
    "ga.vote": ("GAVote", "5.6.12", "The general assembly votes; two-thirds decide (R24)."),
    "ga.reintegrationVote": ("GAReintegrationVote", "5.6.12", "After its sanction vote missed two-thirds, the GA votes on immediate or probationary reintegration, by two-thirds, as the cell does (R24)."),
    "ga.resolve": ("GAResolution", "5.6.12", "Explicit decision when both GA votes missed two-thirds: the text is silent; it imposes no sanction the GA did not carry (R24)."),
    "reparation.record": ("Reparation", "5.6.13", "Reparation and transformation measures for the victim (R26)."),
    "radiation.announce": ("Radiation", "5.3", "The board announces a radiation by email (R28)."),
    "case.close": ("Closure", "5.6", "Close the case."),
}

# Event type -> (payload struct, description).
EVENTS = {
    "ReportRecorded": ("ReportFacts", "A report was recorded (R01)."),
    "ComplaintFiled": ("ComplaintFacts", "A complaint was filed (R02)."),
    "BoardMembersNotified": ("BoardNotification", "The other board members were notified (R02)."),
    "BoardMet": ("BoardMet", "The board met; accused board members were kept out (R04, R05)."),
    "RapporteurDesignated": ("RapporteurDesignation", "The rapporteur was designated or the file delegated (R06)."),
    "SuspensionImposed": ("SuspensionImposed", "The accused was suspended and spaces blocked (R07)."),
    "EvidenceAdded": ("Evidence", "A piece was added to the file (R08)."),
    "DisciplinaryFileCompleted": ("Note", "The disciplinary file was completed (R08)."),
    "VictimHeard": ("VictimHearing", "The victim was heard, demands formulated (R09)."),
    "ExplanationRequested": ("ExplanationRequest", "An explanation was requested from the accused (R10)."),
    "AnswerReceived": ("Answer", "The accused answered (R10)."),
    "AnswerWindowLapsed": ("Note", "The answer window ended in silence (R10)."),
    "AccusedLeft": ("Departure", "The accused left the association (R11)."),
    "ProcedureStopped": ("ProcedureStop", "The procedure stopped (R11)."),
    "SummaryWritten": ("Summary", "The summary was written (R12)."),
    "CellCalled": ("CellCall", "Members were called for the cell (R13)."),
    "VolunteerAccepted": ("MemberRef", "A volunteer joined the cell (R13)."),
    "MemberRecused": ("Recusal", "A party revoked a cell member (R14)."),
    "ExplicitDecisionRecorded": ("ExplicitDecision", "The board's explicit decision where the text is silent, with its reason; the referral or stop it leads to follows as its own event."),
    "CellMemberReplaced": ("CellReplacement", "The rapporteur or the board replaced a cell member who was no longer eligible or did not answer (R13)."),
    "DrawAnnounced": ("DrawAnnouncement", "A draw was announced (R15)."),
    "DrawPerformed": ("CellDraw", "A draw was performed (R15): the entropy, the key string and the drawn order of the announced pool as pool numbers."),
    "DrawnMemberPresent": ("MemberRef", "A drawn member answered present and joined (R15)."),
    "DrawnMemberDeclined": ("DrawDecline", "A drawn member declined (R15), with the reason they gave if any."),
    "SummarySentToCell": ("SummarySent", "The summary went to the cell and victims: end of instruction (R16)."),
    "CellMet": ("CellMeeting", "The crisis cell met (R18)."),
    "ConsensusReached": ("Decision", "The cell reached a consensus (R19)."),
    "CellVoteHeld": ("VoteRecord", "The cell voted (R19)."),
    "ReintegrationVoteHeld": ("VoteRecord", "The cell voted on reintegration (R20)."),
    "JudgementRendered": ("Judgement", "The cell's judgement (R19, R20, R27)."),
    "ReferredToGeneralAssembly": ("GAReferral", "Referred to the nearest GA (R21)."),
    "JudgementSentToBoard": ("Note", "The judgement was sent to the board (R21)."),
    "DecisionLetterReceived": ("MemberRef", "A party received the decision letter (R23)."),
    "JudgementExecuted": ("Note", "The board executed the judgement (R22)."),
    "AppealLodged": ("Appeal", "A party appealed (R23, R25)."),
    "GeneralAssemblyDecided": ("GAVoteRecord", "The GA decided by two-thirds (R24)."),
    "GeneralAssemblyVoteFailed": ("GAVoteRecord", "The GA's vote on the sanction missed two-thirds: its vote on the reintegration comes next (R24)."),
    "GeneralAssemblyReintegrationVoteHeld": ("GAVoteRecord", "The GA voted on immediate or probationary reintegration (R24); adopted is absent when two-thirds were missed."),
    "GeneralAssemblyResolutionRecorded": ("GAResolution", "An explicit decision after both GA votes missed two-thirds (R24)."),
    "ReparationMeasuresRecorded": ("Reparation", "Reparation measures were recorded (R26)."),
    "RadiationAnnounced": ("Radiation", "A radiation was announced (R28)."),
    "CaseClosed": ("Closure", "The case was closed."),
    "CaseTextsErased": ("CaseTextsErasure", "The case's texts were erased (R35, Article 6): the case's key was destroyed after this record, so every text sealed under it reads [effacé]. Carries no personal data and no text of the case: `reason` says why (in clear, naming no one), `requestedBy` who asked, `endedOn`, `retention` and `dueOn` the retention rule that made the texts due (`dueOn` absent when a radiation keeps them without a time limit), `override` the legal reason relied upon to erase before `dueOn`. The case takes no act after it."),
    "MemberJoined": ("MemberJoinedPayload", "A member joined the association (member stream), on the envelope's occurredOn (the roster file's « membre depuis » when it gives one). `email` is empty for a member known by phone only; `phone` is present when the roster gave one. `member` is the register's own opaque id (`M0001`…); `reference`, the association's identifier from the roster file, sealed like the name (absent in records written before Greffe assigned its ids, where `member` is that identifier)."),
    "MemberDetailsChanged": ("MemberDetailsChangedPayload", "A member's name, e-mail, kind, phone or reference changed; only changed fields are present."),
    "MemberDuesPaid": ("MemberDuesPaidPayload", "Dues paid for a calendar year (R13)."),
    "MemberErased": ("MemberErasedPayload", "A member's personal data was erased (Article 6, GDPR art. 17): their key was destroyed after this record. Carries no personal data: `reason` says why, `requestedBy` who asked."),
    "MemberMandateHeld": ("MemberMandatePayload", "A member took up a mandate (board-member, rapporteur, moderator, local-representative or another role)."),
    "MemberMandateEnded": ("MemberMandatePayload", "A member's mandate ended."),
    "MemberLeft": ("MemberPayload", "A member left the association."),
    "MemberRadiated": ("MemberRadiatedPayload", "A member was radiated (R28), after the case that decided it when there is one."),
    "MemberResigned": ("MemberResignedPayload", "A member resigned by letter (2.2, R37), effective on the day the letter was sent (the envelope's occurredOn); a member association gives its proof of collective decision."),
    "AssemblyScheduled": ("AssemblyScheduled", "The board scheduled a general assembly; its disciplinary agenda is fixed on the day of this event."),
}


def type_schema(t, defs):
    if t.startswith("[") and t.endswith("]"):
        return {"type": "array", "items": type_schema(t[1:-1], defs)}
    if t in SCALARS:
        return dict(SCALARS[t])
    if t in ENUMS:
        return {"type": "string", "enum": ENUMS[t]}
    if t in RAW:
        defs[t] = RAW[t]
        return {"$ref": f"#/$defs/{t}"}
    if t in STRUCTS:
        add_def(t, defs)
        return {"$ref": f"#/$defs/{t}"}
    raise SystemExit(f"unknown type {t}")


def object_schema(name, defs, extra=None):
    props, required = {}, []
    for field, t in STRUCTS[name]:
        optional = t.endswith("?")
        props[field] = type_schema(t.rstrip("?"), defs)
        if not optional:
            required.append(field)
    schema = {"type": "object", "properties": props, "required": required, "additionalProperties": False}
    if extra:
        for field, (sub, req) in extra.items():
            props[field] = sub
            if req:
                required.append(field)
    return schema


def add_def(name, defs):
    if name in defs:
        return
    defs[name] = None  # guards against recursion
    defs[name] = object_schema(name, defs)


# The personal texts of each event payload (docs/privacy.md): a string in records written before sealing, else a sealed
# object (Schemas/sealed-text.schema.json). Commands carry them in clear.
SEALED = BASE_ID + "sealed-text.schema.json"
SEALED_EVENT_FIELDS = {
    "ReportRecorded": ["description"], "ComplaintFiled": ["facts"], "RapporteurDesignated": ["reason"],
    "EvidenceAdded": ["description"], "DisciplinaryFileCompleted": ["note"], "AnswerWindowLapsed": ["note"],
    "JudgementSentToBoard": ["note"], "JudgementExecuted": ["note"], "VictimHeard": ["needs", "demands"],
    "ExplanationRequested": ["summary", "demands"], "AccusedLeft": ["note"], "ProcedureStopped": ["reason"],
    "SummaryWritten": ["demand", "defence"], "CellMemberReplaced": ["reason"],
    "ExplicitDecisionRecorded": ["decision", "reason"], "ConsensusReached": ["reasons"],
    "ReferredToGeneralAssembly": ["note"], "AppealLodged": ["companion", "grounds"], "DrawnMemberDeclined": ["reason"], "GeneralAssemblyResolutionRecorded": ["outcome", "reason"],
    "CaseClosed": ["reason"], "ReparationMeasuresRecorded": ["measures"], "MemberJoined": ["displayName", "email", "phone", "reference"], "MemberDetailsChanged": ["displayName", "email", "phone", "reference"],
    "MemberResigned": ["collectiveDecision"], "SuspensionImposed": ["blockedSpaces"],
}
# The personal texts of structs nested in event payloads (a probation in a decision, a vote's proposals, a judgement).
SEALED_DEF_FIELDS = {"Probation": ["conditions", "spaces"]}


def sealed(schema):
    """`schema` (a string) or a sealed text."""
    out = {"anyOf": [schema, {"$ref": SEALED}],
           "description": "a personal text: in clear in records written before sealing, else sealed (sealed-text.schema.json)"}
    return out


def seal_defs(defs):
    for name, fields in SEALED_DEF_FIELDS.items():
        if name in defs:
            defs[name] = json.loads(json.dumps(defs[name]))
            for field in fields:
                prop = defs[name]["properties"][field]
                prop["items"] = sealed(prop["items"])


def seal_fields(type_name, body):
    for field in SEALED_EVENT_FIELDS.get(type_name, []):
        prop = body["properties"][field]
        if prop.get("type") == "array":
            prop["items"] = sealed(prop["items"])
        else:
            description = prop.pop("description", None)
            new = sealed(prop)
            if description:
                new["description"] = description + " — " + new["description"]
            body["properties"][field] = new


# Withdrawals and corrections (greffe withdraw / correct): events about other records, written here by hand rather than
# from a payload table (a corrected act's events are any event's payload, in the flat form). Their reason is a sealed
# text, and so is every personal text of the corrected events (sealed in place: `events.N.<field>`).
def rectification_reason():
    reason = sealed({"type": "string", "minLength": 1})
    reason["description"] = "Why, in the recorder's words (never empty) — " + reason["description"]
    return reason


def rectification_records(what):
    return {"description": f"The sequences of the {what} act's records (every record its command wrote), in order.",
            "items": {"minimum": 1, "type": "integer"}, "minItems": 1, "type": "array"}


RECTIFICATION_EVENTS = {
    "RecordWithdrawn": {
        "description": "Records of the same case withdrawn (greffe withdraw): the case then reads as if the act they hold had not been recorded; the originals stay in the log. The recorder is the envelope's actor, the day of the withdrawal its occurredOn.",
        "properties": {"records": rectification_records("withdrawn"), "reason": rectification_reason()},
        "required": ["records", "reason"],
    },
    "RecordCorrected": {
        "description": "Records of the same case corrected (greffe correct): the act they hold is read with these events, on this day, where it stood; the originals stay in the log. The recorder is the envelope's actor, the day of the correction its occurredOn.",
        "properties": {
            "records": rectification_records("corrected"),
            "reason": rectification_reason(),
            "actDay": {"description": "The day the act happened, corrected or not.",
                       "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "type": "string"},
            "events": {
                "description": "The act's events decided again from the corrected command, each in the flat form {\"type\": \"EvidenceAdded\", ...its payload} (Schemas/events/<type>.schema.json without the type); their personal texts are sealed as that event's are, at `RecordCorrected/events.N.<field>` of this record.",
                "items": {"properties": {"type": {"type": "string"}}, "required": ["type"], "type": "object"},
                "minItems": 1, "type": "array"},
        },
        "required": ["records", "reason", "actDay", "events"],
    },
}


def write(path, schema):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def main():
    for old in list((SCHEMAS / "commands").glob("*.schema.json")) + list((SCHEMAS / "events").glob("*.schema.json")):
        old.unlink()
    for type_name, (payload, article, description) in COMMANDS.items():
        defs = {}
        body = object_schema(payload, defs, extra={
            "type": ({"const": type_name}, True),
            "commandId": ({"type": "string", "minLength": 1, "description": "idempotency key"}, False),
        })
        schema = {"$schema": DRAFT, "$id": f"{BASE_ID}commands/{type_name}.schema.json",
                  "title": f"command {type_name}", "description": f"{description} Article {article}.",
                  **body}
        if defs:
            schema["$defs"] = defs
        write(SCHEMAS / "commands" / f"{type_name}.schema.json", schema)
    for type_name, (payload, description) in EVENTS.items():
        defs = {}
        body = object_schema(payload, defs)
        seal_fields(type_name, body)
        seal_defs(defs)
        version = EVENT_SCHEMA_VERSIONS.get(type_name, SCHEMA_VERSION)
        older = OLDER_EVENT_PAYLOADS.get(type_name, {})
        title = f"event {type_name} payload (schemaVersion {version})"
        if older:
            # The current form, or one of the older forms a store may still hold (told apart by their fields).
            for struct in older.values():
                add_def(struct, defs)
            body = {"oneOf": [{"title": f"schemaVersion {version}", **body}] + [
                {"title": f"schemaVersion {v}", "$ref": f"#/$defs/{struct}"} for v, struct in sorted(older.items())]}
            title += ", or an older version still read: " + ", ".join(str(v) for v in sorted(older))
        schema = {"$schema": DRAFT, "$id": f"{BASE_ID}events/{type_name}.schema.json",
                  "title": title,
                  "description": description + " The day lives in the envelope's occurredOn.",
                  "x-schemaVersion": version, **body}
        if older:
            schema["x-readSchemaVersions"] = sorted(older) + [version]
        if defs:
            schema["$defs"] = defs
        write(SCHEMAS / "events" / f"{type_name}.schema.json", schema)
    for type_name, body in RECTIFICATION_EVENTS.items():
        schema = {"$schema": DRAFT, "$id": f"{BASE_ID}events/{type_name}.schema.json",
                  "title": f"event {type_name} payload (schemaVersion 1)", "type": "object",
                  "additionalProperties": False, "x-schemaVersion": 1, **body}
        write(SCHEMAS / "events" / f"{type_name}.schema.json", schema)


if __name__ == "__main__":
    main()
