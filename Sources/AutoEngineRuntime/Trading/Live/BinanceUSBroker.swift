public import AutoEngineCore
public import AutoEngineExchanges
public import FoundationEssentials

/// The live Binance.US broker: the `Broker` contract over `BinanceUSOrderClient`.
///
/// Orders are keyed by their client order id (`newClientOrderId`, `origClientOrderId`), so a
/// lookup after an unknown outcome finds the order the exchange may hold. Fills come from the
/// `FULL` new-order answer, and for looked-up or cancelled orders from `myTrades` (weight 10,
/// asked only when something was executed). Every commission is reported in its own asset.
public struct BinanceUSBroker: Broker {
  /// Binance's code for a cancel of an order that is not open (unknown or already final).
  public static let unknownOrderCode = "-2011"

  public var name: String { "binanceus" }
  /// The signed client every call goes through.
  public let client: BinanceUSOrderClient

  /// Creates a broker over `client`.
  public init(client: BinanceUSOrderClient) {
    self.client = client
  }

  public func submit(_ order: Order) async throws(BrokerError) -> BrokerReport {
    do {
      let answer = try await client.place(OrderPlacement(order))
      return report(answer, trades: answer.fills, of: order)
    } catch {
      throw BrokerErrorMapping.submit(error)
    }
  }

  public func lookup(_ order: Order) async throws(BrokerError) -> BrokerReport? {
    do {
      guard let answer = try await client.order(symbol: order.symbol, clientOrderId: order.clientOrderId) else {
        return nil
      }
      return report(answer, trades: try await trades(of: answer), of: order)
    } catch {
      throw BrokerErrorMapping.query(error)
    }
  }

  public func cancel(_ order: Order) async throws(BrokerError) -> BrokerReport {
    let answer: BinanceUSOrderAnswer
    do {
      answer = try await client.cancel(symbol: order.symbol, clientOrderId: order.clientOrderId)
    } catch {
      // Not open on Binance: when it filled first, that is the state after the cancel.
      if error.code == Self.unknownOrderCode, let current = try? await lookup(order), current.status == .filled {
        return current
      }
      throw BrokerErrorMapping.cancel(error)
    }
    do {
      return report(answer, trades: try await trades(of: answer), of: order)
    } catch {
      // Cancelled; only its fills could not be read now (the next lookup reads them).
      return report(answer, trades: [], of: order)
    }
  }

  public func balances() async throws(BrokerError) -> [AssetBalance] {
    do {
      return try await client.balances().filter { $0.free != 0 || $0.locked != 0 }.map {
        AssetBalance(asset: $0.asset, free: $0.free, locked: $0.locked)
      }
    } catch {
      throw BrokerErrorMapping.query(error)
    }
  }

  /// The trades of `answer`'s order, or none when nothing was executed.
  private func trades(of answer: BinanceUSOrderAnswer) async throws(OrderAPIError) -> [BinanceUSTrade] {
    guard answer.executedQuantity > 0 else { return [] }
    return try await client.trades(symbol: answer.symbol, orderId: answer.orderId)
  }

  // MARK: - Mapping

  /// The report of `answer` with `trades` as fills of `order`.
  func report(_ answer: BinanceUSOrderAnswer, trades: [BinanceUSTrade], of order: Order) -> BrokerReport {
    let now = client.budget.clock.now()
    let fills = trades.map { trade in
      Fill(
        tradeId: String(trade.tradeId), clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
        price: trade.price, baseQuantity: trade.quantity, quoteQuantity: trade.quoteQuantity, fee: trade.commission,
        feeAsset: trade.commissionAsset, time: trade.time ?? answer.time ?? now)
    }
    let status = Self.status(answer.status, executedQuantity: answer.executedQuantity)
    return BrokerReport(
      exchangeOrderId: String(answer.orderId), status: status, fills: fills,
      reason: Self.reason(answer.status, status: status))
  }

  /// The lifecycle state of a Binance order status: `NEW` → open, `PARTIALLY_FILLED` →
  /// partiallyFilled, `FILLED` → filled, `CANCELED` → cancelled, `REJECTED` → rejected,
  /// `EXPIRED`/`EXPIRED_IN_MATCH` → expired; `PENDING_CANCEL` is still open (partly filled when
  /// anything was executed); an unknown word is `submitted` (look it up again).
  public static func status(_ text: String, executedQuantity: Decimal) -> OrderStatus {
    switch text.uppercased() {
    case "NEW", "PENDING_NEW", "PENDING_CANCEL": executedQuantity > 0 ? .partiallyFilled : .open
    case "PARTIALLY_FILLED": .partiallyFilled
    case "FILLED": .filled
    case "CANCELED", "CANCELLED": .cancelled
    case "REJECTED": .rejected
    case "EXPIRED", "EXPIRED_IN_MATCH": .expired
    default: .submitted
    }
  }

  static func reason(_ text: String, status: OrderStatus) -> String? {
    switch status {
    case .cancelled, .rejected, .expired: "Binance.US status \(text)"
    case .submitted: "unrecognised Binance.US status \(text)"
    default: nil
    }
  }
}
