/// A table of aligned columns, rendered as text.
///
/// Widths are measured on the plain text, so colours never shift the columns. An empty cell
/// prints as "—".
struct Table {
  /// Where a column's text sits.
  enum Alignment {
    /// Text columns.
    case left
    /// Number columns.
    case right
  }

  /// A column's title and alignment.
  struct Column {
    var title: String
    var alignment: Alignment
  }

  /// One cell: its text and an optional colour.
  struct Cell: ExpressibleByStringLiteral {
    var text: String
    var colour: TextStyle.Colour?

    init(_ text: String, _ colour: TextStyle.Colour? = nil) {
      self.text = text.isEmpty ? "—" : text
      self.colour = colour
    }

    init(stringLiteral value: String) { self.init(value) }
  }

  /// The columns.
  var columns: [Column]
  /// The rows, each with one cell per column (missing cells print empty).
  var rows: [[Cell]] = []

  /// A table with `columns`; a title ending in ">" is right-aligned (the ">" is dropped).
  init(_ titles: [String]) {
    columns = titles.map { title in
      title.hasSuffix(">")
        ? Column(title: String(title.dropLast()), alignment: .right) : Column(title: title, alignment: .left)
    }
  }

  /// Appends a row.
  mutating func append(_ row: [Cell]) { rows.append(row) }

  /// The table's lines: a header, then one line per row, two spaces between columns.
  func lines(_ style: TextStyle) -> [String] {
    var widths = columns.map { $0.title.count }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.text.count)
      }
    }
    let header = columns.enumerated().map { index, column in
      pad(column.title, painted: column.title, to: widths[index], column.alignment, isLast: index == columns.count - 1)
    }
    var lines = [style.paint(header.joined(separator: "  "), .bold)]
    for row in rows {
      let cells = columns.indices.map { index in
        let cell = index < row.count ? row[index] : Cell("")
        return pad(
          cell.text, painted: style.paint(cell.text, cell.colour), to: widths[index], columns[index].alignment,
          isLast: index == columns.count - 1)
      }
      lines.append(cells.joined(separator: "  "))
    }
    return lines
  }

  /// The table as text, one line each, ending with a newline.
  func render(_ style: TextStyle) -> String {
    lines(style).joined(separator: "\n") + "\n"
  }

  /// `painted` (the decorated `text`) padded with spaces to `width`; the last left-aligned column
  /// is not padded.
  private func pad(_ text: String, painted: String, to width: Int, _ alignment: Alignment, isLast: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    switch alignment {
    case .left: return isLast ? painted : painted + fill
    case .right: return fill + painted
    }
  }
}

/// Lines of "label  value" pairs, labels aligned, for one message's details.
struct Details {
  /// The pairs, in order.
  private(set) var pairs: [(label: String, value: String)] = []

  /// Appends a pair; an empty value prints as "—".
  mutating func append(_ label: String, _ value: String) {
    pairs.append((label, value.isEmpty ? "—" : value))
  }

  /// The pairs as text, ending with a newline.
  func render(_ style: TextStyle) -> String {
    let width = pairs.map(\.label.count).max() ?? 0
    return pairs.map { pair in
      style.paint(pair.label + ":", .dim) + String(repeating: " ", count: width - pair.label.count + 2) + pair.value
    }.joined(separator: "\n") + "\n"
  }
}
