import AsyncHTTPClient
import AutoEngineCore
import AutoEngineExchanges
import AutoEngineTestSupport
import FoundationEssentials
import Logging

@testable import AutoEngineRuntime

/// A running mock exchange and the live brokers `LiveBrokers.make` builds for it from an
/// environment holding the mock's credentials; budgets without backoff, so a lookup may follow a
/// failed submit at once.
struct LiveBrokerHarness {
  let mock: MockExchangeServer
  let brokers: [Exchange: any Broker]
  let refusals: [Exchange: String]

  var state: MockExchangeState { mock.state }

  /// The environment variables of the mock's credentials.
  static func environment(_ state: MockExchangeState) -> [String: String] {
    [
      "AUTOENGINE_BINANCEUS_API_KEY": state.credentials.binanceUSAPIKey,
      "AUTOENGINE_BINANCEUS_API_SECRET": state.credentials.binanceUSSecret,
      "AUTOENGINE_COINBASE_KEY_NAME": state.credentials.coinbaseKeyName,
      "AUTOENGINE_COINBASE_PRIVATE_KEY": state.credentials.coinbasePrivateKeyPEM,
    ]
  }

  static var quietLogger: Logger {
    var logger = Logger(label: "test-brokers")
    logger.logLevel = .critical
    return logger
  }

  /// Budgets that admit plenty and never back off.
  static var budgets: [Exchange: RequestBudget] {
    let policy = RequestBudgetPolicy(limit: 10_000, windowSeconds: 1, baseBackoffSeconds: 0, maxBackoffSeconds: 0)
    return [
      .binanceUS: RequestBudget(service: "Binance.US", policy: policy),
      .coinbase: RequestBudget(service: "Coinbase", policy: policy),
    ]
  }

  func broker(_ exchange: Exchange) throws -> any Broker {
    guard let broker = brokers[exchange] else { throw HarnessError.noBroker(exchange) }
    return broker
  }

  enum HarnessError: Error {
    case noBroker(Exchange)
  }

  /// The new-order endpoint of `exchange` (for faults and call counts).
  static func newOrderEndpoint(_ exchange: Exchange) -> MockEndpoint {
    exchange == .coinbase ? .coinbaseCreateOrder : .binanceNewOrder
  }

  /// Runs `body` against a fresh mock serving BTC and ETH on both exchanges.
  static func run(timeout: Double = 5, _ body: (LiveBrokerHarness) async throws -> Void) async throws {
    let state = MockExchangeState(
      markets: ["BTC-USD", "ETH-USD", "BTCUSDT", "ETHUSDT"].map {
        MockMarket(symbol: $0, price: $0.hasPrefix("BTC") ? 65_000 : 3_400)
      })
    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    do {
      try await MockExchangeServer.withRunning(state: state) { mock in
        let made = LiveBrokers.make(
          environment: environment(state), coinbaseURL: mock.coinbaseBaseURL, binanceURL: mock.binanceUSBaseURL,
          httpClient: http, settings: HTTPRequestSettings(timeoutSeconds: timeout), budgets: budgets,
          logger: quietLogger)
        try await body(LiveBrokerHarness(mock: mock, brokers: made.brokers, refusals: made.refusals))
      }
      try await http.shutdown()
    } catch {
      try? await http.shutdown()
      throw error
    }
  }
}

/// An order of BTC on `exchange` in the intent state.
func btcOrder(
  _ exchange: Exchange, _ id: String, side: OrderSide = .buy, type: OrderType = .market, amount: OrderAmount,
  limit: Decimal? = nil
) -> Order {
  Order(
    clientOrderId: id, symbol: exchange == .coinbase ? "BTC-USD" : "BTCUSDT", exchange: exchange, baseAsset: "BTC",
    quoteAsset: exchange == .coinbase ? "USD" : "USDT", side: side, type: type, amount: amount, limitPrice: limit,
    origin: .manual, reason: "test", createdAt: UnixTime(seconds: 0), mode: .live)
}

/// Runs `body`, expecting a `BrokerError`, and returns it (nil when it succeeded).
func brokerError<T>(_ body: () async throws -> T) async -> BrokerError? {
  do {
    _ = try await body()
    return nil
  } catch let error as BrokerError {
    return error
  } catch {
    return nil
  }
}
