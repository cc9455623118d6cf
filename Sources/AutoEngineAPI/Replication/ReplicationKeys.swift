/// Where the engine and its API replicas meet in Redis: every key and channel under one prefix
/// (`cache.redis_prefix`, default `autoengine:`), so several deployments can share a server.
///
/// Values are the contract's protobuf messages (binary), the same bytes gRPC clients receive.
public struct ReplicationKeys: Sendable, Equatable {
  /// The prefix of every key and channel, e.g. `autoengine:`.
  public var prefix: String

  /// Keys under `prefix`.
  public init(prefix: String = "autoengine:") {
    self.prefix = prefix
  }

  /// Hash: field = configured symbol, value = `autoengine.v1.CoinState` — the latest state of
  /// every coin, for a replica's snapshot.
  public var coinStates: String { prefix + "coin_states" }

  /// Channel: one `autoengine.v1.CoinStateUpdate` per engine tick (the changed coins, the tick
  /// time, and the engine's publication sequence number: 1, 2, 3… since the engine started).
  public var ticksChannel: String { prefix + "ticks" }

  /// Channel: one `autoengine.v1.TradeEvent` per trade event (decisions, orders, fills).
  public var tradeEventsChannel: String { prefix + "trade_events" }

  /// Hash: field = configured symbol, value = `autoengine.v1.CoinSignals` — every strategy's
  /// latest signal of the coin with its reason, for a replica's GetSignals.
  public var signals: String { prefix + "signals" }

  /// Channel: one `autoengine.v1.ListSignalsResponse` per engine tick that evaluated strategies
  /// (the coins evaluated), published right after that tick.
  public var signalsChannel: String { prefix + "signal_updates" }

  /// String: the engine's trading board (`TradingBoardText`), for a replica's trading blocks.
  public var tradingBoard: String { prefix + "trading_board" }

  /// Channel: the whole trading board (`TradingBoardText`) whenever it changed since the
  /// previous tick, published before that tick.
  public var tradingBoardChannel: String { prefix + "trading_board_updates" }

  /// Hash: the publishing engine's `version` and `started_at` (Unix seconds).
  public var engineInfo: String { prefix + "engine" }
}
