import AutoEngineCore
import AutoEngineRuntime
import SwiftProtobuf

extension Autoengine_V1_TradeEvent {
  /// One trade event as the `sequence`-th message of a stream.
  ///
  /// Its time is when the event happened where the event says (an order's `updated_at`, a
  /// fill's or a decision's time), otherwise `now`.
  init(sequence: UInt64, event: TradeEvent, now: UnixTime) {
    self.init()
    self.sequence = sequence
    switch event {
    case .order(let order):
      time = .init(order.updatedAt)
      self.order = .init(order)
    case .fill(let fill):
      time = .init(fill.time)
      self.fill = .init(fill)
    case .decision(let decision):
      time = .init(decision.time)
      self.decision = .init(decision)
    case .position(let report):
      time = .init(now)
      position = .init(report)
    case .autobuy(let state):
      time = .init(now)
      autobuy = .init(state)
    }
  }

  /// The first message of a stream (sequence 1): open orders, open positions, autobuy state.
  init(snapshot: TradeSnapshot, now: UnixTime) {
    self.init()
    sequence = 1
    time = .init(now)
    self.snapshot = .with {
      $0.openOrders = snapshot.openOrders.map(Autoengine_V1_Order.init)
      $0.positions = snapshot.positions.map(Autoengine_V1_Position.init)
      $0.autobuyRunning = snapshot.autobuy.running
    }
  }

  /// A keep-alive message carrying the time only.
  init(heartbeatAt now: UnixTime, sequence: UInt64) {
    self.init()
    self.sequence = sequence
    time = .init(now)
    heartbeat = Autoengine_V1_Heartbeat()
  }

  /// The SSE event name of this message: `snapshot`, `order`, `fill`, `decision`, `position`,
  /// `autobuy` or `heartbeat`.
  var kind: String {
    switch event {
    case .snapshot: "snapshot"
    case .order: "order"
    case .fill: "fill"
    case .decision: "decision"
    case .position: "position"
    case .autobuy: "autobuy"
    case .heartbeat, nil: "heartbeat"
    }
  }
}
