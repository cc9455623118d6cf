public import AutoEngineCore

/// One dotted setting key of `autoengine`: its name, unit, default, description, environment
/// variable, and how to read and set it.
///
/// `AutoEngineSettings.keys` lists every key, the engine's (`EngineConfiguration.keys`) included.
/// Values travel as text in one spelling everywhere: numbers in plain decimal notation, booleans
/// as `true`/`false`, choices by name (`simulated`), lists comma-separated (`a,b`).
///
/// The environment variable of a key is `AUTOENGINE_` followed by the key in upper case with dots
/// as underscores (`fetch.price_fetch_interval` → `AUTOENGINE_FETCH_PRICE_FETCH_INTERVAL`), except
/// for the secrets, which keep the names documented for them (`AUTOENGINE_API_TOKEN`,
/// `AUTOENGINE_BINANCEUS_API_KEY`, …).
public struct SettingKey: Sendable, CustomStringConvertible {
  /// The dotted, snake_case name, e.g. `server.grpc_port`.
  public let name: String
  /// The unit or domain of the value, e.g. `seconds`, `0…65535`, `http/https URL`.
  public let unit: String
  /// One line saying what the setting does.
  public let summary: String
  /// The environment variable that sets this key, e.g. `AUTOENGINE_SERVER_GRPC_PORT`.
  public let environmentVariable: String
  /// Whether the value is a credential: masked when printed, never accepted as a flag.
  public let isSecret: Bool
  /// Whether the value may come from the environment only (never from a file or a flag).
  public let isEnvironmentOnly: Bool
  let read: @Sendable (AutoEngineSettings) -> SettingValue
  let write: @Sendable (inout AutoEngineSettings, SettingInput) throws(ConfigurationIssue) -> Void

  init(
    _ name: String, unit: String, _ summary: String, environmentVariable: String? = nil,
    isSecret: Bool = false, isEnvironmentOnly: Bool = false,
    read: @escaping @Sendable (AutoEngineSettings) -> SettingValue,
    write: @escaping @Sendable (inout AutoEngineSettings, SettingInput) throws(ConfigurationIssue) -> Void
  ) {
    self.name = name
    self.unit = unit
    self.summary = summary
    self.environmentVariable = environmentVariable ?? Self.environmentVariable(forKey: name)
    self.isSecret = isSecret
    self.isEnvironmentOnly = isEnvironmentOnly
    self.read = read
    self.write = write
  }

  /// The environment variable that the naming rule gives `key`: `AUTOENGINE_` + upper snake case.
  public static func environmentVariable(forKey key: String) -> String {
    "AUTOENGINE_" + key.uppercased().replacing(".", with: "_")
  }

  /// The components of the dotted name, e.g. `["exchanges", "coinbase", "base_url"]`.
  public var path: [String] { name.split(separator: ".").map(String.init) }

  /// The default value as text (lists comma-separated, an unset secret as `(not set)`).
  public var defaultValue: String { read(AutoEngineSettings()).text(masked: true) }

  /// The value of this key in `settings` as text; secrets masked unless `masked` is false.
  public func value(in settings: AutoEngineSettings, masked: Bool = true) -> String {
    read(settings).text(masked: masked)
  }

  /// Parses `text` and stores it in `settings`.
  ///
  /// Only the syntax is checked here (a number, a port, a known choice); ranges and relations
  /// between keys are checked by `AutoEngineSettings.validate()`. Surrounding whitespace is ignored.
  /// - Throws: `ConfigurationIssue` naming this key when `text` cannot be parsed.
  public func set(_ text: String, in settings: inout AutoEngineSettings) throws(ConfigurationIssue) {
    try write(&settings, .text(text))
  }

  /// `name = default  # summary (unit)`.
  public var description: String { "\(name) = \(defaultValue)  # \(summary) (\(unit))" }
}

/// A value as read from a file, the environment or a flag, before it is parsed.
enum SettingInput: Sendable {
  /// A single value as written (a YAML scalar, an environment variable, a flag).
  case text(String)
  /// A YAML sequence of single values.
  case list([String])
  /// A YAML null (`key:` with nothing after it, `~`, `null`).
  case null
}

/// A setting's value as it is printed.
enum SettingValue: Sendable {
  /// A number, boolean or choice, printed as is.
  case plain(String)
  /// Free text (a host, path or URL), printed quoted in YAML.
  case text(String)
  /// A list of free-text entries.
  case list([String])
  /// A credential, masked unless asked otherwise.
  case secret(SecretText?)

  /// The value as a person reads it: no quotes, lists comma-separated.
  func text(masked: Bool) -> String {
    switch self {
    case .plain(let text), .text(let text): text
    case .list(let items): items.joined(separator: ",")
    case .secret(let secret): masked ? SecretText.masked(secret) : secret?.revealed ?? ""
    }
  }

  /// The value as a YAML scalar or flow sequence.
  func yaml(masked: Bool) -> String {
    switch self {
    case .plain(let text): text
    case .text(let text): YAMLText.quoted(text)
    case .list(let items): "[" + items.map(YAMLText.quoted).joined(separator: ", ") + "]"
    case .secret(let secret): YAMLText.quoted(masked ? SecretText.masked(secret) : secret?.revealed ?? "")
    }
  }
}
