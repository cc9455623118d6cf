import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's terminal: unbuffered writes to stdout and stderr and what the terminal allows.
///
/// Output goes straight to the file descriptor so that stream messages reach a pipe as they
/// arrive (`print` buffers whole blocks when stdout is not a terminal).
enum Console {
  /// Writes `text` to stdout.
  static func write(_ text: String) {
    FileDescriptorWriter.write(text, to: 1)
  }

  /// Writes `text` to stderr.
  static func writeError(_ text: String) {
    FileDescriptorWriter.write(text, to: 2)
  }

  /// Whether stdout is a terminal.
  static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

  /// Whether colour is allowed: `NO_COLOR` unset or empty (https://no-color.org) and `TERM` not
  /// "dumb".
  static var allowsColour: Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }
}

/// How table text is decorated: plain, or with ANSI colours on a terminal.
struct TextStyle: Sendable {
  /// The colours `paint` can apply.
  enum Colour: String, Sendable {
    case green = "32"
    case red = "31"
    case yellow = "33"
    case dim = "2"
    case bold = "1"
  }

  /// Whether to emit ANSI colour codes.
  var colour: Bool

  /// Plain text, never coloured.
  static let plain = TextStyle(colour: false)

  /// `text` in `colour`, or unchanged when colour is off.
  func paint(_ text: String, _ colour: Colour?) -> String {
    guard self.colour, let colour, !text.isEmpty else { return text }
    return "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m"
  }
}
