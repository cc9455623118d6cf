import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_ListCoinsResponse {
  /// The contract's coin listing.
  init(_ listing: CoinListing) {
    self.init()
    coins = listing.coins.map { Autoengine_V1_Coin($0.coin, resolution: $0.resolution) }
    total = UInt32(listing.total)
    enabled = UInt32(listing.enabled)
    for (exchange, count) in listing.perExchange { perExchange[exchange.rawValue] = UInt32(count) }
  }
}

extension Autoengine_V1_ListCoinStatesResponse {
  /// The contract's list of coin states, each with its trading state from `engine`.
  init(_ states: [CoinState], asOf: UnixTime, engine: Engine) {
    self.init()
    self.states = states.map(engine.contract)
    self.asOf = .init(asOf)
  }
}

extension Autoengine_V1_ListStrategiesResponse {
  /// The contract's strategy catalogue.
  init(_ strategies: [(strategy: any Strategy, weight: Double)]) {
    self.init()
    self.strategies = strategies.map { Autoengine_V1_StrategyInfo($0.strategy, weight: $0.weight) }
  }
}

extension Autoengine_V1_ListSignalsResponse {
  /// The contract's signals of many coins.
  init(_ signals: [CoinSignals], firedOnly: Bool, asOf: UnixTime) {
    self.init()
    coins = signals.map { Autoengine_V1_CoinSignals($0, firedOnly: firedOnly) }
    self.asOf = .init(asOf)
  }
}

extension Autoengine_V1_SignalsUpdate {
  /// One message of WatchSignals carrying `coins`.
  init(sequence: UInt64, snapshot: Bool, coins: [CoinSignals], firedOnly: Bool, tickTime: UnixTime, sentAt: UnixTime) {
    self.init()
    self.sequence = sequence
    self.snapshot = snapshot
    self.coins = coins.map { Autoengine_V1_CoinSignals($0, firedOnly: firedOnly) }
    self.tickTime = .init(tickTime)
    self.sentAt = .init(sentAt)
  }
}
