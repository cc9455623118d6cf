/// What one `WatchCoinStates` subscriber saw during a fan-out run: sequence continuity,
/// conflation, tick-to-delivery latency.
///
/// Sequence numbers are per stream (1 for the snapshot, +1 per message, heartbeats included),
/// so a skipped number is a lost message and a number not above the previous one is out of
/// order. Conflation never skips a number: it merges ticks into one message and says so in
/// `conflated`.
struct StreamTally: Sendable {
  /// One received update (not snapshot, not heartbeat).
  struct Update: Sendable, Equatable {
    /// The engine tick's time, nanoseconds since 1970.
    var tick: Int64
    /// Receive time minus tick time, nanoseconds.
    var latency: Int64
    /// When the server handed it to the stream (its `sent_at`), nanoseconds since 1970.
    var sent: Int64 = 0
    /// Updates conflated into this one.
    var conflated: UInt64
    /// Coin states it carried.
    var states: Int
  }

  /// The highest sequence number seen.
  private(set) var lastSequence: UInt64 = 0
  /// Messages received (snapshot and heartbeats included).
  private(set) var messages = 0
  /// Whether the snapshot (first message) arrived.
  private(set) var hasSnapshot = false
  /// Heartbeats received.
  private(set) var heartbeats = 0
  /// Sequence numbers never received (gaps).
  private(set) var lost: UInt64 = 0
  /// Messages whose sequence number was not above the previous one.
  private(set) var outOfOrder = 0
  /// Every update received, in order.
  private(set) var updates: [Update] = []

  init() {}

  /// Counts one received message, read at `receivedAt` (nanoseconds since 1970).
  mutating func record(_ header: UpdateHeader, receivedAt: Int64) {
    messages += 1
    if header.sequence <= lastSequence {
      outOfOrder += 1
    } else {
      lost += header.sequence - lastSequence - 1
      lastSequence = header.sequence
    }
    if header.snapshot {
      hasSnapshot = true
    } else if header.heartbeat {
      heartbeats += 1
    } else {
      updates.append(
        Update(
          tick: header.tickTimeNanos, latency: receivedAt - header.tickTimeNanos, sent: header.sentAtNanos,
          conflated: header.conflated, states: header.stateCount))
    }
  }
}

/// The tallies of every subscriber of a run, summed over a measurement window of tick times.
struct FanoutTotals: Sendable {
  /// Subscribers.
  var subscribers = 0
  /// Subscribers that had nothing conflated in the window.
  var keptUp = 0
  /// Messages received in total (whole run).
  var messages = 0
  /// Lost (skipped) and out-of-order messages over every subscriber (whole run).
  var lost: UInt64 = 0, outOfOrder = 0
  /// Updates conflated in the window, over every subscriber.
  var conflated: UInt64 = 0
  /// Ticks of the window that some subscriber received and a subscriber that kept up did not,
  /// summed over those subscribers (must be 0).
  var missedTicks = 0
  /// Distinct ticks in the window.
  var ticks = 0
  /// Mean coin states per update in the window.
  var statesPerUpdate = 0.0
  /// Tick-to-delivery latencies of every update in the window, nanoseconds.
  var latencies: [Int64] = []
  /// Tick-to-hand-over times (`sent_at` − tick) of the same updates, nanoseconds.
  var handovers: [Int64] = []

  /// Sums `tallies` over the updates of ticks in `window` (nanoseconds since 1970).
  init(_ tallies: [StreamTally], window: ClosedRange<Int64>) {
    var published = Set<Int64>()
    for tally in tallies { published.formUnion(tally.updates.lazy.map(\.tick).filter(window.contains)) }
    ticks = published.count
    subscribers = tallies.count
    var states = 0
    for tally in tallies {
      messages += tally.messages
      lost += tally.lost
      outOfOrder += tally.outOfOrder
      let measured = tally.updates.filter { window.contains($0.tick) }
      let conflatedHere = measured.reduce(0) { $0 + $1.conflated }
      conflated += conflatedHere
      latencies += measured.map(\.latency)
      handovers += measured.filter { $0.sent != 0 }.map { $0.sent - $0.tick }  // 0: no `sent_at`
      states += measured.reduce(0) { $0 + $1.states }
      if conflatedHere == 0 {
        keptUp += 1
        missedTicks += published.subtracting(measured.map(\.tick)).count
      }
    }
    statesPerUpdate = latencies.isEmpty ? 0 : Double(states) / Double(latencies.count)
  }
}
