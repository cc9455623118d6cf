import AutoEngineCore
import Foundation

/// Orders, fills and decisions for the trade journal tests, with awkward decimals.
enum JournalFixtures {
  /// 1e-18, the smallest amount a test stores.
  static let attoUnit = Decimal(sign: .plus, exponent: -18, significand: 1)
  /// 38 significant digits, the most a `Decimal` holds.
  static let longMantissa = Decimal(string: "1234567890123456789.0123456789012345678")!

  /// A time `seconds` after 2023-11-14T22:13:20Z.
  static func time(_ seconds: Double) -> UnixTime { UnixTime(seconds: 1_700_000_000 + seconds) }

  /// A market buy intent of 25 USD of BTC.
  static func order(
    _ id: String, symbol: String = "BTC-USD", base: String = "BTC", quote: String = "USD", side: OrderSide = .buy,
    amount: OrderAmount = .quote(25), at seconds: Double = 0, mode: TradingMode = .paper
  ) -> Order {
    Order(
      clientOrderId: id, symbol: symbol, exchange: .coinbase, baseAsset: base, quoteAsset: quote, side: side,
      amount: amount, origin: .autobuy, reason: "BUY signal: strength 0.71, confidence 0.82", createdAt: time(seconds),
      mode: mode)
  }

  /// A fill of `order` at `seconds`.
  static func fill(
    _ tradeId: String, of order: Order, price: Decimal = 40_000, base: Decimal = Decimal(string: "0.000625")!,
    quote: Decimal = 25, fee: Decimal = Decimal(string: "0.03")!, feeAsset: String? = nil, at seconds: Double = 1
  ) -> Fill {
    Fill(
      tradeId: tradeId, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, price: price,
      baseQuantity: base, quoteQuantity: quote, fee: fee, feeAsset: feeAsset ?? order.quoteAsset, time: time(seconds))
  }

  /// A limit sell with every optional field set and awkward decimals, partly filled by two fills
  /// (fees in the quote and in the base asset).
  static func everyFieldOrder(_ id: String = "every-field-1") -> Order {
    var order = Order(
      clientOrderId: id, symbol: "ETHUSDT", exchange: .binanceUS, baseAsset: "ETH", quoteAsset: "USDT", side: .sell,
      type: .limit, amount: .base(Decimal(string: "12345678.12345678")!),
      limitPrice: Decimal(string: "0.00000001")!, origin: .manual, reason: "operator: take profit, 3% ✓",
      createdAt: UnixTime(seconds: 1_700_000_000.123456), mode: .live)
    order.exchangeOrderId = "9876543210"
    order.status = .partiallyFilled
    order.failureReason = "partly: 'quoted' \"text\""
    order.apply(
      Fill(
        tradeId: "t-1", clientOrderId: id, symbol: "ETHUSDT", side: .sell, price: longMantissa, baseQuantity: attoUnit,
        quoteQuantity: Decimal(string: "0.000000000000000001234567890123456789")!, fee: attoUnit, feeAsset: "USDT",
        time: UnixTime(seconds: 1_700_000_001.5)))
    order.apply(
      Fill(
        tradeId: "t-2", clientOrderId: id, symbol: "ETHUSDT", side: .sell, price: Decimal(string: "0.00000001")!,
        baseQuantity: Decimal(string: "12345678.12345678")!, quoteQuantity: Decimal(string: "0.1234567812345678")!,
        fee: Decimal(string: "0.00000001")!, feeAsset: "ETH", time: UnixTime(seconds: 1_700_000_002.25)))
    return order
  }

  /// A decision about `symbol` at `seconds`.
  static func decision(
    _ id: String, symbol: String = "BTC-USD", outcome: TradeOutcome = .refused, reasonCode: String = "cooldown",
    at seconds: Double = 0
  ) -> TradeDecision {
    TradeDecision(
      id: id, time: time(seconds), symbol: symbol, exchange: .coinbase, side: .buy, outcome: outcome, origin: .autobuy,
      reason: "\(outcome): \(reasonCode)", reasonCode: outcome == .executed ? "" : reasonCode)
  }

  /// A new empty folder under the temporary directory.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
