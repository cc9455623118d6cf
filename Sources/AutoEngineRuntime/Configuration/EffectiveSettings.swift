/// Settings as loaded, with where each value came from and what deserves a warning.
///
/// Made by `AutoEngineSettings.load(file:environment:flags:)`; the settings in it are valid.
public struct EffectiveSettings: Hashable, Sendable {
  /// The validated settings.
  public var settings: AutoEngineSettings
  /// Where each key's value came from, by dotted key; keys absent here have their default.
  public var origins: [String: SettingOrigin]
  /// Things that are allowed but probably not meant (an unknown `AUTOENGINE_*` variable, live
  /// trading without an exchange's credentials, …), one sentence each, for the start-up log.
  public var warnings: [String]
  /// The configuration file as given, or `nil` when none was used.
  public var file: String?

  /// Creates effective settings from their parts.
  public init(
    settings: AutoEngineSettings, origins: [String: SettingOrigin] = [:], warnings: [String] = [],
    file: String? = nil
  ) {
    self.settings = settings
    self.origins = origins
    self.warnings = warnings
    self.file = file
  }

  /// Where the value of the key named `name` came from (`.defaultValue` when no layer set it).
  public func origin(ofKey name: String) -> SettingOrigin { origins[name] ?? .defaultValue }
}
