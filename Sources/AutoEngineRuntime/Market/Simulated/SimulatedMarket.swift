public import AutoEngineCore
import Synchronization

/// A seeded, deterministic market that works offline: realistic prices, volumes and candles
/// for any set of coins.
///
/// ## Determinism
/// The market is a path advanced in fixed steps (`stepSeconds`, default 5 s) from an origin
/// `historyMinutes` before `start` (rounded down to a whole minute). An answer "as of `now`" is
/// the state after the last step at or before `now`; it depends only on the seed, the origin,
/// the step, the model and the coin's own asset — never on which times were asked before, nor
/// on the other coins (each asset, each coin and the market factor draw from their own seeded
/// stream). Two markets built alike give byte-identical answers to the same queries. Going
/// forward costs time proportional to the simulated time covered (about 40 coins × 17,280 steps
/// per simulated day at 5 s); a query up to one hour behind the newest step is answered from the
/// buffers; an older one rebuilds the path from the origin (same answers, slower). Times
/// before the origin are answered as at the origin.
///
/// ## Model (parameters in `SimulatedMarketModel`, levels in `AssetReference`)
/// * **Price level.** Each base asset starts at its reference USD price (BTC 90,000, ETH 3,000,
///   SOL 150, ADA 0.70 …) and is weakly pulled back to it (time constant 30 days).
/// * **Regimes.** Range (mean reversion to the level where it began, time constant 1 h; mean
///   duration 3 h) and up/down trend (drift 5–20 % a day scaled by the asset's volatility; mean
///   duration 2 h), switching at random.
/// * **Volatility clustering.** GARCH(1,1) variance per step, long-run level from the asset's
///   annual volatility (BTC 50 %, altcoins 65–100 %), shock half-life 2 h, reaction at half the
///   fourth-moment bound — fat-tailed returns whose squares are autocorrelated. Shocks are
///   correlated with a common market factor (0.7; BTC 0.9).
/// * **Gaps.** About every 12 h per asset a jump of 0.8–3 % (scaled by volatility), with a
///   volatility burst (variance × 4) and a volume spike.
/// * **Volume.** Base units per step = the asset's daily USD volume (BTC 1.5 bn …) per step ÷
///   price × the venue's share (Coinbase 1, Binance.US 0.05) × volatility ratio × shock size ×
///   spike (4–12×, about every 3 h, half-life 2 min) × intraday cycle (±30 %, peak 15:00 UTC) ×
///   log-normal noise (σ 0.4).
/// * **Quotes.** USD pairs follow the asset path; other quotes (USDT, USDC) add an independent
///   basis of about 3 basis points (mean reversion 10 min). Prices are rounded to the coin's
///   `PriceTick` (0.01 from 100 USD, 0.001 from 1 USD, 0.0001 below). Bid and ask sit a half-spread below and above
///   (0.5–10 basis points by venue volume, widening with volatility, at least one tick).
/// * **24-hour statistics.** Over the 1,440 one-minute candles completed by `now` plus the
///   minute in progress: volume and quote volume (Σ volume × typical price), high, low, and the
///   change against the price 24 hours before the last minute boundary.
///
/// ## Coins
/// The configured coins plus their successors (`MATIC-USD → POL-USD`) are simulated; coins not
/// among them are left out of every answer. Symbols in `delisted` are missing from the market,
/// as a delisted symbol is from an exchange: absent from listings, prices, statistics and
/// history — so symbol resolution and successors can be demonstrated offline.
public final class SimulatedMarket: MarketSource {
  /// Seconds per step that the market accepts: the divisors of 60.
  public static let validStepSeconds: [Int] = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60]

  public var kind: MarketSourceKind { .simulated }
  /// The seed of every random stream.
  public let seed: UInt64
  /// The time the market was built for; history and 24-hour statistics exist from here on.
  public let start: UnixTime
  /// Seconds of simulated time per step.
  public let stepSeconds: Int
  /// The time of step 0 (`historyMinutes` whole minutes before `start`'s minute).
  public let origin: UnixTime
  /// The coins simulated: the configured ones plus their successors.
  public let coins: [Coin]
  /// Upper-case symbols that are missing from the market.
  public let delisted: Set<String>
  /// The model's parameters.
  public let model: SimulatedMarketModel
  private let indexBySymbol: [String: Int]
  private let path: Mutex<SimulatedMarketPath>

  /// Creates a market for `coins` and simulates its warm-up up to `start`.
  ///
  /// - Parameters:
  ///   - coins: The coins to simulate; their successors are added.
  ///   - seed: Seed of the path; another seed gives another market.
  ///   - start: The time the engine starts; one-minute history reaches `historyMinutes` back.
  ///   - stepSeconds: Step of the path, seconds; one of `validStepSeconds`.
  ///   - historyMinutes: One-minute candles kept per coin and warm-up length, minutes; at least
  ///     1,440 (the 24-hour window), default 1,500.
  ///   - delisted: Symbols (any case) that are missing from the market.
  ///   - model: The model's parameters.
  public init(
    coins: [Coin], seed: UInt64 = 42, start: UnixTime, stepSeconds: Int = 5, historyMinutes: Int = 1_500,
    delisted: Set<String> = [], model: SimulatedMarketModel = .standard
  ) {
    precondition(
      Self.validStepSeconds.contains(stepSeconds), "stepSeconds must divide 60, got \(stepSeconds)")
    var simulated: [Coin] = []
    var index: [String: Int] = [:]
    let successors = coins.compactMap { coin in
      coin.successorSymbol.flatMap {
        Coin(
          symbol: $0, exchange: coin.exchange, enabled: coin.enabled,
          minTradeAmount: coin.minTradeAmount, maxTradeAmount: coin.maxTradeAmount)
      }
    }
    for coin in coins + successors where index[coin.symbol.uppercased()] == nil {
      index[coin.symbol.uppercased()] = simulated.count
      simulated.append(coin)
    }
    let history = Swift.max(historyMinutes, 1_440)
    let originSeconds = (start.seconds / 60).rounded(.down) * 60 - Double(history) * 60
    self.seed = seed
    self.start = start
    self.stepSeconds = stepSeconds
    self.origin = UnixTime(seconds: originSeconds)
    self.coins = simulated
    self.delisted = Set(delisted.map { $0.uppercased() })
    self.model = model
    self.indexBySymbol = index
    var initial = SimulatedMarketPath(
      layout: .init(
        coins: simulated, seed: seed, model: model, origin: originSeconds, stepSeconds: stepSeconds,
        historyMinutes: history, retentionSteps: 3_600 / stepSeconds))
    initial.advance(to: initial.step(at: start))
    path = Mutex(initial)
  }

  public func listings(for coins: [Coin]) async throws -> [SymbolListing] {
    present(coins).map { _, coin in
      SymbolListing(
        symbol: coin.symbol, isTrading: true, status: coin.exchange == .coinbase ? "online" : "TRADING",
        baseAsset: coin.base.uppercased(), quoteAsset: coin.quote.uppercased())
    }
  }

  public func prices(for coins: [Coin], now: UnixTime) async throws -> [PriceQuote] {
    quotes(for: coins, now: now)
  }

  public func dailyStats(for coins: [Coin], now: UnixTime) async throws -> [DailyMarketStats] {
    let wanted = present(coins)
    return answer(at: now) { path, k in
      wanted.map { index, _ in path.dailyStats(of: path.tapes[index], at: k) }
    }
  }

  public func history(for coin: Coin, limit: Int, now: UnixTime) async throws -> [Candle] {
    guard let (index, _) = present([coin]).first else { return [] }
    return answer(at: now) { path, k in path.completedCandles(of: path.tapes[index], at: k, limit: limit) }
  }

  /// The latest quote of every present coin among `coins`, as of `now`, in the order asked.
  public func quotes(for coins: [Coin], now: UnixTime) -> [PriceQuote] {
    let wanted = present(coins)
    return answer(at: now) { path, k in wanted.map { index, _ in path.quote(of: path.tapes[index], at: k) } }
  }

  /// The regime `coin`'s asset is in as of `now`, or nil when the coin is not present — for
  /// demonstrations and tests.
  public func regime(of coin: Coin, now: UnixTime) -> MarketRegime? {
    guard let (index, _) = present([coin]).first else { return nil }
    return answer(at: now) { path, k in path.recordedStep(of: path.tapes[index], at: k).regime }
  }

  /// Candles and steps the first coin keeps now, and the fixed capacities of those buffers.
  var retainedCounts: (candles: Int, steps: Int, candleCapacity: Int, stepCapacity: Int) {
    path.withLock { path in
      let tape = path.tapes.first
      return (
        tape?.candles.count ?? 0, tape?.steps.count ?? 0, tape?.candles.capacity ?? 0,
        tape?.steps.capacity ?? 0
      )
    }
  }

  /// The tapes' indices of the coins among `coins` that are simulated and not delisted.
  private func present(_ coins: [Coin]) -> [(Int, Coin)] {
    coins.compactMap { coin in
      let key = coin.symbol.uppercased()
      guard !delisted.contains(key), let index = indexBySymbol[key] else { return nil }
      return (index, self.coins[index])
    }
  }

  /// Runs `body` on the path at the step of `now`, advancing or rebuilding it first.
  private func answer<Result: Sendable>(
    at now: UnixTime, _ body: (SimulatedMarketPath, Int) -> Result
  ) -> Result {
    path.withLock { path in
      let k = path.step(at: now)
      if k > path.stepIndex {
        path.advance(to: k)
      } else if !path.canAnswer(atStep: k) {
        path = SimulatedMarketPath(layout: path.layout)
        path.advance(to: k)
      }
      return body(path, k)
    }
  }
}
