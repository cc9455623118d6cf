import AutoEngineCore
import AutoEngineRuntime
import Foundation
import SwiftProtobuf

// Requests of TradingService → domain values. Every check here fails with INVALID_ARGUMENT and a
// message naming the field (by its JSON name, as REST users write it); the engine checks the rest
// (symbol known, amounts within limits, balance).

extension ManualOrder {
  /// The operator's order of a `PlaceOrderRequest`.
  ///
  /// Decimal strings are parsed strictly (an empty one means "not given"); an unset side is an
  /// error, an unset type means MARKET, an empty client order id means "generate one".
  init(_ request: Autoengine_V1_PlaceOrderRequest) throws(EngineError) {
    guard !request.symbol.isEmpty else {
      throw EngineError(.invalidArgument, "symbol is required, e.g. \"symbol\":\"BTCUSDT\"")
    }
    let side: OrderSide
    switch request.side {
    case .buy: side = .buy
    case .sell: side = .sell
    case .unspecified, .UNRECOGNIZED: throw EngineError(.invalidArgument, "side is required (BUY or SELL)")
    }
    let type: OrderType
    switch request.type {
    case .unspecified, .market: type = .market
    case .limit: type = .limit
    case .UNRECOGNIZED(let number): throw EngineError(.invalidArgument, "type \(number) is not MARKET or LIMIT")
    }
    self.init(
      symbol: request.symbol, side: side,
      quoteAmount: try DecimalText.parse(request.quoteAmount, field: "quoteAmount"),
      baseAmount: try DecimalText.parse(request.baseAmount, field: "baseAmount"), type: type,
      limitPrice: try DecimalText.parse(request.limitPrice, field: "limitPrice"),
      clientOrderId: request.clientOrderID.isEmpty ? nil : request.clientOrderID)
  }
}

extension OrderQuery {
  /// The journal query of a `ListOrdersRequest`: UNSPECIFIED statuses are ignored, limit 0 means
  /// 100 and more than 1000 is refused.
  init(_ request: Autoengine_V1_ListOrdersRequest) throws(EngineError) {
    var statuses: Set<OrderStatus> = []
    for status in request.statuses {
      if let value = try status.domain() { statuses.insert(value) }
    }
    self.init(
      symbol: request.symbol.isEmpty ? nil : request.symbol, statuses: statuses, openOnly: request.openOnly,
      limit: try PageLimit.resolve(request.limit), pageToken: request.pageToken.isEmpty ? nil : request.pageToken)
  }
}

extension DecisionQuery {
  /// The journal query of a `ListTradesRequest`: outcome UNSPECIFIED means every outcome, limit 0
  /// means 100 and more than 1000 is refused.
  init(_ request: Autoengine_V1_ListTradesRequest) throws(EngineError) {
    self.init(
      symbol: request.symbol.isEmpty ? nil : request.symbol, outcome: try request.outcome.domain(),
      since: request.hasSince ? UnixTime(seconds: request.since.timeIntervalSince1970) : nil,
      limit: try PageLimit.resolve(request.limit), pageToken: request.pageToken.isEmpty ? nil : request.pageToken)
  }
}

extension TradeEventHub.Filter {
  /// The subscriber filter of a `WatchTradeEventsRequest`, with each symbol checked against the
  /// catalogue (any case; NOT_FOUND for one that is not configured) and spelled as events spell it
  /// (the configured symbol and its successor).
  init(_ request: Autoengine_V1_WatchTradeEventsRequest, catalogue: CoinCatalogue) throws(EngineError) {
    var symbols: Set<String> = []
    for symbol in request.symbols {
      guard let coin = catalogue.coin(forSymbol: symbol) else { throw .unknownSymbol(symbol) }
      symbols.insert(coin.symbol)
      if let successor = coin.successorSymbol { symbols.insert(successor) }
    }
    self.init(symbols: symbols, includeRefused: request.includeRefused)
  }
}

/// The page size of the list calls.
enum PageLimit {
  /// Items per page when the request gives 0.
  static let defaultLimit = 100
  /// Most items per page.
  static let maximum = 1000

  /// `requested` as a page size: 0 → 100, 1…1000 as given.
  ///
  /// - Throws: INVALID_ARGUMENT for more than 1000.
  static func resolve(_ requested: UInt32) throws(EngineError) -> Int {
    guard requested > 0 else { return defaultLimit }
    guard requested <= maximum else {
      throw EngineError(
        .invalidArgument, "limit \(requested) is out of range: give 1–\(maximum) (0 means \(defaultLimit))")
    }
    return Int(requested)
  }
}

/// Strict parsing of the contract's decimal strings.
enum DecimalText {
  /// The value of `text`, or nil when it is empty ("not given").
  ///
  /// Accepted: an optional sign, digits, at most one decimal point (`10`, `0.001`, `-5`, `.5`).
  /// Refused: anything else — words, spaces, exponents, thousands separators, commas.
  ///
  /// - Throws: INVALID_ARGUMENT naming `field` and quoting the text.
  static func parse(_ text: String, field: String) throws(EngineError) -> Decimal? {
    guard !text.isEmpty else { return nil }
    guard let value = strictValue(text) else {
      throw EngineError(.invalidArgument, "\(field) '\(text)' is not a decimal number, e.g. \"10\" or \"0.001\"")
    }
    return value
  }

  /// The value of a plain decimal numeral, or nil when `text` is not one.
  static func strictValue(_ text: String) -> Decimal? {
    var digits = 0
    var points = 0
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "."): points += 1
      case UInt8(ascii: "+") where index == 0, UInt8(ascii: "-") where index == 0: break
      default: return nil
      }
    }
    guard digits > 0, points <= 1, digits <= 38 else { return nil }
    return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
  }
}
