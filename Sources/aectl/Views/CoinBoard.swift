import AutoEngineAPI
import Synchronization

/// The live table of `aectl watch`: the newest state of each selected coin, built from the
/// WatchCoinStates snapshot and its updates, with a status line; open positions come from the
/// WatchTradeEvents stream.
final class CoinBoard: Sendable {
  private struct State {
    var order: [String] = []
    var states: [String: Autoengine_V1_CoinState] = [:]
    var positions: [String: Autoengine_V1_Position] = [:]
    var sequence: UInt64 = 0
    var conflated: UInt64 = 0
    var gaps = 0
    var tickTime: String = "—"
    var status = "connecting…"
    var connected = false
  }

  private let state = Mutex(State())
  /// The server shown in the header.
  let server: String

  init(server: String) {
    self.server = server
  }

  /// Applies one stream message: a snapshot replaces every coin, an update replaces the coins
  /// it carries, a heartbeat only advances the sequence.
  func apply(_ update: Autoengine_V1_CoinStateUpdate) {
    state.withLock { board in
      if update.snapshot {
        board.order = update.states.map(\.symbol)
        board.states = [:]
      } else if board.sequence > 0, update.sequence != board.sequence + 1 {
        board.gaps += 1
      }
      for coin in update.states {
        if board.states[coin.symbol] == nil, !board.order.contains(coin.symbol) { board.order.append(coin.symbol) }
        board.states[coin.symbol] = coin
      }
      board.sequence = update.sequence
      board.conflated += update.conflated
      if update.hasTickTime { board.tickTime = NumberText.clock(update.tickTime) }
    }
  }

  /// Applies a trade event: the snapshot's positions replace all, a position event replaces or
  /// (when closed) removes its coin's.
  func apply(_ event: Autoengine_V1_TradeEvent) {
    state.withLock { board in
      switch event.event {
      case .snapshot(let snapshot):
        board.positions = Dictionary(snapshot.positions.map { ($0.symbol, $0) }) { _, newer in newer }
      case .position(let position):
        let open = !position.hasClosedAt && NumberText.isNonZero(position.baseQuantity)
        board.positions[position.symbol] = open ? position : nil
      default:
        break
      }
    }
  }

  /// Records a connection event for the status line.
  func note(_ event: StreamEvent) {
    state.withLock { board in
      switch event {
      case .connected(let reconnected):
        board.connected = true
        board.status = reconnected ? "reconnected" : "connected"
      case .reconnecting(let reason, let delay, let attempt):
        board.connected = false
        board.status = "\(reason); reconnecting in \(delay.secondsText) (attempt \(attempt))"
      }
    }
  }

  /// The frame: a header, the table and the status line.
  func lines(_ style: TextStyle) -> [String] {
    state.withLock { board in
      var table = Table(Autoengine_V1_CoinState.rowTitles)
      for symbol in board.order {
        guard let coin = board.states[symbol] else { continue }
        table.append(coin.rowCells(position: board.positions[symbol]))
      }
      let stale = board.states.values.filter(\.freshness.stale).count
      let marker = style.paint("●", board.connected ? .green : .yellow)
      var status = "\(marker) \(board.status) · seq \(board.sequence) · conflated \(board.conflated)"
      if board.gaps > 0 { status += " · gaps \(board.gaps)" }
      status += " · tick \(board.tickTime) · \(NumberText.counted(board.order.count, "coin")), \(stale) stale"
      let header = style.paint("aectl watch — \(server)", .bold) + style.paint("   Ctrl-C to exit", .dim)
      return [header, ""] + table.lines(style) + ["", status]
    }
  }
}

extension Duration {
  /// Seconds as "0.5 s" or "2 s".
  var secondsText: String {
    let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
  }
}
