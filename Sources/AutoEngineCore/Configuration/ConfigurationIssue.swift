/// One problem with a configuration value: which key, and why.
///
/// Its description reads `key: message`, e.g.
/// `strategy.min_confidence: 1.2 is outside 0…1`.
public struct ConfigurationIssue: Error, Hashable, Sendable, CustomStringConvertible {
  /// The dotted key of the offending setting, e.g. `strategy.min_confidence`.
  public var key: String
  /// Why the value is not acceptable, in words a person can act on.
  public var message: String

  /// Creates an issue for `key`.
  public init(key: String, message: String) {
    self.key = key
    self.message = message
  }

  public var description: String { "\(key): \(message)" }
}

/// A configuration that failed validation, carrying every issue found (never empty).
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The issues, in key-table order.
  public var issues: [ConfigurationIssue]

  /// Creates an error from the issues found.
  public init(issues: [ConfigurationIssue]) { self.issues = issues }

  /// One line per issue, preceded by a count: `invalid configuration (2 issues):` …
  public var description: String {
    let noun = issues.count == 1 ? "issue" : "issues"
    return (["invalid configuration (\(issues.count) \(noun)):"] + issues.map { "  \($0)" })
      .joined(separator: "\n")
  }
}
