public import AutoEngineCore

/// The trading calls every transport makes: one-liners into the trading desk, answering in
/// domain types. Each throws FIX_CONFIGURATION when the engine runs without a desk.
extension Engine {
  /// The desk, or the error of an engine without one.
  public nonisolated func tradingDesk() throws(EngineError) -> TradingDesk {
    guard let trading else {
      throw EngineError(.fixConfiguration, "trading is not enabled on this server")
    }
    return trading
  }

  /// `GetTradingInfo`: state, statistics, positions, open orders, balances, rules.
  public nonisolated func tradingInfo() async throws(EngineError) -> TradingInfoReport {
    try await tradingDesk().info()
  }

  /// `StartAutobuy`: the state afterwards, whether it changed, and a sentence saying so.
  public nonisolated func startAutobuy() async throws(EngineError) -> (
    state: AutobuyState, changed: Bool, message: String
  ) {
    let desk = try tradingDesk()
    let (state, changed) = await desk.startAutobuy()
    let mode = desk.mode.rawValue
    return (state, changed, changed ? "autobuy started (\(mode) mode)" : "autobuy was already running (\(mode) mode)")
  }

  /// `StopAutobuy`: the state afterwards, whether it changed, and a sentence saying so.
  public nonisolated func stopAutobuy() async throws(EngineError) -> (
    state: AutobuyState, changed: Bool, message: String
  ) {
    let (state, changed) = await try tradingDesk().stopAutobuy()
    return (state, changed, changed ? "autobuy stopped; open orders and positions are kept" : "autobuy was not running")
  }

  /// `PlaceOrder`: a manual order through the same limits and journal as autobuy.
  public nonisolated func placeOrder(_ request: ManualOrder) async throws(EngineError) -> Order {
    try await tradingDesk().place(request)
  }

  /// `CancelOrders`: cancels every open order of one coin (NOT_FOUND for an unknown symbol).
  public nonisolated func cancelOrders(symbol: String) async throws(EngineError) -> CancelOutcome {
    try await tradingDesk().cancelOrders(symbol: symbol)
  }

  /// `CancelAllOrders`: cancels every open order.
  public nonisolated func cancelAllOrders() async throws(EngineError) -> CancelOutcome {
    await try tradingDesk().cancelAllOrders()
  }

  /// `ListOrders`: orders, newest first.
  public nonisolated func orders(_ query: OrderQuery) async throws(EngineError) -> JournalPage<Order> {
    try await tradingDesk().orders(query)
  }

  /// `ListPositions`: open positions first, then closed ones when asked.
  public nonisolated func positions(symbol: String?, includeClosed: Bool) async throws(EngineError) -> [PositionReport]
  {
    try await tradingDesk().positions(symbol: symbol, includeClosed: includeClosed)
  }

  /// `ListTrades`: trade decisions, newest first.
  public nonisolated func tradeDecisions(_ query: DecisionQuery) async throws(EngineError) -> JournalPage<TradeDecision>
  {
    try await tradingDesk().decisions(query)
  }

  /// `WatchTradeEvents`: a snapshot (open orders, positions, autobuy state) and the event stream
  /// that follows it. Subscribed before the snapshot is taken, so no event falls between them.
  /// End it with `unwatchTradeEvents(_:)`.
  public nonisolated func watchTradeEvents(_ filter: TradeEventHub.Filter) async throws(EngineError) -> (
    id: UInt64, snapshot: TradeSnapshot, events: AsyncStream<TradeEvent>
  ) {
    let desk = try tradingDesk()
    let subscription = desk.events.subscribe(filter)
    let snapshot = await desk.snapshot(symbols: filter.symbols)
    return (subscription.id, snapshot, subscription.events)
  }

  /// The trading state of the coin traded as `symbol` (flat when it has no activity); nil when
  /// the engine has no trading board. Synchronous: coin-state mapping reads it per message.
  public nonisolated func coinTrading(_ symbol: String) -> CoinTradingSnapshot? {
    tradingBoard?.snapshot(of: symbol)
  }

  /// Ends a trade-event subscription; safe from any context, twice.
  public nonisolated func unwatchTradeEvents(_ id: UInt64) {
    trading?.events.unsubscribe(id)
  }
}
