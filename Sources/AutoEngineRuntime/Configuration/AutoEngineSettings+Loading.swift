import Foundation

extension AutoEngineSettings {
  /// Loads the effective settings: defaults ← the file at `path` ← `environment` ← `flags`.
  ///
  /// * The file is YAML or JSON (JSON is a subset of YAML); keys nest (`fetch:` then
  ///   `price_fetch_interval: 10`) or are dotted (`fetch.price_fetch_interval: 10`). Unknown keys
  ///   are errors, and so are the exchange credentials, which come from the environment only.
  /// * Each key is read from the environment variable `AUTOENGINE_` + the key in upper case with
  ///   dots as underscores (`AUTOENGINE_SERVER_GRPC_PORT`); the secrets use their documented names
  ///   (`AUTOENGINE_API_TOKEN`, `AUTOENGINE_BINANCEUS_API_KEY`, …). Empty variables count as
  ///   unset; other `AUTOENGINE_*` variables become warnings.
  /// * `flags` maps dotted keys to values as text (`["server.grpc_port": "50052"]`); secrets are
  ///   refused there, since command lines are visible to every user of the machine.
  ///
  /// Every problem of every layer is collected, then the result is validated with `validate()`.
  /// - Parameters:
  ///   - path: the configuration file, or `nil` for none; problems are prefixed with it as given.
  ///   - environment: the process environment, e.g. `ProcessInfo.processInfo.environment`.
  ///   - flags: overrides from the command line by dotted key.
  /// - Throws: `SettingsError` listing every problem, each naming where it was found, the key
  ///   and why (`autoengine.yaml: strategy.min_confidence: 1.2 is outside 0…1`).
  public static func load(
    file path: String?, environment: [String: String], flags: [String: String] = [:]
  ) throws(SettingsError) -> EffectiveSettings {
    guard let path else { return try resolve(file: nil, environment: environment, flags: flags) }
    let (text, problem) = readText(atPath: path)
    guard let text else { throw SettingsError(problems: problem.map { [$0] } ?? []) }
    return try resolve(file: (path, text), environment: environment, flags: flags)
  }

  /// Loads the effective settings from configuration text already in memory, named `name` in
  /// problems (as if it were the file `name`); otherwise as `load(file:environment:flags:)`.
  public static func load(
    yaml text: String, named name: String, environment: [String: String] = [:], flags: [String: String] = [:]
  ) throws(SettingsError) -> EffectiveSettings {
    try resolve(file: (name, text), environment: environment, flags: flags)
  }

  private static func resolve(
    file: (path: String, text: String)?, environment: [String: String], flags: [String: String]
  ) throws(SettingsError) -> EffectiveSettings {
    var layering = SettingsLayering()
    if let file { layering.applyFile(file.text, path: file.path) }
    layering.applyEnvironment(environment)
    layering.applyFlags(flags)
    layering.validate()
    guard layering.problems.isEmpty else { throw SettingsError(problems: layering.problems) }
    return EffectiveSettings(
      settings: layering.settings, origins: layering.origins, warnings: layering.warnings, file: file?.path)
  }

  /// The UTF-8 text of the file at `path`, or the problem that prevents reading it.
  private static func readText(atPath path: String) -> (text: String?, problem: SettingsProblem?) {
    func problem(_ message: String) -> (text: String?, problem: SettingsProblem?) {
      (nil, SettingsProblem(origin: .file(path: path), key: "", message: message))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return problem("no such file")
    }
    guard !isDirectory.boolValue else { return problem("is a directory, not a configuration file") }
    guard let data = FileManager.default.contents(atPath: path) else {
      return problem("cannot be read (check its permissions)")
    }
    guard let text = String(data: data, encoding: .utf8) else { return problem("is not UTF-8 text") }
    return (text, nil)
  }
}
