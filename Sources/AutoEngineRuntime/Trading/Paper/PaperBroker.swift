public import AutoEngineCore
public import FoundationEssentials

/// The default broker: fills orders against the latest prices with `PaperFillModel`'s fee and
/// slippage, and keeps its own "exchange side" book in the journal file (`PaperVenueStore`).
///
/// It behaves like an exchange towards the trading desk, so the desk's crash recovery is the same
/// for paper and live trading: the venue remembers every order it accepted by client order id,
/// accepts an id only once (a repeated submit returns the first order), and answers lookups
/// after a restart. Balances: each quote asset starts at `startingBalance`; free cash is that plus
/// the net cash flow of all paper fills, less what open limit buys hold. Market orders fill at once
/// or are rejected (`INSUFFICIENT_FUND`, `NO_PRICE`); limit orders stay open and fill at their
/// limit price when a lookup finds that the price has reached it.
public struct PaperBroker: Broker {
  /// `paper`.
  public let name = "paper"
  /// Where the venue's orders live.
  public let venue: PaperVenueStore
  /// The latest prices.
  public let prices: PaperPrices
  /// Fee and slippage.
  public let model: PaperFillModel
  /// Starting balance of each quote asset, quote units.
  public let startingBalance: Decimal
  /// The quote assets the paper account holds (those of the configured coins).
  public let quoteAssets: Set<String>
  /// The source of fill times.
  public let clock: any WallClock

  /// Creates a paper broker.
  public init(
    venue: PaperVenueStore, prices: PaperPrices, model: PaperFillModel, startingBalance: Decimal,
    quoteAssets: Set<String>, clock: any WallClock
  ) {
    self.venue = venue
    self.prices = prices
    self.model = model
    self.startingBalance = startingBalance
    self.quoteAssets = quoteAssets
    self.clock = clock
  }

  public func submit(_ order: Order) async throws(BrokerError) -> BrokerReport {
    // The venue accepts a client order id once: a repeated submit answers with the first order.
    if let existing = try stored(order.clientOrderId) { return report(existing) }
    var placed = accepted(order)
    if let refusal = try affordability(of: placed) {
      placed.status = .rejected
      placed.failureReason = refusal.message
      try insert(placed)
      throw .rejected(code: refusal.code, message: refusal.message)
    }
    if placed.type == .market {
      guard let price = prices.price(of: placed.symbol),
        let execution = model.marketExecution(side: placed.side, amount: placed.amount, price: price)
      else {
        placed.status = .rejected
        placed.failureReason = "no price for \(placed.symbol), or the amount rounds to zero"
        try insert(placed)
        throw .rejected(code: "NO_PRICE", message: placed.failureReason ?? "")
      }
      fill(&placed, with: execution)
    }
    guard let first = try insert(placed) else { return report(placed) }
    return report(first)
  }

  public func lookup(_ order: Order) async throws(BrokerError) -> BrokerReport? {
    try matched(order.clientOrderId).map(report)
  }

  /// The venue's order, after filling it if it is an open limit order whose price was reached.
  private func matched(_ clientOrderId: String) throws(BrokerError) -> Order? {
    guard var current = try stored(clientOrderId) else { return nil }
    if current.type == .limit, !current.status.isFinal, let limit = current.limitPrice,
      let price = prices.price(of: current.symbol),
      let execution = model.limitExecution(side: current.side, amount: current.amount, limit: limit, price: price)
    {
      fill(&current, with: execution)
      try persist(current)
    }
    return current
  }

  public func cancel(_ order: Order) async throws(BrokerError) -> BrokerReport {
    guard var current = try matched(order.clientOrderId) else {
      throw .rejected(code: "UNKNOWN_ORDER", message: "no paper order \(order.clientOrderId)")
    }
    guard !current.status.isFinal else {
      throw .rejected(code: "ORDER_FINAL", message: "order is already \(current.status)")
    }
    current.status = .cancelled
    current.updatedAt = clock.now()
    try persist(current)
    return report(current)
  }

  public func balances() async throws(BrokerError) -> [AssetBalance] {
    try currentBalances()
  }

  // MARK: - Internals

  /// Free and locked cash per quote asset, then base holdings.
  private func currentBalances() throws(BrokerError) -> [AssetBalance] {
    let cash: [String: Decimal]
    let holdings: [String: Decimal]
    let open: [Order]
    do {
      (cash, holdings) = try venue.cashAndHoldings()
      open = try venue.openOrders()
    } catch {
      throw .unavailable("\(error)")
    }
    var locked: [String: Decimal] = [:]
    for order in open where order.side == .buy {
      locked[order.quoteAsset, default: 0] += heldQuote(order)
    }
    var result: [AssetBalance] = quoteAssets.sorted().map { asset in
      let total = startingBalance + (cash[asset] ?? 0)
      let held = locked[asset] ?? 0
      return AssetBalance(asset: asset, free: total - held, locked: held)
    }
    for (asset, quantity) in holdings.sorted(by: { $0.key < $1.key }) where quantity != 0 {
      result.append(AssetBalance(asset: asset, free: quantity))
    }
    return result
  }

  private func stored(_ clientOrderId: String) throws(BrokerError) -> Order? {
    do { return try venue.order(clientOrderId: clientOrderId) } catch { throw .unavailable("paper venue: \(error)") }
  }

  /// Stores a new venue order; returns the earlier order instead when the id already exists.
  @discardableResult
  private func insert(_ order: Order) throws(BrokerError) -> Order? {
    do {
      let result = try venue.insertIfAbsent(order)
      return result.inserted ? nil : result.order
    } catch {
      throw .notSent("paper venue write failed: \(error)")
    }
  }

  private func accepted(_ order: Order) -> Order {
    var placed = order
    placed.status = .open
    placed.exchangeOrderId = "paper-\(order.clientOrderId)"
    placed.updatedAt = clock.now()
    return placed
  }

  private func fill(_ order: inout Order, with execution: PaperFillModel.Execution) {
    let now = clock.now()
    order.apply(
      Fill(
        tradeId: "\(order.exchangeOrderId ?? order.clientOrderId)-1", clientOrderId: order.clientOrderId,
        symbol: order.symbol, side: order.side, price: execution.price, baseQuantity: execution.baseQuantity,
        quoteQuantity: execution.quoteQuantity, fee: execution.fee, feeAsset: order.quoteAsset, time: now))
    order.status = .filled
    order.updatedAt = now
  }

  /// Quote a buy needs at `price`: its quote amount, or base amount × price, plus the fee.
  private func neededQuote(_ order: Order, at price: Decimal) -> Decimal {
    let value = order.amount.quoteValue(at: price)
    return value + value * model.feePercent / 100
  }

  /// Quote an open limit buy holds.
  private func heldQuote(_ order: Order) -> Decimal { neededQuote(order, at: order.limitPrice ?? 0) }

  /// Why the account cannot pay for `order` (quote cash for buys, base holdings for sells), or nil.
  private func affordability(of order: Order) throws(BrokerError) -> (code: String, message: String)? {
    let balances = try currentBalances()
    switch order.side {
    case .buy:
      let slipped = (prices.price(of: order.symbol) ?? 0) * (1 + model.slippagePercent / 100)
      let needed = neededQuote(order, at: order.limitPrice ?? slipped)
      let free = balances.first { $0.asset == order.quoteAsset }?.free ?? 0
      guard needed <= free else {
        return ("INSUFFICIENT_FUND", "insufficient \(order.quoteAsset): \(free) free, \(needed) needed")
      }
    case .sell:
      let price = order.limitPrice ?? prices.price(of: order.symbol) ?? 0
      let quantity = order.amount.baseAmount ?? (price > 0 ? (order.amount.quoteAmount ?? 0) / price : 0)
      let held = balances.first { $0.asset == order.baseAsset }?.free ?? 0
      guard quantity <= held else {
        return ("INSUFFICIENT_FUND", "insufficient \(order.baseAsset): \(held) held, \(quantity) to sell")
      }
    }
    return nil
  }

  private func persist(_ order: Order) throws(BrokerError) {
    do { try venue.save(order) } catch { throw .unavailable("paper venue write failed: \(error)") }
  }

  private func report(_ order: Order) -> BrokerReport {
    BrokerReport(
      exchangeOrderId: order.exchangeOrderId, status: order.status, fills: order.fills, reason: order.failureReason)
  }
}
