/// A document as sections of blocks, rendered to HTML or Markdown by the same walk.
public struct Document {
    enum Block {
        case paragraph(String)
        case emphasis(String)
        case list([String])
        /// Term → description pairs.
        case facts([(String, String)])
        case table(caption: String, headers: [String], rows: [[String]], highlighted: Set<Int>)
        /// An inline SVG drawing (HTML only) with its text alternative.
        case chart(svg: String, alternative: String)
    }

    struct Section {
        var id: String
        var title: String
        var blocks: [Block]
    }

    var language: Language
    var title: String
    var subtitle: String
    var notice: String
    var sections: [Section]
}
