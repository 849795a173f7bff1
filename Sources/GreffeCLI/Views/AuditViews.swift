import Registry

// `greffe audit verify --json`: the report as an Encodable view (keys sorted by `jsonText`, absent fields omitted).

struct AuditFindingView: Encodable {
    var detail: String
    var sequence: UInt64?
    var key: String?
    /// In `firstFailure` only: which check failed.
    var check: Int?
    var name: String?

    init(_ finding: AuditFinding, _ l: Language, check: AuditCheck? = nil) {
        detail = finding.words.t(l)
        sequence = finding.sequence
        key = finding.key
        self.check = check?.rawValue
        name = check?.key
    }
}

struct AuditCheckView: Encodable {
    var check: Int
    var name: String
    var count: Int
    var failed: Int
    /// `passed`, `failed` or `incomplete`.
    var status: String
    var failure: AuditFindingView?
    /// Why an incomplete check stopped.
    var detail: String?
}

struct AuditReportView: Encodable {
    struct Head: Encodable {
        var sequence: UInt64
        var hash: String
    }

    var ok: Bool
    var rulebook: String
    var head: Head
    var checks: [AuditCheckView]
    var firstFailure: AuditFindingView?

    init(_ report: AuditReport, _ l: Language) {
        ok = report.isValid
        rulebook = report.rulebook
        head = Head(sequence: report.head.sequence, hash: report.head.hash.hexString)
        checks = report.checks.map { result in
            var view = AuditCheckView(
                check: result.check.rawValue, name: result.check.key, count: result.count,
                failed: result.failed, status: "passed")
            switch result.outcome {
            case .passed: break
            case .failed(let finding):
                view.status = "failed"
                view.failure = AuditFindingView(finding, l)
            case .incomplete(let why):
                view.status = "incomplete"
                view.detail = why.t(l)
            }
            return view
        }
        firstFailure = report.firstFailure.map { AuditFindingView($0.1, l, check: $0.0) }
    }
}
