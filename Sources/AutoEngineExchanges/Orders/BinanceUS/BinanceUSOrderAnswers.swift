public import AutoEngineCore
public import FoundationEssentials

/// An order as Binance.US reports it (`POST`, `GET` and `DELETE /api/v3/order`, `openOrders`).
///
/// Quantities are base units, `cumulativeQuoteQuantity` quote units, prices quote per base; a
/// `FULL` new-order answer carries its `fills`, the other answers none (ask `myTrades`).
public struct BinanceUSOrderAnswer: Hashable, Sendable {
  /// Exchange symbol, e.g. `BTCUSDT`.
  public var symbol: String
  /// The exchange's order id.
  public var orderId: Int64
  /// The order's client order id (a cancel answers `origClientOrderId`).
  public var clientOrderId: String
  /// `NEW`, `PARTIALLY_FILLED`, `FILLED`, `CANCELED`, `PENDING_CANCEL`, `REJECTED`, `EXPIRED`,
  /// `EXPIRED_IN_MATCH`.
  public var status: String
  /// `MARKET`, `LIMIT`, …
  public var type: String
  /// `BUY` or `SELL`.
  public var side: String
  /// Limit price (0 for market orders).
  public var price: Decimal
  /// Quantity ordered, base units (0 for a market order by quote amount).
  public var originalQuantity: Decimal
  /// Quantity filled so far, base units.
  public var executedQuantity: Decimal
  /// Value filled so far, quote units.
  public var cumulativeQuoteQuantity: Decimal
  /// When the order was placed or last changed (`transactTime`, `updateTime` or `time`).
  public var time: UnixTime?
  /// Fills of a `FULL` new-order answer, oldest first.
  public var fills: [BinanceUSTrade]
}

/// One execution of an order: a `FULL` answer's fill or a `myTrades` entry.
public struct BinanceUSTrade: Hashable, Sendable {
  /// Trade id, unique per symbol.
  public var tradeId: Int64
  /// The order's id (`myTrades` only).
  public var orderId: Int64?
  /// Execution price, quote units per base unit.
  public var price: Decimal
  /// Executed quantity, base units.
  public var quantity: Decimal
  /// Executed value, quote units (`myTrades` only; else price × quantity).
  public var quoteQuantity: Decimal
  /// Commission charged, in `commissionAsset`.
  public var commission: Decimal
  /// Asset the commission was charged in.
  public var commissionAsset: String
  /// When it executed (`myTrades` only).
  public var time: UnixTime?
}

/// One entry of `GET /api/v3/account` `balances`.
public struct BinanceUSBalance: Hashable, Sendable {
  /// Asset, e.g. `USDT`.
  public var asset: String
  /// Available, asset units.
  public var free: Decimal
  /// Held by open orders, asset units.
  public var locked: Decimal
}

extension BinanceUSOrderAnswer: Decodable {
  private enum CodingKeys: String, CodingKey {
    case symbol, orderId, clientOrderId, origClientOrderId, status, type, side, price, origQty, executedQty
    case cummulativeQuoteQty, transactTime, updateTime, time, fills
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    symbol = try container.decode(String.self, forKey: .symbol)
    orderId = try container.decode(Int64.self, forKey: .orderId)
    let original = try container.decodeIfPresent(String.self, forKey: .origClientOrderId)
    clientOrderId = try original ?? container.decode(String.self, forKey: .clientOrderId)
    status = try container.decode(String.self, forKey: .status)
    type = try container.decodeIfPresent(String.self, forKey: .type) ?? ""
    side = try container.decodeIfPresent(String.self, forKey: .side) ?? ""
    price = try container.decodeDecimalIfPresent(forKey: .price) ?? 0
    originalQuantity = try container.decodeDecimalIfPresent(forKey: .origQty) ?? 0
    executedQuantity = try container.decodeDecimalIfPresent(forKey: .executedQty) ?? 0
    cumulativeQuoteQuantity = try container.decodeDecimalIfPresent(forKey: .cummulativeQuoteQty) ?? 0
    let millis =
      try container.decodeIfPresent(Int64.self, forKey: .transactTime)
      ?? container.decodeIfPresent(Int64.self, forKey: .updateTime)
      ?? container.decodeIfPresent(Int64.self, forKey: .time)
    time = millis.map { UnixTime(seconds: Double($0) / 1000) }
    fills = try container.decodeIfPresent([BinanceUSTrade].self, forKey: .fills) ?? []
  }
}

extension BinanceUSTrade: Decodable {
  private enum CodingKeys: String, CodingKey {
    case tradeId, id, orderId, price, qty, quoteQty, commission, commissionAsset, time
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let id = try container.decodeIfPresent(Int64.self, forKey: .tradeId)
    tradeId = try id ?? container.decode(Int64.self, forKey: .id)
    orderId = try container.decodeIfPresent(Int64.self, forKey: .orderId)
    price = try container.decodeDecimal(forKey: .price)
    quantity = try container.decodeDecimal(forKey: .qty)
    quoteQuantity = try container.decodeDecimalIfPresent(forKey: .quoteQty) ?? price * quantity
    commission = try container.decodeDecimalIfPresent(forKey: .commission) ?? 0
    commissionAsset = try container.decodeIfPresent(String.self, forKey: .commissionAsset) ?? ""
    time = try container.decodeIfPresent(Int64.self, forKey: .time).map { UnixTime(seconds: Double($0) / 1000) }
  }
}

extension BinanceUSBalance: Decodable {
  private enum CodingKeys: String, CodingKey { case asset, free, locked }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    asset = try container.decode(String.self, forKey: .asset)
    free = try container.decodeDecimalIfPresent(forKey: .free) ?? 0
    locked = try container.decodeDecimalIfPresent(forKey: .locked) ?? 0
  }
}

/// `GET /api/v3/account`: only the balances are read.
struct BinanceUSAccountAnswer: Decodable {
  var balances: [BinanceUSBalance]
}

/// `GET /api/v3/time`: `{"serverTime": ms}`.
struct BinanceUSServerTime: Decodable {
  var serverTime: Int64
}

/// A Binance.US error body: `{"code":-2010,"msg":"Account has insufficient balance for requested action."}`.
struct BinanceUSErrorBody: Decodable {
  var code: Int
  var msg: String?
}
