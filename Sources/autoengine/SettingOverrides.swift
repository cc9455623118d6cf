import ArgumentParser

/// The `--set key=value` options of `serve` and `backtest`: settings given on the command line,
/// which win over the file and the environment.
enum SettingOverrides {
  /// Adds each `key=value` of `overrides` to `flags` (a later one wins).
  ///
  /// - Throws: `ValidationError` naming an override that is not `key=value`.
  static func apply(_ overrides: [String], to flags: inout [String: String]) throws {
    for override in overrides {
      guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
        throw ValidationError("--set '\(override)' is not key=value (e.g. --set strategy.min_confidence=0.75)")
      }
      flags[String(override[..<equals])] = String(override[override.index(after: equals)...])
    }
  }
}
