import AutoEngineCore

/// Builders for the rows of `AutoEngineSettings.keys`, one per kind of value.
extension SettingKey {
  /// Free text (a host, path or URL); a YAML null reads as empty.
  static func text(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<AutoEngineSettings, String> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: unit, summary, read: { .text($0[keyPath: path]) },
      write: { (settings, input) throws(ConfigurationIssue) in
        settings[keyPath: path] = try single(input, name, nullAs: "")
      })
  }

  /// An integer; `expected` completes "expected …" in the error for text that is not one.
  static func integer<Value: FixedWidthInteger & Sendable>(
    _ name: String, unit: String, _ summary: String, expected: String,
    _ path: any WritableKeyPath<AutoEngineSettings, Value> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: unit, summary, read: { .plain(String($0[keyPath: path])) },
      write: { (settings, input) throws(ConfigurationIssue) in
        let text = try single(input, name, nullAs: nil)
        guard let value = Value(text) else {
          throw ConfigurationIssue(key: name, message: "expected \(expected), got '\(text)'")
        }
        settings[keyPath: path] = value
      })
  }

  /// A finite number in plain decimal notation.
  static func number(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<AutoEngineSettings, Double> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: unit, summary, read: { .plain(YAMLText.number($0[keyPath: path])) },
      write: { (settings, input) throws(ConfigurationIssue) in
        let text = try single(input, name, nullAs: nil)
        guard let value = Double(text), value.isFinite, !text.contains(where: \.isLetter) else {
          throw ConfigurationIssue(key: name, message: "expected a number, got '\(text)'")
        }
        settings[keyPath: path] = value
      })
  }

  /// `true` or `false` (any letter case).
  static func boolean(
    _ name: String, _ summary: String, _ path: any WritableKeyPath<AutoEngineSettings, Bool> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: "true|false", summary, read: { .plain($0[keyPath: path] ? "true" : "false") },
      write: { (settings, input) throws(ConfigurationIssue) in
        let text = try single(input, name, nullAs: nil)
        switch text.lowercased() {
        case "true": settings[keyPath: path] = true
        case "false": settings[keyPath: path] = false
        default: throw ConfigurationIssue(key: name, message: "expected true or false, got '\(text)'")
        }
      })
  }

  /// One of the cases of `Choice`, by raw value (any letter case).
  static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
    _ name: String, _ summary: String, _ path: any WritableKeyPath<AutoEngineSettings, Choice> & Sendable
  ) -> SettingKey where Choice.RawValue == String {
    let names = Choice.allCases.map(\.rawValue)
    return SettingKey(
      name, unit: names.joined(separator: "|"), summary, read: { .plain($0[keyPath: path].rawValue) },
      write: { (settings, input) throws(ConfigurationIssue) in
        let text = try single(input, name, nullAs: nil)
        guard let value = Choice(rawValue: text.lowercased()) else {
          throw ConfigurationIssue(
            key: name, message: "expected one of \(names.joined(separator: ", ")), got '\(text)'")
        }
        settings[keyPath: path] = value
      })
  }

  /// A list of text entries: a YAML sequence, or one text with comma-separated entries.
  static func list(
    _ name: String, unit: String, _ summary: String,
    _ path: any WritableKeyPath<AutoEngineSettings, [String]> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: unit, summary, read: { .list($0[keyPath: path]) },
      write: { (settings, input) throws(ConfigurationIssue) in
        let items: [String] =
          switch input {
          case .text(let text): text.split(separator: ",").map { String($0) }
          case .list(let items): items
          case .null: []
          }
        settings[keyPath: path] = items.map { $0.trimmedForSettings() }.filter { !$0.isEmpty }
      })
  }

  /// A credential; empty text or a YAML null leaves it unset.
  static func secret(
    _ name: String, _ summary: String, environmentVariable: String, environmentOnly: Bool,
    _ path: any WritableKeyPath<AutoEngineSettings, SecretText?> & Sendable
  ) -> SettingKey {
    SettingKey(
      name, unit: environmentOnly ? "secret, environment only" : "secret", summary,
      environmentVariable: environmentVariable, isSecret: true, isEnvironmentOnly: environmentOnly,
      read: { .secret($0[keyPath: path]) },
      write: { (settings, input) throws(ConfigurationIssue) in
        let secret = SecretText(try single(input, name, nullAs: ""))
        settings[keyPath: path] = secret.revealed.isEmpty ? nil : secret
      })
  }

  /// A key of `EngineConfiguration.keys`, set and read through the engine's own table.
  static func engine(_ key: ConfigurationKey) -> SettingKey {
    SettingKey(
      key.name, unit: key.unit, key.summary, read: { .plain(key.value(in: $0.engine)) },
      write: { (settings, input) throws(ConfigurationIssue) in
        try key.set(try single(input, key.name, nullAs: nil), in: &settings.engine)
      })
  }

  /// The single text of `input`, trimmed; a null becomes `nullAs`, or is an error when that is nil.
  private static func single(
    _ input: SettingInput, _ name: String, nullAs: String?
  ) throws(ConfigurationIssue) -> String {
    switch input {
    case .text(let text): return text.trimmedForSettings()
    case .list: throw ConfigurationIssue(key: name, message: "expected a single value, got a list")
    case .null:
      guard let nullAs else {
        throw ConfigurationIssue(key: name, message: "has no value; remove the key to keep its default")
      }
      return nullAs
    }
  }
}
