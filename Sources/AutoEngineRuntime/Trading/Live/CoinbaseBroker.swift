public import AutoEngineCore
public import AutoEngineExchanges
public import FoundationEssentials

/// The live Coinbase broker: the `Broker` contract over `CoinbaseOrderClient`.
///
/// A new order's answer carries only its id, so `submit` reads the order and its fills right
/// after (a failure there does not undo the acceptance: the report is then `open`, and the next
/// lookup completes it). Orders are found by exchange id when known, else by listing the
/// product's orders and matching the client order id. Commissions are in the quote currency.
public struct CoinbaseBroker: Broker {
  public var name: String { "coinbase" }
  /// The authenticated client every call goes through.
  public let client: CoinbaseOrderClient

  /// Creates a broker over `client`.
  public init(client: CoinbaseOrderClient) {
    self.client = client
  }

  public func submit(_ order: Order) async throws(BrokerError) -> BrokerReport {
    let acceptance: CoinbaseOrderAcceptance
    do {
      acceptance = try await client.place(OrderPlacement(order))
    } catch {
      throw BrokerErrorMapping.submit(error)
    }
    do {
      if let record = try await client.order(id: acceptance.orderId) {
        return report(record, fills: try await fills(of: record), of: order)
      }
      return BrokerReport(exchangeOrderId: acceptance.orderId, status: .open, reason: "accepted; not listed yet")
    } catch {
      return BrokerReport(
        exchangeOrderId: acceptance.orderId, status: .open, reason: "accepted; its state could not be read: \(error)")
    }
  }

  public func lookup(_ order: Order) async throws(BrokerError) -> BrokerReport? {
    do {
      guard let record = try await record(of: order) else { return nil }
      return report(record, fills: try await fills(of: record), of: order)
    } catch {
      throw BrokerErrorMapping.query(error)
    }
  }

  public func cancel(_ order: Order) async throws(BrokerError) -> BrokerReport {
    let orderId = try await exchangeOrderId(of: order)
    let result = try await requestCancel(orderId)
    let current = (try? await client.order(id: orderId)) ?? nil
    guard result.success else {
      // Not cancellable: when it filled first, that is the state after the cancel.
      if let record = current, Self.status(record) == .filled {
        return report(record, fills: (try? await fills(of: record)) ?? [], of: order)
      }
      throw .rejected(code: result.failureReason, message: "Coinbase refused to cancel order \(orderId)")
    }
    guard let record = current else {
      return BrokerReport(exchangeOrderId: orderId, status: .cancelled, reason: "cancelled on Coinbase")
    }
    var cancelled = report(record, fills: (try? await fills(of: record)) ?? [], of: order)
    if !cancelled.status.isFinal {
      // CANCEL_QUEUED: the cancel is accepted and takes effect shortly.
      cancelled.status = .cancelled
      cancelled.reason = "cancelled on Coinbase"
    }
    return cancelled
  }

  public func balances() async throws(BrokerError) -> [AssetBalance] {
    do {
      var byAsset: [String: AssetBalance] = [:]
      for account in try await client.accounts() where account.available != 0 || account.hold != 0 {
        var balance = byAsset[account.currency] ?? AssetBalance(asset: account.currency, free: 0, locked: 0)
        balance.free += account.available
        balance.locked += account.hold
        byAsset[account.currency] = balance
      }
      return byAsset.values.sorted { $0.asset < $1.asset }
    } catch {
      throw BrokerErrorMapping.query(error)
    }
  }

  /// The exchange's id of `order`: its own when known, else found by client order id.
  private func exchangeOrderId(of order: Order) async throws(BrokerError) -> String {
    if let id = order.exchangeOrderId { return id }
    let found: CoinbaseOrderRecord?
    do {
      found = try await client.findOrder(clientOrderId: order.clientOrderId, productId: order.symbol)
    } catch {
      throw BrokerErrorMapping.query(error)
    }
    guard let found else {
      throw .rejected(
        code: "UNKNOWN_CANCEL_ORDER",
        message: "Coinbase has no order with client order id \(order.clientOrderId) (looked up; no cancel sent)")
    }
    return found.orderId
  }

  /// Asks Coinbase to cancel `orderId` and returns its result.
  private func requestCancel(_ orderId: String) async throws(BrokerError) -> CoinbaseCancelResult {
    let results: [CoinbaseCancelResult]
    do {
      results = try await client.cancel(orderIds: [orderId])
    } catch {
      throw BrokerErrorMapping.cancel(error)
    }
    guard let result = results.first(where: { $0.orderId == orderId }) ?? results.first else {
      throw .unknownOutcome("Coinbase answered the cancel of \(orderId) without a result")
    }
    return result
  }

  /// The exchange's record of `order`: by exchange id when known, else by client order id.
  private func record(of order: Order) async throws(OrderAPIError) -> CoinbaseOrderRecord? {
    if let id = order.exchangeOrderId { return try await client.order(id: id) }
    return try await client.findOrder(clientOrderId: order.clientOrderId, productId: order.symbol)
  }

  /// The fills of `record`, or none when nothing was filled.
  private func fills(of record: CoinbaseOrderRecord) async throws(OrderAPIError) -> [CoinbaseFill] {
    guard record.filledSize > 0 || record.numberOfFills > 0 else { return [] }
    return try await client.fills(orderId: record.orderId)
  }

  // MARK: - Mapping

  /// The report of `record` with `fills` as fills of `order` (commission in the quote asset).
  func report(_ record: CoinbaseOrderRecord, fills: [CoinbaseFill], of order: Order) -> BrokerReport {
    let now = client.budget.clock.now()
    let mapped = fills.map { fill in
      Fill(
        tradeId: fill.tradeId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
        price: fill.price, baseQuantity: fill.baseQuantity, quoteQuantity: fill.quoteQuantity, fee: fill.commission,
        feeAsset: order.quoteAsset, time: fill.tradeTime ?? now)
    }
    let status = Self.status(record)
    let reason: String? =
      switch status {
      case .cancelled, .rejected, .expired: record.reason ?? "Coinbase status \(record.status)"
      case .submitted: "unrecognised Coinbase status \(record.status)"
      default: nil
      }
    return BrokerReport(exchangeOrderId: record.orderId, status: status, fills: mapped, reason: reason)
  }

  /// The lifecycle state of a Coinbase order.
  public static func status(_ record: CoinbaseOrderRecord) -> OrderStatus {
    status(record.status, filledSize: record.filledSize)
  }

  /// The lifecycle state of a Coinbase order status: `PENDING`, `QUEUED`, `OPEN`,
  /// `CANCEL_QUEUED` and `EDIT_QUEUED` are open (partly filled when anything was filled),
  /// `FILLED` → filled, `CANCELLED` → cancelled, `EXPIRED` → expired, `FAILED` → rejected; an
  /// unknown word (`UNKNOWN_ORDER_STATUS`) is `submitted` (look it up again).
  public static func status(_ text: String, filledSize: Decimal) -> OrderStatus {
    switch text.uppercased() {
    case "PENDING", "QUEUED", "OPEN", "CANCEL_QUEUED", "EDIT_QUEUED": filledSize > 0 ? .partiallyFilled : .open
    case "FILLED": .filled
    case "CANCELLED", "CANCELED": .cancelled
    case "EXPIRED": .expired
    case "FAILED": .rejected
    default: .submitted
    }
  }
}
