import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf
import Synchronization

/// Each coin's state encoded once per engine version, for the unary reads (`GetCoinState`,
/// `ListCoinStates`, `GET /api/coinstate`) and the first message of every `WatchCoinStates`.
///
/// An entry is kept while the engine's `CoinStatesVersion` is the one it was encoded at — the
/// cache and the trading board change it on every update, so in practice a coin is encoded once
/// per engine tick however many requests read it, and a read never sees an older state than the
/// engine holds. Answers are byte for byte what encoding the mapped message per request gave.
final class CoinStateEncodings: Sendable {
  /// The wire form kept.
  enum Format: Sendable {
    /// Protobuf (gRPC).
    case protobuf
    /// Proto3 JSON (REST).
    case json
  }

  /// One coin's encodings at one version.
  struct Entry: Sendable {
    /// The version they were made at.
    var version: CoinStatesVersion
    /// The `CoinState` message alone.
    var message: [UInt8]
    /// Protobuf only: the message as one `states` element of `ListCoinStatesResponse` (field
    /// header included), so a list is these entries joined; empty for JSON.
    var listElement: [UInt8]
    /// Protobuf only: the message as one `states` element of `CoinStateUpdate` (field 4, header
    /// included), so a watch's snapshot is these entries joined; empty for JSON.
    var updateElement: [UInt8]
  }

  let format: Format
  private let entries = Mutex<[String: Entry]>([:])

  /// An empty cache of `format` encodings.
  init(format: Format) {
    self.format = format
  }

  /// The encodings of `state`, read at `version`: kept ones when still current, else made now.
  func entry(for state: CoinState, at version: CoinStatesVersion, engine: Engine) throws -> Entry {
    let symbol = state.coin.symbol
    if let kept = entries.withLock({ $0[symbol] }), kept.version == version { return kept }
    let message = engine.contract(state)
    let entry: Entry
    switch format {
    case .protobuf:
      entry = Entry(
        version: version, message: try message.serializedBytes(),
        listElement: try Autoengine_V1_ListCoinStatesResponse.with { $0.states = [message] }.serializedBytes(),
        updateElement: try Autoengine_V1_CoinStateUpdate.with { $0.states = [message] }.serializedBytes())
    case .json:
      entry = Entry(version: version, message: try message.jsonUTF8Bytes(), listElement: [], updateElement: [])
    }
    entries.withLock { $0[symbol] = entry }
    return entry
  }

  /// `ListCoinStatesResponse` of `states` (read at `version`) as of `asOf`, in this format.
  func list(_ states: [CoinState], at version: CoinStatesVersion, asOf: UnixTime, engine: Engine) throws -> [[UInt8]] {
    let tail = Autoengine_V1_ListCoinStatesResponse.with { $0.asOf = .init(asOf) }
    var parts: [[UInt8]] = []
    parts.reserveCapacity(states.count * 2 + 2)
    switch format {
    case .protobuf:
      // Field 1 (states) elements, then field 2 (as_of): the standard encoder's order.
      for state in states { parts.append(try entry(for: state, at: version, engine: engine).listElement) }
      parts.append(try tail.serializedBytes())
    case .json:
      // {"states":[a,b,…],"asOf":"…"} — swift-protobuf writes fields in number order too.
      let asOf: [UInt8] = try tail.jsonUTF8Bytes()
      guard !states.isEmpty else { return [asOf] }
      parts.append(Array(#"{"states":["#.utf8))
      for (index, state) in states.enumerated() {
        if index > 0 { parts.append([UInt8(ascii: ",")]) }
        parts.append(try entry(for: state, at: version, engine: engine).message)
      }
      parts.append(Array("],".utf8))
      parts.append(Array(asOf.dropFirst()))
    }
    return parts
  }

  /// Protobuf only: the snapshot `CoinStateUpdate` of a watch (message 1) of `states` (read at
  /// `version`) at `now`, from the kept encodings: every subscriber that starts while the engine
  /// stays at one version shares each coin's bytes instead of encoding all of them again.
  ///
  /// Fields in number order — 1 `sequence`, 2 `snapshot`, 4 `states`, 6 `tick_time`, 7
  /// `sent_at` — so the joined parts are what the standard encoder writes for the whole message.
  func snapshot(_ states: [CoinState], at version: CoinStatesVersion, now: UnixTime, engine: Engine) throws -> [[UInt8]]
  {
    precondition(format == .protobuf, "a watch snapshot is a protobuf message")
    var parts: [[UInt8]] = []
    parts.reserveCapacity(states.count + 2)
    parts.append(
      try Autoengine_V1_CoinStateUpdate.with {
        $0.sequence = 1
        $0.snapshot = true
      }.serializedBytes())
    for state in states { parts.append(try entry(for: state, at: version, engine: engine).updateElement) }
    parts.append(
      try Autoengine_V1_CoinStateUpdate.with {
        $0.tickTime = .init(now)
        $0.sentAt = .init(now)
      }.serializedBytes())
    return parts
  }
}
