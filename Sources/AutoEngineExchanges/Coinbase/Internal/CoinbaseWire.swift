import AutoEngineCore
import FoundationEssentials

/// The answer of `GET /market/products`: `{"products":[…],"num_products":N}` (a bare array of
/// products is accepted too).
struct CoinbaseProductsAnswer: Decodable {
  var products: [CoinbaseProduct]

  private enum CodingKeys: String, CodingKey { case products }

  init(from decoder: any Decoder) throws {
    if let list = try? decoder.singleValueContainer().decode([CoinbaseProduct].self) {
      products = list
      return
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    products = try container.decodeIfPresent([CoinbaseProduct].self, forKey: .products) ?? []
  }
}

/// One product of the Advanced Trade products list; numbers arrive as strings.
struct CoinbaseProduct: Decodable {
  var productID: String
  /// Last price, quote currency; nil when the product has none (`""`).
  var price: Decimal?
  /// Price change over 24 h, percent.
  var priceChangePercent24h: Double?
  /// Volume over 24 h, base currency.
  var volume24h: Decimal?
  var status: String
  var tradingDisabled: Bool
  var cancelOnly: Bool
  var baseCurrencyID: String?
  var quoteCurrencyID: String?

  private enum CodingKeys: String, CodingKey {
    case productID = "product_id", price, priceChangePercent24h = "price_percentage_change_24h"
    case volume24h = "volume_24h", status, tradingDisabled = "trading_disabled", cancelOnly = "cancel_only"
    case baseCurrencyID = "base_currency_id", quoteCurrencyID = "quote_currency_id"
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    productID = try container.decode(String.self, forKey: .productID)
    price = try container.decodeDecimalIfPresent(forKey: .price)
    priceChangePercent24h = try container.decodeLenientDoubleIfPresent(forKey: .priceChangePercent24h)
    volume24h = try container.decodeDecimalIfPresent(forKey: .volume24h)
    status = try container.decodeIfPresent(String.self, forKey: .status) ?? ""
    tradingDisabled = try container.decodeIfPresent(Bool.self, forKey: .tradingDisabled) ?? false
    cancelOnly = try container.decodeIfPresent(Bool.self, forKey: .cancelOnly) ?? false
    baseCurrencyID = try container.decodeIfPresent(String.self, forKey: .baseCurrencyID)
    quoteCurrencyID = try container.decodeIfPresent(String.self, forKey: .quoteCurrencyID)
  }

  /// The listing: trading when online and neither trading-disabled nor cancel-only; assets from
  /// `base_currency_id`/`quote_currency_id`, else split from the product id.
  var listing: SymbolListing {
    let split = MarketSymbol(parsing: productID, on: .coinbase)
    let base = nonEmpty(baseCurrencyID) ?? split?.base ?? productID
    let quote = nonEmpty(quoteCurrencyID) ?? split?.quote ?? ""
    let trading = status.lowercased() == "online" && !tradingDisabled && !cancelOnly
    return SymbolListing(symbol: productID, isTrading: trading, status: status, baseAsset: base, quoteAsset: quote)
  }

  private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }
}

/// The answer of `GET /market/products/{id}/candles`, newest first.
struct CoinbaseCandlesAnswer: Decodable {
  var candles: [CoinbaseCandle]
}

/// One candle: `start` in UNIX seconds and OHLCV, all as strings.
struct CoinbaseCandle: Decodable {
  var candle: Candle

  private enum CodingKeys: String, CodingKey { case start, low, high, open, close, volume }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func number(_ key: CodingKeys) throws -> Double {
      guard let value = try container.decodeLenientDoubleIfPresent(forKey: key) else {
        throw DecodingError.valueNotFound(
          Double.self, .init(codingPath: container.codingPath + [key], debugDescription: "missing number"))
      }
      return value
    }
    candle = Candle(
      time: UnixTime(seconds: try number(.start)), open: try number(.open), high: try number(.high),
      low: try number(.low), close: try number(.close), volume: try number(.volume))
  }
}

/// Advanced Trade candle granularities by their length in seconds.
enum CoinbaseGranularity {
  static let names: [Int: String] = [
    60: "ONE_MINUTE", 300: "FIVE_MINUTE", 900: "FIFTEEN_MINUTE", 1800: "THIRTY_MINUTE",
    3600: "ONE_HOUR", 7200: "TWO_HOUR", 21_600: "SIX_HOUR", 86_400: "ONE_DAY",
  ]
}
