import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

/// `CoinStateUpdate`s in wire form for `WatchCoinStates`, with each engine tick encoded once.
///
/// A subscriber that received a tick exactly as published (the common case: no filter, keeping
/// up) is sent the tick's shared encoding of fields 4 (`states`), 5 (`conflated`: the tick's
/// upstream count, usually 0) and 6 (`tick_time`), between its own field 1 (`sequence`) and
/// field 7 (`sent_at`): fields in number order, so the bytes are exactly those of the whole
/// message encoded at once. `snapshot`/`heartbeat` (2, 3) are false.
/// Every other batch is that subscriber's own message, encoded for it.
enum CoinStateUpdateWire {
  /// Name of the shared encoding in `PublishedTick`.
  static let format = "autoengine.v1.CoinStateUpdate/protobuf"

  /// The update for `batch` as message `sequence` of a stream, sent at `sentAt`.
  static func update(
    _ batch: CoinStateBatch, sequence: UInt64, sentAt: UnixTime, engine: Engine
  ) throws -> WireMessage {
    guard let tick = batch.tick else {
      let update = Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = sequence
        $0.states = batch.states.map(engine.contract)
        $0.conflated = batch.conflated
        $0.tickTime = .init(batch.tickTime)
        $0.sentAt = .init(sentAt)
      }
      return WireMessage(try update.serializedBytes())
    }
    return WireMessage(
      try Autoengine_V1_CoinStateUpdate.with { $0.sequence = sequence }.serializedBytes(),
      try shared(tick, engine: engine),
      try Autoengine_V1_CoinStateUpdate.with { $0.sentAt = .init(sentAt) }.serializedBytes())
  }

  /// The tick's shared encoding — fields 4 (each state as `engine.contract` maps it, in the
  /// tick's order), 5 and 6 — made by the first caller and kept in the tick for the others.
  static func shared(_ tick: PublishedTick, engine: Engine) throws -> [UInt8] {
    try tick.sharedEncoding(format) {
      try fields(states: tick.states.map(engine.contract), conflated: tick.conflated, tickTime: tick.tickTime)
    }
  }

  /// Fields 4 (`states`), 5 and 6 of an update: what `shared` keeps for a tick of `states`.
  static func fields(
    states: [Autoengine_V1_CoinState], conflated: UInt64, tickTime: UnixTime
  ) throws -> [UInt8] {
    try Autoengine_V1_CoinStateUpdate.with {
      $0.states = states
      $0.conflated = conflated
      $0.tickTime = .init(tickTime)
    }.serializedBytes()
  }

  /// A whole message, encoded for one stream (a heartbeat).
  static func own(_ update: Autoengine_V1_CoinStateUpdate) throws -> WireMessage {
    WireMessage(try update.serializedBytes())
  }
}
