/// A message in French and in English; the command line picks one.
public struct Words: Equatable, Sendable, CustomStringConvertible {
    public var fr: String
    public var en: String
    public init(_ fr: String, _ en: String) {
        self.fr = fr
        self.en = en
    }
    public var description: String { en }
}
