import Discipline
import Registry

/// What the agenda says of general assemblies: a matter waiting for a GA that is not scheduled yet (« AG à
/// programmer », from the day of the appeal or the referral, 5.6.12 and 5.6.10), and each GA scheduled from today on,
/// with the cases it hears.
enum AssemblyAgenda {
    /// The subject of a scheduled GA's line: `AG 2026-06-20` (the calendar's next command is its docket).
    static let subjectPrefix = "AG "

    static func items(_ registry: Registry, today: Day) throws -> [AgendaItem] {
        let assemblies = try registry.assemblies()
        var waiting: [AgendaItem] = []
        var heard: [Day: [String]] = [:]
        for summary in try registry.caseIndex()
        where summary.step == .appealPending || summary.step == .referredToGeneralAssembly {
            let state = try registry.loadCase(summary.id, asOf: today).state
            guard state.awaitsGeneralAssembly else { continue }
            let matters: [(on: Day, fr: String, en: String)] =
                state.appeals.map {
                    ($0.on, "recours de \($0.value.by)", "appeal by \($0.value.by)")
                } + (state.referral.map { [($0.on, "renvoi par la cellule", "referral by the cell")] } ?? [])
            for matter in matters {
                if let assembly = Assembly.hearing(matter.on, among: assemblies) {
                    heard[assembly.heldOn, default: []].append("\(summary.id) (\(matter.fr))")
                } else {
                    waiting.append(
                        AgendaItem(
                            subject: summary.id.rawValue, rule: RuleID.R24.rawValue,
                            labelFr: "AG à programmer : \(matter.fr), entendu à la prochaine Assemblée générale",
                            labelEn: "GA to schedule: \(matter.en), heard at the next general assembly",
                            due: matter.on, bindsAssociation: true, waiting: true,
                            daysLeft: today.days(until: matter.on)))
                }
            }
        }
        let scheduled = assemblies.filter { $0.heldOn >= today }.map { assembly in
            let cases = heard[assembly.heldOn] ?? []
            let place = assembly.place.map { " — \($0)" } ?? ""
            return AgendaItem(
                subject: subjectPrefix + assembly.heldOn.description, rule: RuleID.R24.rawValue,
                labelFr: "Assemblée générale\(place) : "
                    + (cases.isEmpty ? "aucune affaire disciplinaire" : cases.joined(separator: ", ")),
                labelEn: "General assembly\(place): "
                    + (cases.isEmpty ? "no disciplinary matter" : cases.joined(separator: ", ")),
                due: assembly.heldOn, bindsAssociation: true, waiting: false,
                daysLeft: today.days(until: assembly.heldOn))
        }
        return waiting + scheduled
    }
}
