/// Where the effective value of a setting came from.
///
/// Layers apply in this order, each overriding the one before: default, file, environment, flag.
public enum SettingOrigin: Hashable, Sendable, CustomStringConvertible {
  /// The documented default.
  case defaultValue
  /// The configuration file at `path`.
  case file(path: String)
  /// The environment variable `variable`.
  case environment(variable: String)
  /// A command-line flag.
  case flag

  /// `default`, `file`, `env AUTOENGINE_…` or `flag`, as printed after each effective value.
  public var description: String {
    switch self {
    case .defaultValue: "default"
    case .file: "file"
    case .environment(let variable): "env \(variable)"
    case .flag: "flag"
    }
  }

  /// The prefix of a problem found in this layer: `autoengine.yaml: `, `env AUTOENGINE_…: `,
  /// `flags: `, or nothing for a default.
  var problemPrefix: String {
    switch self {
    case .defaultValue: ""
    case .file(let path): "\(path): "
    case .environment(let variable): "env \(variable): "
    case .flag: "flags: "
    }
  }
}
