/// The documented limits of one exchange (or feed) and how its `RequestBudget` reacts to faults.
///
/// A window admits at most `limit` units of weight within any `windowSeconds` (a sliding window,
/// stricter than the exchanges' fixed windows). Backoff after 5xx answers, timeouts and transport
/// failures is `min(maxBackoffSeconds, baseBackoffSeconds × 2^(n−1))` for the n-th consecutive
/// failure, scaled by a random factor in [0.5, 1) (jitter).
public struct RequestBudgetPolicy: Hashable, Sendable {
  /// Weight (requests, for an exchange that does not weigh them) admitted per window, ≥ 1.
  public var limit: Int
  /// Length of the sliding window, seconds (> 0).
  public var windowSeconds: Double
  /// Longest time `acquire` waits for room in the window before it fails, seconds (≥ 0).
  public var maxWaitSeconds: Double
  /// Backoff after the first consecutive failure, before jitter, seconds.
  public var baseBackoffSeconds: Double
  /// Ceiling of the backoff, seconds.
  public var maxBackoffSeconds: Double
  /// Shortest ban after HTTP 418 without `Retry-After`, seconds (Binance.US: 2 minutes).
  public var minimumBanSeconds: Double
  /// Lower-cased name of a response header reporting the weight the server counted in its current
  /// fixed window (Binance.US: `x-mbx-used-weight-1m`), or nil when the exchange sends none.
  public var usedWeightHeader: String?
  /// Length of the server's fixed window that `usedWeightHeader` counts, seconds (aligned to the epoch).
  public var usedWeightWindowSeconds: Double

  /// Creates a policy; `limit` is raised to 1 and `windowSeconds` to 0.001 if smaller.
  public init(
    limit: Int, windowSeconds: Double, maxWaitSeconds: Double = 2, baseBackoffSeconds: Double = 1,
    maxBackoffSeconds: Double = 300, minimumBanSeconds: Double = 120, usedWeightHeader: String? = nil,
    usedWeightWindowSeconds: Double = 60
  ) {
    self.limit = max(1, limit)
    self.windowSeconds = max(0.001, windowSeconds)
    self.maxWaitSeconds = max(0, maxWaitSeconds)
    self.baseBackoffSeconds = max(0, baseBackoffSeconds)
    self.maxBackoffSeconds = max(self.baseBackoffSeconds, maxBackoffSeconds)
    self.minimumBanSeconds = max(0, minimumBanSeconds)
    self.usedWeightHeader = usedWeightHeader?.lowercased()
    self.usedWeightWindowSeconds = max(1, usedWeightWindowSeconds)
  }

  /// Coinbase Advanced Trade public endpoints: 10 requests per second per IP.
  public static let coinbasePublic = RequestBudgetPolicy(limit: 10, windowSeconds: 1, maxWaitSeconds: 1.5)

  /// Binance.US: `REQUEST_WEIGHT` 1200 per minute (updated from `exchangeInfo.rateLimits`),
  /// with the server's count read from `X-MBX-USED-WEIGHT-1M`.
  public static let binanceUS = RequestBudgetPolicy(
    limit: 1200, windowSeconds: 60, maxWaitSeconds: 2, usedWeightHeader: "x-mbx-used-weight-1m",
    usedWeightWindowSeconds: 60)

  /// NOAA SWPC JSON feeds: no published limit; a polite 30 requests per minute.
  public static let swpc = RequestBudgetPolicy(limit: 30, windowSeconds: 60, maxWaitSeconds: 2)
}
