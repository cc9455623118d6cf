import AutoEngineCore
import FoundationEssentials

/// The part of `GET /api/v3/exchangeInfo?symbols=[…]` the order client reads: each symbol's
/// filters and quote precision, turned into `SymbolOrderRules`.
struct BinanceUSSymbolRulesAnswer: Decodable {
  struct SymbolEntry: Decodable {
    var symbol: String
    var status: String?
    var quoteAssetPrecision: Int?
    var quotePrecision: Int?
    var filters: [Filter]
  }

  /// One filter; fields absent from a filter type stay nil.
  struct Filter: Decodable {
    var filterType: String
    var minPrice: Decimal?
    var maxPrice: Decimal?
    var tickSize: Decimal?
    var minQty: Decimal?
    var maxQty: Decimal?
    var stepSize: Decimal?
    var minNotional: Decimal?
    var maxNotional: Decimal?
    var applyToMarket: Bool?
    var applyMinToMarket: Bool?

    private enum CodingKeys: String, CodingKey {
      case filterType, minPrice, maxPrice, tickSize, minQty, maxQty, stepSize, minNotional, maxNotional
      case applyToMarket, applyMinToMarket
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      filterType = try container.decode(String.self, forKey: .filterType)
      minPrice = try container.decodeDecimalIfPresent(forKey: .minPrice)
      maxPrice = try container.decodeDecimalIfPresent(forKey: .maxPrice)
      tickSize = try container.decodeDecimalIfPresent(forKey: .tickSize)
      minQty = try container.decodeDecimalIfPresent(forKey: .minQty)
      maxQty = try container.decodeDecimalIfPresent(forKey: .maxQty)
      stepSize = try container.decodeDecimalIfPresent(forKey: .stepSize)
      minNotional = try container.decodeDecimalIfPresent(forKey: .minNotional)
      maxNotional = try container.decodeDecimalIfPresent(forKey: .maxNotional)
      applyToMarket = try container.decodeIfPresent(Bool.self, forKey: .applyToMarket)
      applyMinToMarket = try container.decodeIfPresent(Bool.self, forKey: .applyMinToMarket)
    }
  }

  var symbols: [SymbolEntry]
}

extension BinanceUSSymbolRulesAnswer.SymbolEntry {
  /// Quote precision assumed when exchangeInfo gives none: cents, as for USD-like assets.
  static let defaultQuotePrecision = 2

  /// The rules of this symbol: `LOT_SIZE`, `PRICE_FILTER`, and `NOTIONAL` (or the older
  /// `MIN_NOTIONAL`) with their market flags; quote amounts step by 10^−quoteAssetPrecision.
  var rules: SymbolOrderRules {
    let lot = filters.first { $0.filterType == "LOT_SIZE" }
    let price = filters.first { $0.filterType == "PRICE_FILTER" }
    let notional = filters.first { $0.filterType == "NOTIONAL" } ?? filters.first { $0.filterType == "MIN_NOTIONAL" }
    let places = max(0, min(18, quoteAssetPrecision ?? quotePrecision ?? Self.defaultQuotePrecision))
    var quoteStep = Decimal(1)
    for _ in 0..<places { quoteStep /= 10 }
    return SymbolOrderRules(
      symbol: symbol, quantityStep: lot?.stepSize ?? 0, minQuantity: lot?.minQty ?? 0, maxQuantity: lot?.maxQty ?? 0,
      priceTick: price?.tickSize ?? 0, minPrice: price?.minPrice ?? 0, maxPrice: price?.maxPrice ?? 0,
      minNotional: notional?.minNotional ?? 0, maxNotional: notional?.maxNotional ?? 0, quoteStep: quoteStep,
      notionalAppliesToMarket: notional?.applyMinToMarket ?? notional?.applyToMarket ?? true,
      names: .binance(notional: notional?.filterType ?? "NOTIONAL"))
  }
}
