import FoundationEssentials

/// One dotted configuration key: its name, unit, default, description, and how to read and set it.
///
/// The table `EngineConfiguration.keys` lists every key; it drives printing the effective
/// configuration, writing an example configuration file and applying `key: value` pairs read from
/// files, flags or the environment. Values travel as text in the same spelling everywhere:
/// numbers in plain decimal notation (`300`, `0.7`, `10000`), the mode as `paper` or `live`.
public struct ConfigurationKey: Sendable, CustomStringConvertible {
  /// The dotted, snake_case name, e.g. `strategy.min_confidence`.
  public let name: String
  /// The unit or domain of the value, e.g. `seconds`, `0…1`, `quote units`, `percent`.
  public let unit: String
  /// One line saying what the setting does.
  public let summary: String
  private let read: @Sendable (EngineConfiguration) -> String
  private let write: @Sendable (inout EngineConfiguration, String) throws(ConfigurationIssue) -> Void

  init(
    _ name: String, unit: String, _ summary: String,
    read: @escaping @Sendable (EngineConfiguration) -> String,
    write: @escaping @Sendable (inout EngineConfiguration, String) throws(ConfigurationIssue) -> Void
  ) {
    self.name = name
    self.unit = unit
    self.summary = summary
    self.read = read
    self.write = write
  }

  /// The default value as text, e.g. `10` for `fetch.price_fetch_interval`.
  public var defaultValue: String { read(.defaults) }

  /// The value of this key in `configuration`, as text.
  public func value(in configuration: EngineConfiguration) -> String { read(configuration) }

  /// Parses `text` and stores it in `configuration`.
  ///
  /// Only the syntax is checked here (a number, an integer, `paper`/`live`); ranges and
  /// relations between keys are checked by `EngineConfiguration.validate()`. Surrounding
  /// whitespace is ignored.
  /// - Throws: `ConfigurationIssue` naming this key when `text` cannot be parsed.
  public func set(_ text: String, in configuration: inout EngineConfiguration) throws(ConfigurationIssue) {
    try write(&configuration, text.trimmingWhitespace())
  }

  /// `name = default  # summary (unit)`.
  public var description: String { "\(name) = \(defaultValue)  # \(summary) (\(unit))" }

  // MARK: - Builders for the table

  static func double(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<EngineConfiguration, Double> & Sendable
  ) -> ConfigurationKey {
    ConfigurationKey(
      name, unit: unit, summary,
      read: { NumberText.plain($0[keyPath: path]) },
      write: { (configuration, text) throws(ConfigurationIssue) in
        guard let value = Double(text), value.isFinite, !text.contains(where: \.isLetter) else {
          throw ConfigurationIssue(key: name, message: "'\(text)' is not a number")
        }
        configuration[keyPath: path] = value
      })
  }

  static func decimal(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<EngineConfiguration, Decimal> & Sendable
  ) -> ConfigurationKey {
    ConfigurationKey(
      name, unit: unit, summary,
      read: { $0[keyPath: path].description },
      write: { (configuration, text) throws(ConfigurationIssue) in
        guard isPlainDecimal(text), let value = Decimal(string: text) else {
          throw ConfigurationIssue(key: name, message: "'\(text)' is not a decimal number")
        }
        configuration[keyPath: path] = value
      })
  }

  static func integer(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<EngineConfiguration, Int> & Sendable
  ) -> ConfigurationKey {
    ConfigurationKey(
      name, unit: unit, summary,
      read: { String($0[keyPath: path]) },
      write: { (configuration, text) throws(ConfigurationIssue) in
        guard let value = Int(text) else {
          throw ConfigurationIssue(key: name, message: "'\(text)' is not a whole number")
        }
        configuration[keyPath: path] = value
      })
  }

  static func mode(_ name: String, _ summary: String) -> ConfigurationKey {
    ConfigurationKey(
      name, unit: TradingMode.allCases.map(\.rawValue).joined(separator: "|"), summary,
      read: { $0.trading.mode.rawValue },
      write: { (configuration, text) throws(ConfigurationIssue) in
        guard let mode = TradingMode(rawValue: text.lowercased()) else {
          throw ConfigurationIssue(key: name, message: "'\(text)' is not one of paper, live")
        }
        configuration.trading.mode = mode
      })
  }

  /// Whether `text` is `[+-]digits[.digits]` (or `[+-].digits`): no exponent, no stray characters.
  static func isPlainDecimal(_ text: String) -> Bool {
    var body = Substring(text)
    if let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), parts.contains(where: { !$0.isEmpty }) else { return false }
    return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}
