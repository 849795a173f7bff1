import Discipline
import Testing

/// The day a `YYYY-MM-DD` literal names. A typo records an issue at the caller's line (and gives day 0) instead of
/// quietly testing something else.
public func d(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Day {
    if let day = Day(text) { return day }
    Issue.record("bad day literal \(text)", sourceLocation: sourceLocation)
    return Day(dayNumber: 0)
}
