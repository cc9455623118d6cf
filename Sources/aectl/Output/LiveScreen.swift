#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A terminal screen redrawn in place: each frame overwrites the previous one from the top-left
/// corner, clipped to the terminal's height, with the cursor hidden until `close()`.
struct LiveScreen {
  private static let escape = "\u{1B}["

  /// Clears the screen and hides the cursor.
  static func open() {
    Console.write("\(escape)?25l\(escape)2J\(escape)H")
  }

  /// Draws `lines` over the previous frame.
  static func draw(_ lines: [String]) {
    var shown = lines
    if let rows = terminalRows(), shown.count > rows - 1 {
      let hidden = shown.count - (rows - 2)
      shown = Array(shown.prefix(max(rows - 2, 1))) + ["… \(hidden) more lines (enlarge the terminal)"]
    }
    Console.write("\(escape)H" + shown.map { $0 + "\(escape)K\n" }.joined() + "\(escape)J")
  }

  /// Shows the cursor again, below the last frame.
  static func close() {
    Console.write("\(escape)?25h\n")
  }

  /// The terminal's height in rows, when stdout is a terminal that knows it.
  private static func terminalRows() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2 else { return nil }
    return Int(size.ws_row)
  }
}
