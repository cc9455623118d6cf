import AutoEngineCore

/// Applies the layers of settings in order — defaults, file, environment, flags — remembering
/// where each value came from and collecting every problem instead of stopping at the first.
struct SettingsLayering {
  var settings = AutoEngineSettings()
  var origins: [String: SettingOrigin] = [:]
  var problems: [SettingsProblem] = []
  var warnings: [String] = []

  /// Applies the file `path` whose text is `text`. Credentials in it are errors.
  mutating func applyFile(_ text: String, path: String) {
    let origin = SettingOrigin.file(path: path)
    var seen: Set<String> = []
    for item in SettingsFileReader.read(text) {
      switch item {
      case .problem(let issue):
        problems.append(SettingsProblem(origin: origin, key: issue.key, message: issue.message))
      case .entry(let entry):
        applyFileEntry(entry, origin: origin, seen: &seen)
      }
    }
  }

  private mutating func applyFileEntry(
    _ entry: SettingsFileReader.Entry, origin: SettingOrigin, seen: inout Set<String>
  ) {
    guard let key = AutoEngineSettings.key(named: entry.key) else {
      problems.append(unknownKey(entry.key, origin: origin))
      return
    }
    guard !key.isEnvironmentOnly else {
      problems.append(
        SettingsProblem(
          origin: origin, key: key.name,
          message: "credentials are read from the environment only: remove this key from the file "
            + "and set \(key.environmentVariable)"))
      return
    }
    guard seen.insert(key.name).inserted else {
      problems.append(SettingsProblem(origin: origin, key: key.name, message: "is set more than once in the file"))
      return
    }
    apply(entry.input, to: key, origin: origin)
  }

  /// Applies every `AUTOENGINE_*` variable of `environment` that names a key; empty variables
  /// count as unset. Other `AUTOENGINE_*` variables are reported as warnings, not errors, since
  /// other tools may share the prefix.
  mutating func applyEnvironment(_ environment: [String: String]) {
    for key in AutoEngineSettings.keys {
      guard let value = environment[key.environmentVariable], !value.trimmedForSettings().isEmpty else { continue }
      apply(.text(value), to: key, origin: .environment(variable: key.environmentVariable))
    }
    let known = AutoEngineSettings.keys.map(\.environmentVariable)
    for variable in environment.keys.sorted()
    where variable.hasPrefix("AUTOENGINE_") && AutoEngineSettings.key(forEnvironmentVariable: variable) == nil {
      let suggestion = KeySuggestion.closest(to: variable, among: known)
      warnings.append(
        "\(variable) is not a setting and is ignored" + (suggestion.map { " (did you mean \($0)?)" } ?? ""))
    }
  }

  /// Applies flag overrides by dotted key, in key-table order. Secrets are refused as flags.
  mutating func applyFlags(_ flags: [String: String]) {
    let order = Dictionary(
      AutoEngineSettings.keys.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    let names = flags.keys.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    for name in names {
      guard let key = AutoEngineSettings.key(named: name), let value = flags[name] else {
        problems.append(unknownKey(name, origin: .flag))
        continue
      }
      if key.isSecret {
        problems.append(
          SettingsProblem(
            origin: .flag, key: key.name,
            message: "secrets are not accepted as flags (they would show in the process list); "
              + "set \(key.environmentVariable)"))
        continue
      }
      apply(.text(value), to: key, origin: .flag)
    }
  }

  /// Runs every validation rule, attributing each issue to the layer its key's value came from.
  mutating func validate() {
    for issue in settings.validate() {
      problems.append(SettingsProblem(origin: origin(ofIssueKey: issue.key), key: issue.key, message: issue.message))
    }
    warnings += settings.advisories()
  }

  private mutating func apply(_ input: SettingInput, to key: SettingKey, origin: SettingOrigin) {
    do {
      try key.write(&settings, input)
      origins[key.name] = origin
    } catch {
      problems.append(SettingsProblem(origin: origin, key: key.name, message: error.message))
    }
  }

  /// The origin of `key`, or for a section (`strategy.category_weights`) of the first of its keys
  /// that is not a default.
  private func origin(ofIssueKey key: String) -> SettingOrigin {
    if let origin = origins[key] { return origin }
    let nested = AutoEngineSettings.keys.lazy.map(\.name).filter { $0.hasPrefix(key + ".") }
    return nested.lazy.compactMap { origins[$0] }.first ?? .defaultValue
  }

  /// An unknown key, with a suggestion or a word on where credentials go.
  private func unknownKey(_ name: String, origin: SettingOrigin) -> SettingsProblem {
    SettingsProblem(origin: origin, key: "", message: AutoEngineSettings.unknownKeyMessage(name))
  }
}
