/// One problem found while loading settings: where it was found, and why it is a problem.
///
/// Reads `autoengine.yaml: strategy.min_confidence: 1.2 is outside 0…1`,
/// `env AUTOENGINE_SERVER_GRPC_PORT: server.grpc_port: expected an integer 0–65535, got 'abc'` or
/// `flags: unknown key 'fetch.price_interval' (did you mean fetch.price_fetch_interval?)`.
public struct SettingsProblem: Hashable, Sendable, CustomStringConvertible {
  /// The layer the offending value came from; `.defaultValue` for problems of no single layer.
  public var origin: SettingOrigin
  /// The dotted key concerned, or empty when the problem is not about one key (a file that does
  /// not parse, an unknown key whose name is in `message`).
  public var key: String
  /// What is wrong, in words a person can act on.
  public var message: String

  /// Creates a problem.
  public init(origin: SettingOrigin, key: String, message: String) {
    self.origin = origin
    self.key = key
    self.message = message
  }

  public var description: String {
    origin.problemPrefix + (key.isEmpty ? "" : "\(key): ") + message
  }
}

/// Settings that cannot be used, with every problem found (never empty).
public struct SettingsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The problems in the order found: file, environment, flags, then validation in key order.
  public var problems: [SettingsProblem]

  /// Creates an error from the problems found.
  public init(problems: [SettingsProblem]) { self.problems = problems }

  /// One problem per line.
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
