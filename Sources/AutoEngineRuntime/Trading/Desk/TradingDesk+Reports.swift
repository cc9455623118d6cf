public import AutoEngineCore
public import FoundationEssentials

extension TradingDesk {
  /// Trading state and statistics now (balances re-read when an order changed them since).
  public func info() async throws(EngineError) -> TradingInfoReport {
    await refreshBalances()
    let orderCounts = try journalCall { try journal.orderCounts() }
    let refusals = try journalCall { try journal.refusalCounts() }
    var symbols = Set(orderCounts.keys).union(refusals.keys).union(book.open.keys)
    symbols.formUnion(book.closed.map(\.symbol))
    var perCoin: [TradingStatistics] = []
    var totals = TradingStatistics()
    for symbol in symbols.sorted() {
      var stats = TradingStatistics(symbol: symbol)
      if let counts = orderCounts[symbol] {
        stats.attempted = counts.attempted
        stats.succeeded = counts.succeeded
        stats.failed = counts.failed
        stats.reasons = counts.failureReasons
      }
      for (code, count) in refusals[symbol] ?? [:] {
        stats.refused += count
        stats.reasons[code, default: 0] += count
      }
      stats.realizedPnl = book.realizedPnl(symbol: symbol)
      if let position = book.open[symbol] { stats.unrealizedPnl = report(for: position).unrealizedPnl }
      (stats.wins, stats.losses) = book.roundTrips(symbol: symbol)
      totals.add(stats)
      perCoin.append(stats)
    }
    return TradingInfoReport(
      autobuy: autobuy, mode: mode, broker: brokerNames, totals: totals, perCoin: perCoin,
      positions: book.open.values.sorted { $0.openedAt < $1.openedAt }.map(report(for:)),
      openOrders: openOrders.values.sorted { $0.createdAt < $1.createdAt },
      balances: balances.values.sorted { $0.asset < $1.asset }, configuration: configuration)
  }

  /// Positions, open ones first (oldest first), then — when asked — closed ones, newest first.
  ///
  /// - Throws: NOT_FOUND for a symbol that is not configured.
  public func positions(symbol: String? = nil, includeClosed: Bool = false) throws(EngineError) -> [PositionReport] {
    let wanted = try knownSymbol(symbol)
    let open = book.open.values.filter { wanted == nil || $0.symbol == wanted }.sorted { $0.openedAt < $1.openedAt }
    var result = open.map(report(for:))
    if includeClosed {
      result += book.closed.reversed().filter { wanted == nil || $0.symbol == wanted }.map(report(for:))
    }
    return result
  }

  /// Orders, newest first, from the journal.
  public func orders(_ query: OrderQuery) throws(EngineError) -> JournalPage<Order> {
    var query = query
    query.symbol = try knownSymbol(query.symbol)
    let finalQuery = query
    return try journalCall { try journal.orders(finalQuery) }
  }

  /// Trade decisions, newest first, from the journal.
  public func decisions(_ query: DecisionQuery) throws(EngineError) -> JournalPage<TradeDecision> {
    var query = query
    query.symbol = try knownSymbol(query.symbol)
    let finalQuery = query
    return try journalCall { try journal.decisions(finalQuery) }
  }

  /// The catalogue's spelling of `symbol` (nil stays nil).
  ///
  /// - Throws: NOT_FOUND for a symbol that is not configured.
  func knownSymbol(_ symbol: String?) throws(EngineError) -> String? {
    guard let symbol, !symbol.isEmpty else { return nil }
    guard let coin = coin(for: symbol) else {
      throw EngineError(.notFound, "unknown symbol '\(symbol)': list the coins with GET /api/coins")
    }
    return coin.symbol
  }

  /// A position with the current price and the exit rules' trigger prices.
  func report(for position: Position) -> PositionReport {
    let price = market[position.symbol.uppercased()]?.price
    guard position.isOpen, let prices = position.exitPrices else {
      return PositionReport(position: position, currentPrice: price)
    }
    let stop = exitPolicy.stopLossPercent > 0 ? prices.entryPrice * (1 - exitPolicy.stopLossPercent / 100) : nil
    let take = exitPolicy.takeProfitPercent > 0 ? prices.entryPrice * (1 + exitPolicy.takeProfitPercent / 100) : nil
    var trailing: Decimal?
    let percent = exitPolicy.trailingStopPercent
    if percent > 0, prices.highestPrice >= prices.entryPrice * (1 + percent / 100) {
      trailing = prices.highestPrice * (1 - percent / 100)
    }
    return PositionReport(
      position: position, currentPrice: price, stopLossPrice: stop, takeProfitPrice: take, trailingStopPrice: trailing)
  }
}

/// What `WatchTradeEvents` sends first: open orders, open positions, autobuy state.
public struct TradeSnapshot: Sendable {
  /// Orders not final yet, oldest first.
  public var openOrders: [Order]
  /// Open positions.
  public var positions: [PositionReport]
  /// Whether autobuy runs, and the kill switch.
  public var autobuy: AutobuyState
}

extension TradingDesk {
  /// The snapshot of `symbols` (all when empty).
  public func snapshot(symbols: Set<String>) -> TradeSnapshot {
    let wanted = Set(symbols.map { coin(for: $0)?.symbol ?? $0 })
    return TradeSnapshot(
      openOrders: openOrders.values.filter { wanted.isEmpty || wanted.contains($0.symbol) }
        .sorted { $0.createdAt < $1.createdAt },
      positions: book.open.values.sorted { $0.openedAt < $1.openedAt }.map(report(for:)).filter {
        wanted.isEmpty || wanted.contains($0.position.symbol)
      }, autobuy: autobuy)
  }
}
