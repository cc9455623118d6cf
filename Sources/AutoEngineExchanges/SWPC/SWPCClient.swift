public import AsyncHTTPClient
public import AutoEngineCore
public import Logging

/// NOAA SWPC's JSON feeds of solar and geomagnetic activity (no authentication), read into a
/// Core `SolarActivity`.
///
/// Feeds, relative to `baseURL` (default `https://services.swpc.noaa.gov`):
/// `/json/goes/primary/xray-flares-latest.json` (or `-7-day`), `/json/goes/primary/xrays-6-hour.json`
/// (the 0.1–0.8 nm band), `/json/planetary_k_index_1m.json` and
/// `/products/noaa-planetary-k-index.json` (3-hourly, in either of its two shapes). Every request
/// goes through `budget`. Nothing is invented: a feed that fails leaves its field nil.
public struct SWPCClient: Sendable {
  /// The production host.
  public static let defaultBaseURL = "https://services.swpc.noaa.gov"

  /// Which flare feed to read.
  public enum FlareFeed: String, Sendable, CaseIterable {
    /// `xray-flares-latest.json`: the latest flare, with its current class.
    case latest = "/json/goes/primary/xray-flares-latest.json"
    /// `xray-flares-7-day.json`: the flares of the last 7 days (no `current_*` fields).
    case sevenDay = "/json/goes/primary/xray-flares-7-day.json"
  }

  /// Path of the X-ray flux feed.
  public static let xrayFluxPath = "/json/goes/primary/xrays-6-hour.json"
  /// Path of the 1-minute planetary K index feed.
  public static let kp1mPath = "/json/planetary_k_index_1m.json"
  /// Path of the 3-hourly planetary K index product.
  public static let kp3hPath = "/products/noaa-planetary-k-index.json"

  /// The request budget every call spends from.
  public let budget: RequestBudget
  /// The flare feed read by `latestFlare()`.
  public let flareFeed: FlareFeed
  private let fetcher: JSONFetcher

  /// Creates a client of `baseURL`.
  ///
  /// - Parameter budget: the limiter to spend from; by default a new one with `RequestBudgetPolicy.swpc`.
  public init(
    baseURL: String = SWPCClient.defaultBaseURL, flareFeed: FlareFeed = .latest,
    settings: HTTPRequestSettings = HTTPRequestSettings(), httpClient: HTTPClient = .shared,
    budget: RequestBudget? = nil, logger: Logger = Logger(label: "autoengine.exchanges.swpc")
  ) {
    let budget = budget ?? RequestBudget(service: "NOAA SWPC", policy: .swpc)
    self.budget = budget
    self.flareFeed = flareFeed
    self.fetcher = JSONFetcher(
      service: "NOAA SWPC", baseURL: baseURL, http: httpClient, budget: budget, settings: settings, logger: logger)
  }

  /// The newest flare of the configured flare feed, or nil when the feed lists none.
  public func latestFlare() async throws -> FlareReport? {
    try await read(flareFeed.rawValue, SWPCFeedParser.latestFlare)
  }

  /// The newest 0.1–0.8 nm X-ray flux, or nil when the feed has none.
  public func xrayFlux() async throws -> FluxReading? {
    try await read(Self.xrayFluxPath, SWPCFeedParser.latestLongBandFlux)
  }

  /// The newest Kp of the 1-minute feed, or nil when it has none.
  public func planetaryKIndex1m() async throws -> KpReading? {
    try await read(Self.kp1mPath, SWPCFeedParser.latestKp1m)
  }

  /// The newest Kp of the 3-hourly product (header-row or object shape), or nil when it has none.
  public func planetaryKIndex3h() async throws -> KpReading? {
    try await read(Self.kp3hPath, SWPCFeedParser.latestKp3h)
  }

  /// Solar activity from the flare, X-ray flux and 1-minute Kp feeds (the 3-hourly Kp when the
  /// 1-minute feed fails or is empty), read one after the other.
  ///
  /// A failed feed leaves its field nil; after a 5xx or timeout the budget backs off, so the
  /// feeds after it are not asked either (their fields stay nil too). `observedAt` is the newest
  /// timestamp used.
  /// - Throws: the first feed's error when every feed failed.
  public func solarActivity() async throws -> SolarActivity {
    let flare = await result { try await latestFlare() }
    let flux = await result { try await xrayFlux() }
    var kp = await result { try await planetaryKIndex1m() }
    if !Self.hasReading(kp) {
      let hourly = await result { try await planetaryKIndex3h() }
      if Self.hasReading(hourly) || (Self.isFailure(kp) && !Self.isFailure(hourly)) { kp = hourly }
    }
    let outcomes: [Result<UnixTime?, any Error>] = [
      flare.map { $0?.observedAt }, flux.map { $0?.time }, kp.map { $0?.time },
    ]
    if outcomes.allSatisfy(Self.isFailure), case .failure(let error) = flare {
      throw error
    }
    let times = outcomes.compactMap { try? $0.get() }
    let flareReport = try? flare.get()
    return SolarActivity(
      observedAt: times.max() ?? budget.clock.now(), latestFlareClass: flareReport?.flareClass,
      flarePeakTime: flareReport?.peakTime, xrayFlux: (try? flux.get())?.flux, kpIndex: (try? kp.get())?.kp)
  }

  private func read<T>(_ path: String, _ parse: (JSONValue) throws(SWPCFeedParser.Problem) -> T) async throws -> T {
    let json = try await fetcher.get(JSONValue.self, path: path)
    do {
      return try parse(json)
    } catch {
      throw await fetcher.malformed(fetcher.endpoint(path), reason: error.text)
    }
  }

  private static func hasReading<T>(_ outcome: Result<T?, any Error>) -> Bool {
    if case .success(.some) = outcome { return true }
    return false
  }

  private static func isFailure<T>(_ outcome: Result<T, any Error>) -> Bool {
    if case .failure = outcome { return true }
    return false
  }

  private func result<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
  }
}
