public import AutoEngineCore
import Synchronization

/// One engine tick as the hub published it: the states that changed, and the transports'
/// encodings of them, each made once and shared by every subscriber that receives this tick
/// unchanged.
///
/// The hub knows no wire format; a transport asks for its encoding under a name of its own
/// (`"protobuf"`, `"json"`) and the first subscriber to deliver the tick makes it while the
/// others wait for it, so a tick is encoded once per format however many subscribers there are.
public final class PublishedTick: Sendable {
  /// The states published in this tick, in publication order.
  public let states: [CoinState]
  /// Time of the engine tick.
  public let tickTime: UnixTime
  /// Updates replaced before this tick was published at all — by an upstream that conflated,
  /// such as the engine's Redis publisher while Redis was slow (0 for the engine's own ticks).
  /// Every subscriber's batch counts them.
  public let conflated: UInt64
  /// Whether no coin appears twice in `states` (then a subscriber may take them as they are).
  let hasDistinctSymbols: Bool
  private let encodings: Mutex<[String: any Sendable]>

  /// A tick of `states` at `tickTime`, `conflated` upstream; `encodings` are ones already made
  /// (by name, as `sharedEncoding` keeps them), e.g. an API replica's tick arrives encoded by
  /// the engine.
  public init(states: [CoinState], tickTime: UnixTime, conflated: UInt64 = 0, encodings: [String: any Sendable] = [:]) {
    self.states = states
    self.tickTime = tickTime
    self.conflated = conflated
    self.encodings = Mutex(encodings)
    hasDistinctSymbols = Set(states.map(\.coin.symbol)).count == states.count
  }

  /// The encoding named `format`, made by `encode` on first use and kept for later callers.
  ///
  /// `encode` runs at most once per format (callers asking meanwhile wait for it); if it throws,
  /// nothing is kept and the next caller tries again.
  public func sharedEncoding<Encoding: Sendable>(
    _ format: String, _ encode: () throws -> Encoding
  ) throws -> Encoding {
    try encodings.withLock { encodings in
      if let kept = encodings[format] as? Encoding { return kept }
      let made = try encode()
      encodings[format] = made
      return made
    }
  }

  /// Number of formats encoded so far (for tests and metrics).
  public var encodingCount: Int { encodings.withLock { $0.count } }
}
