/// How often each kind of data is fetched or computed, and when a coin's price counts as stale.
///
/// Intervals are in seconds and must be positive. Defaults are the seed's: price every 10 s,
/// volume every 180 s, indicators every 120 s, mystic/cosmic data every 3600 s.
public struct FetchSettings: Hashable, Sendable {
  /// `fetch.price_fetch_interval`: seconds between price fetches for all coins (default 10).
  public var priceFetchInterval: Double
  /// `fetch.volume_fetch_interval`: seconds between volume fetches (default 180).
  public var volumeFetchInterval: Double
  /// `fetch.indicator_calc_interval`: seconds between indicator recalculations (default 120).
  public var indicatorCalcInterval: Double
  /// `fetch.mystic_fetch_interval`: seconds between cosmic data fetches (default 3600).
  public var mysticFetchInterval: Double
  /// `fetch.stale_threshold_multiplier`: a coin is stale when its newest price is older than this
  /// many price intervals (default 3, so 30 s with the default interval); must be ≥ 1.
  public var staleThresholdMultiplier: Double

  /// Creates fetch settings; every argument defaults to the seed's value.
  public init(
    priceFetchInterval: Double = 10, volumeFetchInterval: Double = 180,
    indicatorCalcInterval: Double = 120, mysticFetchInterval: Double = 3600,
    staleThresholdMultiplier: Double = 3
  ) {
    self.priceFetchInterval = priceFetchInterval
    self.volumeFetchInterval = volumeFetchInterval
    self.indicatorCalcInterval = indicatorCalcInterval
    self.mysticFetchInterval = mysticFetchInterval
    self.staleThresholdMultiplier = staleThresholdMultiplier
  }

  /// Age in seconds beyond which a price is stale: `staleThresholdMultiplier × priceFetchInterval`.
  public var staleThreshold: Double { staleThresholdMultiplier * priceFetchInterval }

  /// Whether a coin whose newest price was observed at `lastPriceTime` is stale at `now`.
  ///
  /// Stale when there is no price at all, or when the price is strictly older than
  /// `staleThreshold` seconds (a price exactly `staleThreshold` old is still fresh).
  public func isStale(lastPriceTime: UnixTime?, now: UnixTime) -> Bool {
    guard let lastPriceTime else { return true }
    return now.since(lastPriceTime) > staleThreshold
  }
}
