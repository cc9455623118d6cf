public import AutoEngineCore
public import FoundationEssentials
import Logging

extension TradingDesk {
  /// Takes in new coin states (after their strategies ran): updates prices and highest prices,
  /// reconciles open orders when due, then — while autobuy runs — sells positions whose exit rule
  /// fires and buys coins whose aggregated signal passes the entry rule.
  public func observe(_ states: [CoinState]) async {
    for state in states { note(state) }
    defer { publishBoard() }
    await reconcile()
    await refreshBalances()
    guard autobuy.running else { return }
    updateKillSwitch()
    for state in states {
      let symbol = state.activeSymbol
      guard let coin = coin(for: symbol), let (view, isStale) = view(of: symbol) else { continue }
      await act(on: coin, view: view, isStale: isStale)
    }
  }

  /// Judges one coin with the shared `TradingRules` and carries the judgement out: sells on an
  /// exit, buys on an entry, records a refusal once per coin and reason.
  private func act(on coin: Coin, view: MarketView, isStale: Bool) async {
    let now = clock.now()
    let position = book.open[coin.symbol]
    let judgement = rules.judge(
      coin: coin, market: .init(price: view.price, isStale: isStale, signal: view.signal), position: position,
      hasOpenOrder: hasOpenOrder(coin.symbol), isAutobuyRunning: autobuy.running, now: now,
      lastTradeTime: lastTrade[coin.symbol]
    ) {
      TradingRules.Portfolio(
        openPositionCount: book.open.count, totalExposure: book.totalExposure,
        dailyRealisedLoss: book.realizedLoss(since: now.startOfUTCDay), freeBalance: balances[coin.quote]?.free ?? 0)
    }
    switch judgement {
    case .hold:
      break
    case .forgetRefusal:
      lastRefusal[coin.symbol] = nil
    case .exit(let reason):
      guard let position else { return }
      await trade(
        coin: coin, side: .sell, amount: .base(position.baseQuantity), origin: .exit, reason: reason.description,
        view: view)
    case .buy(let amount):
      await trade(
        coin: coin, side: .buy, amount: .quote(amount), origin: .autobuy, reason: "\(view.signal)", view: view)
    case .refuse(let refusal):
      guard lastRefusal[coin.symbol] != refusal.code else { return }
      lastRefusal[coin.symbol] = refusal.code
      record(
        decision(
          coin: coin, side: .buy, outcome: .refused, origin: .autobuy, reason: "refused: \(refusal)",
          code: refusal.code, view: view))
    }
  }

  /// Records one coin state: price for the paper broker, highest price of an open position.
  private func note(_ state: CoinState) {
    let symbol = state.activeSymbol
    if coin(for: symbol) == nil, var coin = coin(for: state.coin.symbol), symbol != coin.symbol {
      // A successor symbol (e.g. POL-USD for MATIC-USD): trade it as its own coin.
      if let parsed = MarketSymbol(parsing: symbol, on: coin.exchange) {
        coin.symbol = symbol
        coin.base = parsed.base
        coin.quote = parsed.quote
        coinsBySymbol[symbol.uppercased()] = coin
      }
    }
    let signal = state.aggregate.map(SignalSnapshot.init) ?? .hold
    let top = state.aggregate.map { $0.topContributors.map { "\($0.strategy)" } } ?? []
    market[symbol.uppercased()] = MarketView(
      price: state.price, priceTime: state.priceUpdatedAt, reportedStale: state.isStale, signal: signal,
      topStrategies: top)
    guard let price = state.price, !state.isStale else { return }
    paperPrices?.set(price, for: symbol)
    if book.observe(price: price, of: symbol) {
      try? journal.setHighestPrice(price, symbol: symbol)
    }
  }

  /// Activates the kill switch when today's realised loss reaches the limit, and releases it on a
  /// new UTC day.
  private func updateKillSwitch() {
    let now = clock.now()
    let loss = book.realizedLoss(since: now.startOfUTCDay)
    let active = loss >= entryPolicy.dailyLossLimit
    guard active != autobuy.killSwitchActive else { return }
    autobuy.killSwitchActive = active
    autobuy.reason =
      active
      ? "daily loss \(loss) ≥ limit \(entryPolicy.dailyLossLimit): buying paused until 00:00 UTC"
      : "new UTC day: kill switch released"
    logger.notice("\(autobuy.reason)")
    events.publish(.autobuy(autobuy))
  }

  /// Places an automatic order and records the decision with its outcome.
  private func trade(
    coin: Coin, side: OrderSide, amount: OrderAmount, origin: OrderOrigin, reason: String, view: MarketView
  ) async {
    let now = clock.now()
    guard let broker = brokers[coin.exchange] else {
      let why = brokerRefusals[coin.exchange] ?? "no broker for \(coin.exchange.displayName)"
      guard lastRefusal[coin.symbol] != "no_broker" else { return }
      lastRefusal[coin.symbol] = "no_broker"
      record(
        decision(
          coin: coin, side: side, outcome: .refused, origin: origin, reason: "refused: \(why)", code: "no_broker",
          view: view))
      return
    }
    let intent = Order(
      clientOrderId: ids.next(at: now), coin: coin, side: side, amount: amount, origin: origin, reason: reason,
      createdAt: now, mode: mode)
    _ = await executeAndRecord(intent, coin: coin, broker: broker, view: view)
  }

  /// Executes `intent` and records the decision it carries out: executed, or failed with the
  /// broker's reason; with the order's id, size and — for a sell — its realised P&L.
  func executeAndRecord(_ intent: Order, coin: Coin, broker: any Broker, view: MarketView?) async -> (
    order: Order, failure: (code: String, message: String)?
  ) {
    let (order, failure) = await execute(intent, broker: broker)
    var made = decision(
      coin: coin, side: intent.side, outcome: failure == nil ? .executed : .failed, origin: intent.origin,
      reason: failure.map { "failed: \($0.message)" } ?? intent.reason, code: failure?.code ?? "", view: view)
    made.clientOrderId = order.clientOrderId
    made.quoteAmount = intent.amount.quoteAmount
    made.baseAmount = intent.amount.baseAmount
    made.realizedPnl = book.realizedPnl(ofOrder: order.clientOrderId)
    record(made)
    return (order, failure)
  }

  /// Whether an order of `symbol` is not final yet.
  func hasOpenOrder(_ symbol: String) -> Bool {
    openOrders.values.contains { $0.symbol == symbol }
  }

  /// A decision about `coin` now, with the market view's price and signal.
  func decision(
    coin: Coin, side: OrderSide, outcome: TradeOutcome, origin: OrderOrigin, reason: String, code: String,
    view: MarketView?
  ) -> TradeDecision {
    let now = clock.now()
    return TradeDecision(
      id: ids.next(prefix: "d", at: now), time: now, symbol: coin.symbol, exchange: coin.exchange, side: side,
      outcome: outcome, origin: origin, reason: reason, reasonCode: code, price: view?.price,
      signal: view?.signal ?? .hold, topStrategies: view?.topStrategies ?? [])
  }

  /// Journals a decision and publishes it.
  func record(_ decision: TradeDecision) {
    do { try journal.record(decision) } catch { logger.error("journal: could not record decision: \(error)") }
    events.publish(.decision(decision))
    if decision.outcome != .refused {
      logger.info(
        "\(decision.outcome) \(decision.side) \(decision.symbol): \(decision.reason)",
        metadata: ["client_order_id": "\(decision.clientOrderId ?? "")", "origin": "\(decision.origin)"])
    }
  }
}
