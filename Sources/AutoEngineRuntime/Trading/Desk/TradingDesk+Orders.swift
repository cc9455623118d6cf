public import AutoEngineCore
public import FoundationEssentials
import Logging

extension TradingDesk {
  /// Journals `order` as an intent, sends it to its broker and journals the outcome; returns the
  /// order as it stands afterwards (filled, open, rejected, failed — or still submitted when the
  /// outcome is unknown and the lookup could not tell yet).
  ///
  /// The broker is never asked to submit an order twice: an unknown outcome is followed by lookups
  /// only (here, then in reconciliation).
  func execute(_ intent: Order, broker: any Broker) async -> (order: Order, failure: (code: String, message: String)?) {
    do {
      try journal.insertIntent(intent)
    } catch {
      var failed = intent
      failed.status = .failed
      failed.failureReason = "not sent: the journal could not record the intent (\(error))"
      logger.error("order \(intent.clientOrderId) not sent: journal failed: \(error)")
      return (failed, ("journal", failed.failureReason ?? ""))
    }
    busy.insert(intent.clientOrderId)
    defer { busy.remove(intent.clientOrderId) }
    openOrders[intent.clientOrderId] = intent
    events.publish(.order(intent))
    var order = intent
    order.status = .submitted
    order.updatedAt = clock.now()
    persist(order)
    var failure: (code: String, message: String)?
    do {
      let report = try await broker.submit(order)
      order = absorb(report, into: order.clientOrderId) ?? order
    } catch {
      switch error {
      case .rejected(let code, let message):
        order = finish(order.clientOrderId, status: .rejected, reason: message, code: code) ?? order
        failure = (code, message)
      case .notSent(let why):
        order = finish(order.clientOrderId, status: .failed, reason: "not sent: \(why)", code: "not_sent") ?? order
        failure = ("not_sent", why)
      case .unknownOutcome(let why), .unavailable(let why):
        logger.warning("order \(order.clientOrderId): outcome unknown (\(why)); looking it up, never resending")
        order = await resolveUnknownOutcome(order, broker: broker, why: why)
        if order.status == .failed { failure = ("unknown_outcome", why) }
      }
    }
    refreshBalancesSoon()
    return (order, failure)
  }

  /// Looks an order of unknown outcome up a few times (at once, then after 0.2 s and 1 s); if the
  /// exchange still does not answer, the order stays `submitted` for reconciliation.
  private func resolveUnknownOutcome(_ order: Order, broker: any Broker, why: String) async -> Order {
    for delay in [0.0, 0.2, 1.0] {
      if delay > 0 { try? await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
      do {
        if let report = try await broker.lookup(order) {
          return absorb(report, into: order.clientOrderId) ?? order
        }
      } catch {
        continue
      }
    }
    var pending = openOrders[order.clientOrderId] ?? order
    pending.failureReason = "outcome unknown (\(why)); being looked up"
    persist(pending)
    return pending
  }

  /// Applies an exchange report to the newest copy of order `id`: new fills, status, exchange id.
  /// A final order never changes status again. Returns the order afterwards.
  @discardableResult
  func absorb(_ report: BrokerReport, into id: String) -> Order? {
    guard var order = openOrders[id] ?? (try? journal.order(clientOrderId: id)) ?? nil else { return nil }
    for fill in report.fills { order.apply(fill) }
    if !order.status.isFinal {
      var status = report.status
      if status == .open && order.filledBase > 0 { status = .partiallyFilled }
      if status == .filled && order.filledBase == 0 { status = .open }
      order.status = status
      if let reason = report.reason, status.isFinal, status != .filled { order.failureReason = reason }
    }
    if let exchangeID = report.exchangeOrderId { order.exchangeOrderId = exchangeID }
    order.updatedAt = max(order.updatedAt, clock.now())
    persist(order)
    return order
  }

  /// Moves order `id` to a final `status` with `reason`, journals it and returns it.
  @discardableResult
  func finish(_ id: String, status: OrderStatus, reason: String, code: String) -> Order? {
    guard var order = openOrders[id] ?? (try? journal.order(clientOrderId: id)) ?? nil, !order.status.isFinal else {
      return nil
    }
    order.status = status
    order.failureReason = reason
    order.updatedAt = clock.now()
    persist(order, failureCode: code)
    return order
  }

  /// Journals `order`, applies its newly stored fills to the book, updates the open-order table
  /// and publishes the changes.
  func persist(_ order: Order, failureCode: String? = nil) {
    let newFills: [Fill]
    do {
      newFills = try journal.save(order, failureCode: failureCode)
    } catch {
      logger.error("journal: could not save order \(order.clientOrderId): \(error)")
      return
    }
    if order.status.isFinal { openOrders[order.clientOrderId] = nil } else { openOrders[order.clientOrderId] = order }
    defer { publishBoard() }
    events.publish(.order(order))
    guard !newFills.isEmpty, let coin = coin(for: order.symbol) else { return }
    for fill in newFills {
      book.apply(fill, coin: coin)
      lastTrade[fill.symbol] = max(lastTrade[fill.symbol] ?? fill.time, fill.time)
      events.publish(.fill(fill))
    }
    lastRefusal[order.symbol] = nil
    if let position = book.open[order.symbol] {
      if order.side == .buy { try? journal.setHighestPrice(position.highestPrice, symbol: order.symbol) }
      events.publish(.position(report(for: position)))
    } else if let closed = book.closed.last, closed.symbol == order.symbol {
      try? journal.setHighestPrice(nil, symbol: order.symbol)
      events.publish(.position(report(for: closed)))
    }
  }

  // MARK: Reconciliation

  /// Looks up every non-final order that no task is working on and applies what its exchange
  /// says; expires open orders older than `trading.open_order_timeout`. Runs at start-up
  /// (`force`) and then at most every `maintenanceInterval` seconds.
  @discardableResult
  public func reconcile(force: Bool = false) async -> ReconciliationSummary {
    let now = clock.now()
    if !force, let last = lastMaintenance, now.since(last) < Self.maintenanceInterval { return ReconciliationSummary() }
    lastMaintenance = now
    var summary = ReconciliationSummary()
    let pending = openOrders.values.filter { !busy.contains($0.clientOrderId) }.sorted { $0.createdAt < $1.createdAt }
    for order in pending {
      guard let broker = brokers[order.exchange] else { continue }
      busy.insert(order.clientOrderId)
      defer { busy.remove(order.clientOrderId) }
      summary.checked += 1
      let report: BrokerReport?
      do {
        report = try await broker.lookup(order)
      } catch {
        summary.unreachable += 1
        continue
      }
      guard let report else {
        if now.since(order.updatedAt) >= Self.notFoundGrace || force {
          let status: OrderStatus = order.status == .intent || order.status == .submitted ? .failed : .cancelled
          finish(
            order.clientOrderId, status: status,
            reason: "the exchange has no order \(order.clientOrderId): it never arrived", code: "not_found")
          summary.notFound += 1
        }
        continue
      }
      let before = order.filledBase
      let after = absorb(report, into: order.clientOrderId)
      if let after, after.filledBase != before { summary.filled += 1 }
      if let after, !after.status.isFinal, now.since(after.createdAt) >= configuration.trading.openOrderTimeout {
        await expire(after, broker: broker)
        summary.expired += 1
      }
    }
    if summary.filled > 0 || summary.notFound > 0 { refreshBalancesSoon() }
    return summary
  }

  /// Cancels an order that stayed open past the timeout and marks it expired.
  private func expire(_ order: Order, broker: any Broker) async {
    do {
      let report = try await broker.cancel(order)
      absorb(report, into: order.clientOrderId)
      if openOrders[order.clientOrderId] == nil, let final = try? journal.order(clientOrderId: order.clientOrderId),
        final.status == .cancelled
      {
        var expired = final
        expired.status = .expired
        expired.failureReason = "open longer than \(Int(configuration.trading.openOrderTimeout)) s"
        _ = try? journal.save(expired, failureCode: "expired")
        events.publish(.order(expired))
      }
    } catch {
      logger.warning("could not expire order \(order.clientOrderId): \(error)")
    }
  }

  // MARK: Balances

  /// Reads balances from every broker when forced or when the cached ones are older than
  /// `balanceRefreshInterval`.
  func refreshBalances(force: Bool = false) async {
    let now = clock.now()
    if !force, let read = balancesReadAt, now.since(read) < Self.balanceRefreshInterval { return }
    balancesReadAt = now
    var merged: [String: AssetBalance] = [:]
    var seen = Set<String>()
    for broker in brokers.values where seen.insert(broker.name).inserted {
      do {
        for balance in try await broker.balances() { merged[balance.asset] = balance }
      } catch {
        logger.warning("balances of \(broker.name) unavailable: \(error)")
        return
      }
    }
    balances = merged
  }

  /// Makes the next `refreshBalances()` read the brokers again.
  func refreshBalancesSoon() { balancesReadAt = nil }
}

/// What one reconciliation pass did.
public struct ReconciliationSummary: Hashable, Sendable, CustomStringConvertible {
  /// Orders looked up.
  public var checked = 0
  /// Orders that received fills.
  public var filled = 0
  /// Orders the exchange did not know (marked failed: they never arrived).
  public var notFound = 0
  /// Orders expired after the open-order timeout.
  public var expired = 0
  /// Lookups that failed (tried again later).
  public var unreachable = 0

  /// An empty summary.
  public init() {}

  public var description: String {
    "\(checked) checked, \(filled) filled, \(notFound) not found, \(expired) expired, \(unreachable) unreachable"
  }
}
