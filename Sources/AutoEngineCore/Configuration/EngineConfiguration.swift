/// Every tunable parameter of the engine, with the seed's defaults.
///
/// A plain value: build it from defaults, change fields (or set them by dotted key with
/// `setValue(_:forKey:)`), then call `validate()` or `validated()` before use. Groups follow the
/// dotted key prefixes: `fetch.*`, `strategy.*`, `trading.*`, `risk.*`; `EngineConfiguration.keys`
/// lists every key with its default and a one-line description.
public struct EngineConfiguration: Hashable, Sendable {
  /// Fetch cadences and the stale threshold (`fetch.*`).
  public var fetch: FetchSettings
  /// Trading thresholds and aggregation weights (`strategy.*`).
  public var strategy: StrategySettings
  /// Per-trade limits and the trading mode (`trading.*`).
  public var trading: TradingSettings
  /// Exit rules and portfolio limits (`risk.*`).
  public var risk: RiskSettings

  /// Creates a configuration; every group defaults to its documented defaults.
  public init(
    fetch: FetchSettings = FetchSettings(), strategy: StrategySettings = StrategySettings(),
    trading: TradingSettings = TradingSettings(), risk: RiskSettings = RiskSettings()
  ) {
    self.fetch = fetch
    self.strategy = strategy
    self.trading = trading
    self.risk = risk
  }

  /// The configuration with every default, as documented on each field.
  public static let defaults = EngineConfiguration()
}
