import AutoEngineCore
import FoundationEssentials

/// An answer that is one object or an array of them (`symbol=` gives one, `symbols=` many).
struct OneOrMany<Element: Decodable>: Decodable {
  var elements: [Element]

  init(from decoder: any Decoder) throws {
    if let list = try? decoder.singleValueContainer().decode([Element].self) {
      elements = list
    } else {
      elements = [try Element(from: decoder)]
    }
  }
}

/// One entry of `/api/v3/ticker/price`: `{"symbol":"BTCUSDT","price":"4.00000200"}`.
struct BinancePriceTicker: Decodable {
  var symbol: String
  var price: Decimal

  private enum CodingKeys: String, CodingKey { case symbol, price }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    symbol = try container.decode(String.self, forKey: .symbol)
    price = try container.decodeDecimal(forKey: .price)
  }
}

/// One entry of `/api/v3/ticker/24hr`: decimals as strings, times in ms.
struct BinanceDailyTicker: Decodable {
  var symbol: String
  var priceChangePercent: Double?
  var lastPrice: Decimal
  var bidPrice: Decimal?
  var askPrice: Decimal?
  var highPrice: Decimal?
  var lowPrice: Decimal?
  var volume: Decimal
  var quoteVolume: Decimal?
  /// End of the 24-hour window, ms since the epoch.
  var closeTime: Int64?

  private enum CodingKeys: String, CodingKey {
    case symbol, priceChangePercent, lastPrice, bidPrice, askPrice, highPrice, lowPrice, volume, quoteVolume
    case closeTime
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    symbol = try container.decode(String.self, forKey: .symbol)
    priceChangePercent = try container.decodeLenientDoubleIfPresent(forKey: .priceChangePercent)
    lastPrice = try container.decodeDecimal(forKey: .lastPrice)
    bidPrice = try container.decodeDecimalIfPresent(forKey: .bidPrice)
    askPrice = try container.decodeDecimalIfPresent(forKey: .askPrice)
    highPrice = try container.decodeDecimalIfPresent(forKey: .highPrice)
    lowPrice = try container.decodeDecimalIfPresent(forKey: .lowPrice)
    volume = try container.decodeDecimal(forKey: .volume)
    quoteVolume = try container.decodeDecimalIfPresent(forKey: .quoteVolume)
    closeTime = try container.decodeIfPresent(Int64.self, forKey: .closeTime)
  }

  func quote(fetchedAt now: UnixTime) -> PriceQuote {
    PriceQuote(symbol: symbol, price: lastPrice, bid: bidPrice, ask: askPrice, time: time(or: now))
  }

  func stats(fetchedAt now: UnixTime) -> DailyMarketStats {
    DailyMarketStats(
      symbol: symbol, volume: volume, quoteVolume: quoteVolume, priceChangePercent: priceChangePercent,
      high: highPrice, low: lowPrice, lastPrice: lastPrice, time: time(or: now))
  }

  private func time(or now: UnixTime) -> UnixTime {
    closeTime.map { UnixTime(seconds: Double($0) / 1000) } ?? now
  }
}

/// The answer of `/api/v3/exchangeInfo`: rate limits and symbols.
struct BinanceExchangeInfo: Decodable {
  struct RateLimit: Decodable {
    var rateLimitType: String
    var interval: String
    var intervalNum: Int?
    var limit: Int

    /// The interval in seconds, or nil for an unknown unit.
    var seconds: Double? {
      let unit: Double
      switch interval.uppercased() {
      case "SECOND": unit = 1
      case "MINUTE": unit = 60
      case "HOUR": unit = 3600
      case "DAY": unit = 86_400
      default: return nil
      }
      return unit * Double(max(1, intervalNum ?? 1))
    }
  }

  struct SymbolInfo: Decodable {
    var symbol: String
    var status: String
    var baseAsset: String
    var quoteAsset: String

    var listing: SymbolListing {
      SymbolListing(
        symbol: symbol, isTrading: status == "TRADING", status: status, baseAsset: baseAsset, quoteAsset: quoteAsset)
    }
  }

  var rateLimits: [RateLimit]
  var symbols: [SymbolInfo]

  private enum CodingKeys: String, CodingKey { case rateLimits, symbols }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    rateLimits = try container.decodeIfPresent([RateLimit].self, forKey: .rateLimits) ?? []
    symbols = try container.decode([SymbolInfo].self, forKey: .symbols)
  }

  /// The `REQUEST_WEIGHT` limit and its window in seconds, when listed.
  var requestWeightLimit: (limit: Int, windowSeconds: Double)? {
    for limit in rateLimits where limit.rateLimitType == "REQUEST_WEIGHT" {
      if let seconds = limit.seconds, limit.limit > 0 { return (limit.limit, seconds) }
    }
    return nil
  }
}

/// Binance.US kline intervals by their length in seconds.
enum BinanceInterval {
  static let names: [Int: String] = [
    60: "1m", 180: "3m", 300: "5m", 900: "15m", 1800: "30m", 3600: "1h", 7200: "2h", 14_400: "4h",
    21_600: "6h", 28_800: "8h", 43_200: "12h", 86_400: "1d", 259_200: "3d", 604_800: "1w",
  ]
}

/// Request weights of the market-data endpoints, per exchanges.md.
enum BinanceWeight {
  /// `/api/v3/ticker/price` with `symbols=`.
  static let priceTicker = 2
  /// `/api/v3/klines`.
  static let klines = 1
  /// `/api/v3/exchangeInfo`.
  static let exchangeInfo = 10

  /// `/api/v3/ticker/24hr` for `count` symbols: 1 for 1–20, 20 for 21–100, 40 for all (count 0).
  static func dailyTicker(symbolCount count: Int) -> Int {
    switch count {
    case 1...20: 1
    case 21...100: 20
    default: 40
    }
  }
}
