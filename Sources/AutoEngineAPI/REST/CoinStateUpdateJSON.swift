import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

/// The proto3 JSON of `CoinStateUpdate`s for the Server-Sent Events stream, with each engine tick
/// encoded once.
///
/// swift-protobuf writes a message's fields in number order without whitespace, so the JSON of an
/// update is `{"sequence":"N",` + the tick's `"states":[…],"tickTime":"…"` (with `"conflated"`
/// between them when an upstream conflated) + `,"sentAt":"…"}`:
/// the middle part is the same for every subscriber that received the tick unchanged and is
/// made once (`PublishedTick.sharedEncoding`); the rest is this stream's own. A batch that is not
/// the published tick (filtered, conflated) is encoded whole for its subscriber.
enum CoinStateUpdateJSON {
  /// Name of the shared encoding in `PublishedTick`.
  static let format = "autoengine.v1.CoinStateUpdate/json-fields"

  /// The JSON of the update for `batch` as message `sequence` of a stream, sent at `sentAt`.
  static func update(_ batch: CoinStateBatch, sequence: UInt64, sentAt: UnixTime, engine: Engine) throws -> String {
    guard let tick = batch.tick else {
      return try Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = sequence
        $0.states = batch.states.map(engine.contract)
        $0.conflated = batch.conflated
        $0.tickTime = .init(batch.tickTime)
        $0.sentAt = .init(sentAt)
      }.jsonString()
    }
    let fields: String = try tick.sharedEncoding(format) {
      let object = try Autoengine_V1_CoinStateUpdate.with {
        $0.states = tick.states.map(engine.contract)
        $0.conflated = tick.conflated
        $0.tickTime = .init(tick.tickTime)
      }.jsonString()
      return String(object.dropFirst().dropLast())  // without the braces
    }
    let head = try Autoengine_V1_CoinStateUpdate.with { $0.sequence = sequence }.jsonString().dropLast()
    let tail = try Autoengine_V1_CoinStateUpdate.with { $0.sentAt = .init(sentAt) }.jsonString().dropFirst()
    return head + "," + fields + "," + tail
  }
}
