import AutoEngineRuntime

/// Loads `yaml` as the file `autoengine.yaml` with the given environment and flags.
func loadSettings(
  _ yaml: String, environment: [String: String] = [:], flags: [String: String] = [:]
) throws(SettingsError) -> EffectiveSettings {
  try AutoEngineSettings.load(yaml: yaml, named: "autoengine.yaml", environment: environment, flags: flags)
}

/// The problems, one line each, that loading `yaml` reports; empty when it loads.
func settingsProblems(
  _ yaml: String, environment: [String: String] = [:], flags: [String: String] = [:]
) -> [String] {
  do {
    _ = try loadSettings(yaml, environment: environment, flags: flags)
    return []
  } catch {
    return error.problems.map(\.description)
  }
}
