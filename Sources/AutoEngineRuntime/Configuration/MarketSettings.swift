/// Where market data come from (`market.*`).
///
/// Defaults: the seeded simulated market (seed 42), which works offline.
public struct MarketSettings: Hashable, Sendable {
  /// `market.source`: `simulated` (default), `replay` or `live`.
  public var source: MarketSourceKind
  /// `market.seed`: seed of the simulated market; the same seed gives the same market (default 42).
  public var seed: UInt64
  /// `market.replay_dir`: folder of candle CSV files for the replay source; required when
  /// `source` is `replay` (default empty).
  public var replayDirectory: String
  /// `market.replay_speed`: market seconds played per wall-clock second, > 0 (default 1).
  public var replaySpeed: Double
  /// `market.step_seconds`: seconds between the simulated market's price moves, a divisor of 60
  /// (default 5); with `fetch.price_fetch_interval` at least as short, every coin changes on each
  /// step (the fan-out benchmark uses 1 to tick all 40 coins every second).
  public var simulatedStepSeconds: Int

  /// Creates market settings; every argument defaults to the documented default.
  public init(
    source: MarketSourceKind = .simulated, seed: UInt64 = 42, replayDirectory: String = "",
    replaySpeed: Double = 1, simulatedStepSeconds: Int = 5
  ) {
    self.source = source
    self.seed = seed
    self.replayDirectory = replayDirectory
    self.replaySpeed = replaySpeed
    self.simulatedStepSeconds = simulatedStepSeconds
  }
}
