public import AutoEngineCore
public import FoundationEssentials

extension TradingDesk {
  /// Places an operator's order through the same limits and journal as autobuy and answers with
  /// the order. A repeated `clientOrderId` answers with the first order (idempotent retry).
  ///
  /// Checks, each failing with an `EngineError` that names the problem: the symbol is configured
  /// (NOT_FOUND); exactly one positive amount; a limit price for limit orders only; the id's
  /// format; a fresh price (the engine never trades on stale data); buys within the coin's
  /// trade limits and `risk.max_total_exposure`; sells not above the held quantity; a broker for
  /// the exchange (live keys). A rejection by the exchange is journalled and then reported
  /// (INSUFFICIENT_FUNDS for a balance shortfall, CONFLICT otherwise).
  public func place(_ request: ManualOrder) async throws(EngineError) -> Order {
    guard let coin = coin(for: request.symbol) else {
      throw EngineError(.notFound, "unknown symbol '\(request.symbol)': list the coins with GET /api/coins")
    }
    if let id = request.clientOrderId, !id.isEmpty {
      guard ClientOrderIDs.isValid(id) else {
        throw EngineError(
          .invalidArgument, "clientOrderId '\(id)' must be 1–36 characters of A–Z, a–z, 0–9, '-' and '_'")
      }
      if let existing = try journalCall({ try journal.order(clientOrderId: id) }) {
        guard existing.symbol == coin.symbol, existing.side == request.side else {
          throw EngineError(
            .conflict, "clientOrderId '\(id)' is already used by a \(existing.side) order of \(existing.symbol)")
        }
        return existing
      }
    }
    let amount = try validatedAmount(request)
    let judged = view(of: coin.symbol)
    let view = judged?.view
    guard let price = view?.price, judged?.isStale == false else {
      throw EngineError(
        .unavailable, "no fresh price for \(coin.symbol): the engine does not trade on stale data; retry shortly")
    }
    let value = amount.quoteValue(at: request.limitPrice ?? price)
    switch request.side {
    case .buy:
      guard value >= coin.minTradeAmount, value <= coin.maxTradeAmount else {
        throw EngineError(
          .invalidArgument,
          "a buy of \(coin.symbol) must be worth \(coin.minTradeAmount)–\(coin.maxTradeAmount) \(coin.quote) "
            + "(this one is about \(value.roundedDown(toPlaces: 2)))")
      }
      let exposure = book.totalExposure
      guard exposure + value <= entryPolicy.maxTotalExposure else {
        throw EngineError(
          .conflict,
          "max total exposure \(entryPolicy.maxTotalExposure) would be exceeded (open positions cost \(exposure))")
      }
    case .sell:
      let held = book.open[coin.symbol]?.baseQuantity ?? 0
      let quantity = amount.baseAmount ?? value / price
      guard quantity <= held else {
        throw EngineError(.insufficientFunds, "cannot sell \(quantity) \(coin.base): the position holds \(held)")
      }
    }
    guard let broker = brokers[coin.exchange] else {
      throw EngineError(
        .fixConfiguration, brokerRefusals[coin.exchange] ?? "no broker trades on \(coin.exchange.displayName)")
    }
    let now = clock.now()
    let intent = Order(
      clientOrderId: request.clientOrderId.flatMap { $0.isEmpty ? nil : $0 } ?? ids.next(at: now), coin: coin,
      side: request.side, type: request.type, amount: amount, limitPrice: request.limitPrice, origin: .manual,
      reason: "manual \(request.type) \(request.side) of \(amount)", createdAt: now, mode: mode)
    let (order, failure) = await executeAndRecord(intent, coin: coin, broker: broker, view: view)
    if let failure {
      let insufficient = ["INSUFFICIENT_FUND", "-2010"].contains(failure.code)
      throw EngineError(
        insufficient ? .insufficientFunds : .conflict,
        "order \(order.clientOrderId) \(order.status): \(failure.message)")
    }
    return order
  }

  private func validatedAmount(_ request: ManualOrder) throws(EngineError) -> OrderAmount {
    let amount: OrderAmount
    switch (request.quoteAmount, request.baseAmount) {
    case (let quote?, nil) where quote > 0: amount = .quote(quote)
    case (nil, let base?) where base > 0: amount = .base(base)
    case (nil, nil), (.some, .some):
      throw EngineError(.invalidArgument, "give exactly one of quoteAmount and baseAmount, e.g. \"quoteAmount\":\"10\"")
    default:
      throw EngineError(.invalidArgument, "the amount must be a positive decimal number")
    }
    switch (request.type, request.limitPrice) {
    case (.limit, let limit?) where limit > 0: break
    case (.limit, _): throw EngineError(.invalidArgument, "a LIMIT order needs a positive limitPrice")
    case (.market, nil): break
    case (.market, .some): throw EngineError(.invalidArgument, "a MARKET order takes no limitPrice; use type LIMIT")
    }
    return amount
  }

  // MARK: Cancels

  /// Cancels every open order of `symbol`. NOT_FOUND for a symbol that is not configured.
  public func cancelOrders(symbol: String) async throws(EngineError) -> CancelOutcome {
    guard let coin = coin(for: symbol) else {
      throw EngineError(.notFound, "unknown symbol '\(symbol)': list the coins with GET /api/coins")
    }
    return await cancel(openOrders.values.filter { $0.symbol == coin.symbol })
  }

  /// Cancels every open order of every coin.
  public func cancelAllOrders() async -> CancelOutcome {
    await cancel(Array(openOrders.values))
  }

  private func cancel(_ orders: [Order]) async -> CancelOutcome {
    var outcome = CancelOutcome()
    for order in orders.sorted(by: { $0.createdAt < $1.createdAt }) {
      guard !busy.contains(order.clientOrderId) else {
        outcome.failures.append((order.clientOrderId, order.symbol, "the order is being updated; try again"))
        continue
      }
      guard let broker = brokers[order.exchange] else {
        outcome.failures.append((order.clientOrderId, order.symbol, "no broker for \(order.exchange.displayName)"))
        continue
      }
      busy.insert(order.clientOrderId)
      defer { busy.remove(order.clientOrderId) }
      do {
        let report = try await broker.cancel(order)
        if let after = absorb(report, into: order.clientOrderId), after.status == .cancelled {
          outcome.cancelled.append(after)
        } else {
          outcome.failures.append((order.clientOrderId, order.symbol, "already \(report.status)"))
        }
      } catch {
        if let report = try? await broker.lookup(order) { absorb(report, into: order.clientOrderId) }
        outcome.failures.append((order.clientOrderId, order.symbol, "\(error)"))
      }
    }
    refreshBalancesSoon()
    return outcome
  }
}
