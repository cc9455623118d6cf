import AutoEngineCore
import FoundationEssentials

/// `POST /orders` body: `{"client_order_id","product_id","side","order_configuration":{…}}`.
struct CoinbaseCreateOrderBody: Encodable {
  struct Configuration: Encodable {
    var market: Market?
    var limit: Limit?

    private enum CodingKeys: String, CodingKey {
      case market = "market_market_ioc", limit = "limit_limit_gtc"
    }
  }

  struct Market: Encodable {
    var quoteSize: String?
    var baseSize: String?

    private enum CodingKeys: String, CodingKey { case quoteSize = "quote_size", baseSize = "base_size" }
  }

  struct Limit: Encodable {
    var baseSize: String
    var limitPrice: String
    var postOnly: Bool

    private enum CodingKeys: String, CodingKey {
      case baseSize = "base_size", limitPrice = "limit_price", postOnly = "post_only"
    }
  }

  var clientOrderId: String
  var productId: String
  var side: String
  var configuration: Configuration

  private enum CodingKeys: String, CodingKey {
    case clientOrderId = "client_order_id", productId = "product_id", side
    case configuration = "order_configuration"
  }
}

/// `POST /orders` answer: success with `success_response`, or failure with `error_response`.
struct CoinbaseCreateOrderAnswer: Decodable {
  struct SuccessResponse: Decodable {
    var orderId: String?
    var productId: String?
    var clientOrderId: String?

    private enum CodingKeys: String, CodingKey {
      case orderId = "order_id", productId = "product_id", clientOrderId = "client_order_id"
    }
  }

  struct ErrorResponse: Decodable {
    var error: String?
    var message: String?
    var errorDetails: String?
    var newOrderFailureReason: String?
    var previewFailureReason: String?

    private enum CodingKeys: String, CodingKey {
      case error, message, errorDetails = "error_details", newOrderFailureReason = "new_order_failure_reason"
      case previewFailureReason = "preview_failure_reason"
    }
  }

  var success: Bool
  var orderId: String?
  var failureReason: String?
  var successResponse: SuccessResponse?
  var errorResponse: ErrorResponse?

  private enum CodingKeys: String, CodingKey {
    case success, orderId = "order_id", failureReason = "failure_reason", successResponse = "success_response"
    case errorResponse = "error_response"
  }

  /// The most specific reason of a failure: `new_order_failure_reason` unless empty or
  /// `UNKNOWN_FAILURE_REASON`, then `error`, `preview_failure_reason`, `failure_reason`.
  var failureCode: String {
    let candidates = [
      errorResponse?.newOrderFailureReason, errorResponse?.error, errorResponse?.previewFailureReason, failureReason,
    ]
    for case let code? in candidates where !code.isEmpty && !code.hasPrefix("UNKNOWN_") { return code }
    return errorResponse?.newOrderFailureReason ?? failureReason ?? "UNKNOWN_FAILURE_REASON"
  }

  /// The failure's words: `message`, else `error_details`.
  var failureMessage: String {
    if let message = errorResponse?.message, !message.isEmpty { return message }
    return errorResponse?.errorDetails ?? ""
  }
}

/// A Coinbase error body: `{"error":"NOT_FOUND","message":"…","error_details":"…"}`.
struct CoinbaseErrorBody: Decodable {
  var error: String?
  var message: String?
  var errorDetails: String?

  private enum CodingKeys: String, CodingKey { case error, message, errorDetails = "error_details" }
}

/// The increments and size bounds of `GET /market/products/{id}`, and its last price.
struct CoinbaseProductRulesAnswer: Decodable {
  var productId: String
  var price: Decimal?
  var rules: SymbolOrderRules

  private enum CodingKeys: String, CodingKey {
    case productId = "product_id", price, baseIncrement = "base_increment", quoteIncrement = "quote_increment"
    case priceIncrement = "price_increment", baseMinSize = "base_min_size", baseMaxSize = "base_max_size"
    case quoteMinSize = "quote_min_size", quoteMaxSize = "quote_max_size"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    productId = try container.decode(String.self, forKey: .productId)
    price = try container.decodeDecimalIfPresent(forKey: .price)
    let quoteIncrement = try container.decodeDecimalIfPresent(forKey: .quoteIncrement) ?? 0
    rules = SymbolOrderRules(
      symbol: productId, quantityStep: try container.decodeDecimalIfPresent(forKey: .baseIncrement) ?? 0,
      minQuantity: try container.decodeDecimalIfPresent(forKey: .baseMinSize) ?? 0,
      maxQuantity: try container.decodeDecimalIfPresent(forKey: .baseMaxSize) ?? 0,
      priceTick: try container.decodeDecimalIfPresent(forKey: .priceIncrement) ?? quoteIncrement,
      minNotional: try container.decodeDecimalIfPresent(forKey: .quoteMinSize) ?? 0,
      maxNotional: try container.decodeDecimalIfPresent(forKey: .quoteMaxSize) ?? 0, quoteStep: quoteIncrement,
      notionalAppliesToMarket: true, names: .coinbase)
  }
}

extension CoinbaseOrderRecord: Decodable {
  private enum CodingKeys: String, CodingKey {
    case orderId = "order_id", productId = "product_id", clientOrderId = "client_order_id", side, status
    case filledSize = "filled_size", filledValue = "filled_value", averageFilledPrice = "average_filled_price"
    case numberOfFills = "number_of_fills", totalFees = "total_fees", rejectReason = "reject_reason"
    case rejectMessage = "reject_message", cancelMessage = "cancel_message", createdTime = "created_time"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    orderId = try container.decode(String.self, forKey: .orderId)
    productId = try container.decodeIfPresent(String.self, forKey: .productId) ?? ""
    clientOrderId = try container.decodeIfPresent(String.self, forKey: .clientOrderId) ?? ""
    side = try container.decodeIfPresent(String.self, forKey: .side) ?? ""
    status = try container.decodeIfPresent(String.self, forKey: .status) ?? "UNKNOWN_ORDER_STATUS"
    filledSize = try container.decodeDecimalIfPresent(forKey: .filledSize) ?? 0
    filledValue = try container.decodeDecimalIfPresent(forKey: .filledValue) ?? 0
    let average = try container.decodeDecimalIfPresent(forKey: .averageFilledPrice)
    averageFilledPrice = average.flatMap { $0 > 0 ? $0 : nil }
    numberOfFills = Int(try container.decodeLenientDoubleIfPresent(forKey: .numberOfFills) ?? 0)
    totalFees = try container.decodeDecimalIfPresent(forKey: .totalFees) ?? 0
    let reasons = [
      try container.decodeIfPresent(String.self, forKey: .rejectMessage),
      try container.decodeIfPresent(String.self, forKey: .rejectReason),
      try container.decodeIfPresent(String.self, forKey: .cancelMessage),
    ]
    reason = reasons.compactMap { $0 }.first {
      !$0.isEmpty && !$0.hasPrefix("UNKNOWN_") && $0 != "REJECT_REASON_UNSPECIFIED"
    }
    createdTime = try container.decodeIfPresent(String.self, forKey: .createdTime).flatMap(UTCDateTime.parseRFC3339)
  }
}

extension CoinbaseFill: Decodable {
  private enum CodingKeys: String, CodingKey {
    case tradeId = "trade_id", orderId = "order_id", productId = "product_id", price, size
    case sizeInQuote = "size_in_quote", commission, side, tradeTime = "trade_time"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    tradeId = try container.decode(String.self, forKey: .tradeId)
    orderId = try container.decodeIfPresent(String.self, forKey: .orderId) ?? ""
    productId = try container.decodeIfPresent(String.self, forKey: .productId) ?? ""
    price = try container.decodeDecimal(forKey: .price)
    size = try container.decodeDecimal(forKey: .size)
    sizeInQuote = try container.decodeIfPresent(Bool.self, forKey: .sizeInQuote) ?? false
    commission = try container.decodeDecimalIfPresent(forKey: .commission) ?? 0
    side = try container.decodeIfPresent(String.self, forKey: .side) ?? ""
    tradeTime = try container.decodeIfPresent(String.self, forKey: .tradeTime).flatMap(UTCDateTime.parseRFC3339)
  }
}

extension CoinbaseAccount: Decodable {
  private struct Amount: Decodable {
    var value: Decimal

    private enum CodingKeys: String, CodingKey { case value }

    init(from decoder: any Decoder) throws {
      value = try decoder.container(keyedBy: CodingKeys.self).decodeDecimalIfPresent(forKey: .value) ?? 0
    }
  }

  private enum CodingKeys: String, CodingKey {
    case currency, available = "available_balance", hold
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    currency = try container.decode(String.self, forKey: .currency)
    available = try container.decodeIfPresent(Amount.self, forKey: .available)?.value ?? 0
    hold = try container.decodeIfPresent(Amount.self, forKey: .hold)?.value ?? 0
  }
}

extension CoinbaseCancelResult: Decodable {
  private enum CodingKeys: String, CodingKey { case orderId = "order_id", success, failureReason = "failure_reason" }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    orderId = try container.decodeIfPresent(String.self, forKey: .orderId) ?? ""
    success = try container.decode(Bool.self, forKey: .success)
    failureReason = try container.decodeIfPresent(String.self, forKey: .failureReason) ?? ""
  }
}

/// `{"order":{…}}`.
struct CoinbaseOrderEnvelope: Decodable {
  var order: CoinbaseOrderRecord
}

/// `{"orders":[…],"has_next","cursor"}`.
struct CoinbaseOrdersAnswer: Decodable {
  var orders: [CoinbaseOrderRecord]
  var hasNext: Bool?
  var cursor: String?

  private enum CodingKeys: String, CodingKey { case orders, hasNext = "has_next", cursor }
}

/// `{"fills":[…],"cursor"}`.
struct CoinbaseFillsAnswer: Decodable {
  var fills: [CoinbaseFill]
  var cursor: String?
}

/// `{"accounts":[…],"has_next","cursor"}`.
struct CoinbaseAccountsAnswer: Decodable {
  var accounts: [CoinbaseAccount]
  var hasNext: Bool?
  var cursor: String?

  private enum CodingKeys: String, CodingKey { case accounts, hasNext = "has_next", cursor }
}

/// `{"results":[…]}`.
struct CoinbaseBatchCancelAnswer: Decodable {
  var results: [CoinbaseCancelResult]
}

/// `{"order_ids":[…]}`.
struct CoinbaseBatchCancelBody: Encodable {
  var orderIds: [String]

  private enum CodingKeys: String, CodingKey { case orderIds = "order_ids" }
}
