/// Writes dotted keys as nested YAML block mappings, with comments above entries and aligned
/// comments after them.
///
/// Keys of one section must be added one after another: a section is opened when its first key
/// arrives and closed when a key of another section does. A blank line separates top-level items.
struct YAMLOutline {
  private var lines: [(text: String, comment: String?)] = []
  private var openSections: [String] = []
  /// The comment line written above a section when it opens, by dotted section name.
  private let sectionComment: (String) -> String?

  /// Creates an outline; `header` lines are written first as `# ` comments.
  init(header: [String], sectionComment: @escaping (String) -> String? = { _ in nil }) {
    lines = header.map { ($0.isEmpty ? "#" : "# " + $0, nil) }
    self.sectionComment = sectionComment
  }

  /// Adds `path` (dotted key components) with its YAML `value`, `above` comment lines, and an
  /// optional comment after the value.
  mutating func add(_ path: [String], value: String, above: [String] = [], after: String? = nil) {
    open(Array(path.dropLast()))
    let indent = Self.indent(path.count - 1)
    lines += above.map { (indent + "# " + $0, nil) }
    lines.append((indent + (path.last ?? "") + ": " + value, after))
  }

  /// Adds comment lines only, inside the section of `path` (opened if needed).
  mutating func addComments(_ path: [String], _ comments: [String]) {
    open(Array(path.dropLast()))
    lines += comments.map { (Self.indent(path.count - 1) + "# " + $0, nil) }
  }

  /// The YAML text, ending in a newline; comments after values start in one column (that of the
  /// longest line, at most `commentColumn`).
  func rendered(commentColumn: Int = 56) -> String {
    let widest = lines.filter { $0.comment != nil }.map(\.text.count).max() ?? 0
    let column = min(widest, commentColumn)
    return lines.map { line in
      guard let comment = line.comment else { return line.text }
      let padding = String(repeating: " ", count: max(column - line.text.count, 0) + 2)
      return line.text + padding + "# " + comment
    }.joined(separator: "\n") + "\n"
  }

  private mutating func open(_ sections: [String]) {
    var common = 0
    while common < min(sections.count, openSections.count), sections[common] == openSections[common] {
      common += 1
    }
    if common == 0, !lines.isEmpty, sections.isEmpty || sections != openSections {
      lines.append(("", nil))
    }
    for depth in common..<sections.count {
      let name = sections[...depth].joined(separator: ".")
      if let comment = sectionComment(name) { lines.append((Self.indent(depth) + "# " + comment, nil)) }
      lines.append((Self.indent(depth) + sections[depth] + ":", nil))
    }
    openSections = sections
  }

  private static func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }
}
