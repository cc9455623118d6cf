public import AutoEngineCore
public import Logging

/// Everything `autoengine serve` can be configured with: the engine's parameters plus the
/// server-level sections, each with documented defaults.
///
/// Sections follow the dotted key prefixes: `server.*`, `log.level`, `data_dir`, `autobuy`, `market.*`,
/// `fetch.*`, `strategy.*`, `trading.*`, `risk.*` (the engine's, in `engine`), `exchanges.*`,
/// `cosmic.*` and `cache.*`. `AutoEngineSettings.keys` lists every key with its unit, default,
/// environment variable and a one-line description; `exampleYAML` is the commented example file.
///
/// Build a value with `load(file:environment:flags:)`, which layers defaults ← file ← environment
/// ← flags and validates the result, or start from `AutoEngineSettings()` and call `validate()`.
public struct AutoEngineSettings: Hashable, Sendable {
  /// The engine's parameters: `fetch.*`, `strategy.*`, `trading.*`, `risk.*`.
  public var engine: EngineConfiguration
  /// The gRPC and REST listeners: `server.*`.
  public var server: ServerSettings
  /// `log.level`: the lowest level of log messages written (default `info`).
  public var logLevel: Logger.Level
  /// `data_dir`: directory of the log file and the trading journal (default `./data`).
  public var dataDirectory: String
  /// `autobuy`: whether autobuy starts when the server starts, once the journal is reconciled
  /// (default false: trading waits for `StartAutobuy` / `POST /api/trading/start`).
  public var startAutobuy: Bool
  /// Where market data come from: `market.*`.
  public var market: MarketSettings
  /// Exchange endpoints and credentials: `exchanges.*`.
  public var exchanges: ExchangeSettings
  /// Cosmic data sources: `cosmic.*`.
  public var cosmic: CosmicSettings
  /// The shared cache: `cache.*`.
  public var cache: CacheSettings

  /// Creates settings; every section defaults to its documented defaults.
  public init(
    engine: EngineConfiguration = .defaults, server: ServerSettings = ServerSettings(),
    logLevel: Logger.Level = .info, dataDirectory: String = "./data", startAutobuy: Bool = false,
    market: MarketSettings = MarketSettings(), exchanges: ExchangeSettings = ExchangeSettings(),
    cosmic: CosmicSettings = CosmicSettings(), cache: CacheSettings = CacheSettings()
  ) {
    self.engine = engine
    self.server = server
    self.logLevel = logLevel
    self.dataDirectory = dataDirectory
    self.startAutobuy = startAutobuy
    self.market = market
    self.exchanges = exchanges
    self.cosmic = cosmic
    self.cache = cache
  }

  /// The settings with every default, as documented on each field.
  public static let defaults = AutoEngineSettings()

  /// The value of the key named `name` as text (secrets masked), or `nil` for an unknown key.
  public func value(forKey name: String) -> String? {
    Self.key(named: name)?.value(in: self)
  }

  /// Parses `text` and stores it under the key named `name`.
  ///
  /// - Throws: `ConfigurationIssue` for an unknown key (with a suggestion when a key is close) or
  ///   a value that cannot be parsed. Ranges are checked later by `validate()`.
  public mutating func setValue(_ text: String, forKey name: String) throws(ConfigurationIssue) {
    guard let key = Self.key(named: name) else {
      throw ConfigurationIssue(key: name, message: Self.unknownKeyMessage(name))
    }
    try key.set(text, in: &self)
  }
}
