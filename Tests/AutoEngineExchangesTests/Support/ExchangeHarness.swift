import AsyncHTTPClient
import AutoEngineCore
import AutoEngineTestSupport
import Logging

@testable import AutoEngineExchanges

/// The test target's `BudgetClock`: a `ManualClock` shared with the mock exchange.
struct ManualBudgetClock: BudgetClock {
  let clock: ManualClock

  func now() -> UnixTime { clock.now() }

  func sleep(until deadline: UnixTime) async throws { try await clock.sleep(until: deadline) }
}

/// A deterministic random number generator (SplitMix64) for backoff jitter.
struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A running mock exchange, a manual clock shared by the mock and the clients, and an HTTP
/// client, for one test.
struct ExchangeHarness {
  let mock: MockExchangeServer
  let clock: ManualClock
  let http: HTTPClient

  var state: MockExchangeState { mock.state }

  /// A logger that stays quiet unless something is badly wrong.
  static var quietLogger: Logger {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
  }

  func budget(_ service: String, _ policy: RequestBudgetPolicy, seed: UInt64 = 7) -> RequestBudget {
    RequestBudget(
      service: service, policy: policy, clock: ManualBudgetClock(clock: clock), random: SeededRandom(seed: seed))
  }

  func coinbase(policy: RequestBudgetPolicy = .coinbasePublic, timeout: Double = 5) -> CoinbaseMarketData {
    CoinbaseMarketData(
      baseURL: mock.coinbaseBaseURL, settings: HTTPRequestSettings(timeoutSeconds: timeout), httpClient: http,
      budget: budget("Coinbase", policy), logger: Self.quietLogger)
  }

  func binance(policy: RequestBudgetPolicy = .binanceUS, timeout: Double = 5) -> BinanceUSMarketData {
    BinanceUSMarketData(
      baseURL: mock.binanceUSBaseURL, settings: HTTPRequestSettings(timeoutSeconds: timeout), httpClient: http,
      budget: budget("Binance.US", policy), logger: Self.quietLogger)
  }

  /// A Binance.US order client signing with the mock's key and `secret` (default: the mock's).
  func binanceOrders(
    secret: String? = nil, policy: RequestBudgetPolicy = .binanceUS, clock: ManualClock? = nil, timeout: Double = 5
  ) -> BinanceUSOrderClient {
    let signer = BinanceUSSigner(
      apiKey: state.credentials.binanceUSAPIKey, secret: secret ?? state.credentials.binanceUSSecret)
    let budget = RequestBudget(
      service: "Binance.US", policy: policy, clock: ManualBudgetClock(clock: clock ?? self.clock),
      random: SeededRandom(seed: 7))
    return BinanceUSOrderClient(
      baseURL: mock.binanceUSBaseURL, signer: signer, settings: HTTPRequestSettings(timeoutSeconds: timeout),
      httpClient: http, budget: budget, logger: Self.quietLogger)
  }

  /// A Coinbase order client signing with the mock's key.
  func coinbaseOrders(policy: RequestBudgetPolicy = .coinbasePrivate, timeout: Double = 5) throws -> CoinbaseOrderClient
  {
    let jwt = try CoinbaseJWT(
      keyName: state.credentials.coinbaseKeyName, privateKeyPEM: state.credentials.coinbasePrivateKeyPEM)
    return CoinbaseOrderClient(
      baseURL: mock.coinbaseBaseURL, jwt: jwt, settings: HTTPRequestSettings(timeoutSeconds: timeout), httpClient: http,
      budget: budget("Coinbase", policy), logger: Self.quietLogger)
  }

  func swpc(flareFeed: SWPCClient.FlareFeed = .latest, timeout: Double = 5) -> SWPCClient {
    SWPCClient(
      baseURL: mock.swpcBaseURL, flareFeed: flareFeed, settings: HTTPRequestSettings(timeoutSeconds: timeout),
      httpClient: http, budget: budget("NOAA SWPC", .swpc), logger: Self.quietLogger)
  }

  /// Runs `body` against a fresh mock serving `markets` (default: the seed's coins of both
  /// exchanges, MATIC delisted) and `solar` (default: `MockSolarFeeds.sample`).
  static func run(
    markets: [MockMarket]? = nil, solar: MockSolarFeeds? = nil, _ body: (ExchangeHarness) async throws -> Void
  ) async throws {
    let clock = ManualClock()
    let state = MockExchangeState(
      markets: markets ?? (MockMarket.seedMarkets(on: .coinbase) + MockMarket.seedMarkets(on: .binanceUS)),
      solar: solar ?? .sample(endingAt: clock.now()), now: { clock.now() })
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    do {
      try await MockExchangeServer.withRunning(state: state) { mock in
        try await body(ExchangeHarness(mock: mock, clock: clock, http: http))
      }
      try await http.shutdown()
    } catch {
      try? await http.shutdown()
      throw error
    }
  }
}

/// Runs `body`, expecting it to throw an `OrderAPIError`, and returns that error (nil when it
/// succeeded or threw something else).
func orderError<T>(_ body: () async throws -> T) async -> OrderAPIError? {
  do {
    _ = try await body()
    return nil
  } catch let error as OrderAPIError {
    return error
  } catch {
    return nil
  }
}

/// Runs `body`, expecting it to throw an `ExchangeError`, and returns that error (nil when it
/// succeeded or threw something else).
func exchangeError(_ body: () async throws -> some Any) async -> ExchangeError? {
  do {
    _ = try await body()
    return nil
  } catch let error as ExchangeError {
    return error
  } catch {
    return nil
  }
}
