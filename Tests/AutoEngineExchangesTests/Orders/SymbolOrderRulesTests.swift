import AutoEngineCore
import FoundationEssentials
import Testing

@testable import AutoEngineExchanges

@Suite("Symbol order rules: rounding and filter checks")
struct SymbolOrderRulesTests {
  static func d(_ text: String) -> Decimal { Decimal(string: text) ?? .nan }

  /// BTCUSDT-like rules: tick 0.01 from 0.01, step 0.00001, quantity 0.00001…9000, value 10…9,000,000.
  static let rules = SymbolOrderRules(
    symbol: "BTCUSDT", quantityStep: d("0.00001"), minQuantity: d("0.00001"), maxQuantity: 9000,
    priceTick: d("0.01"), minPrice: d("0.01"), maxPrice: 1_000_000, minNotional: 10, maxNotional: 9_000_000,
    quoteStep: d("0.01"))

  func placement(
    _ type: OrderType, _ amount: OrderAmount, side: OrderSide = .buy, limit: String? = nil, reference: String? = nil
  ) -> OrderPlacement {
    OrderPlacement(
      clientOrderId: "c1", symbol: "BTCUSDT", side: side, type: type, amount: amount, limitPrice: limit.map(Self.d),
      referencePrice: reference.map(Self.d))
  }

  @Test(
    "LOT_SIZE: quantities round down to the step, never up",
    arguments: [
      ("0.123456789", "0.12345"), ("0.12345", "0.12345"), ("0.000019999", "0.00001"), ("1", "1"),
      ("8999.999999", "8999.99999"),
    ])
  func stepDown(_ input: String, _ expected: String) {
    #expect(Self.rules.roundedQuantity(Self.d(input)) == Self.d(expected))
  }

  @Test("a step of 0 leaves quantities as they are")
  func zeroStep() {
    #expect(SymbolOrderRules(symbol: "X").roundedQuantity(Self.d("0.123456789")) == Self.d("0.123456789"))
  }

  @Test("PRICE_FILTER: buys round down to the tick, sells up; the grid starts at minPrice")
  func tickRounding() {
    #expect(Self.rules.roundedPrice(Self.d("65000.129"), side: .down) == Self.d("65000.12"))
    #expect(Self.rules.roundedPrice(Self.d("65000.121"), side: .up) == Self.d("65000.13"))
    #expect(Self.rules.roundedPrice(Self.d("65000.12"), side: .up) == Self.d("65000.12"))
    let offset = SymbolOrderRules(symbol: "X", priceTick: Self.d("0.01"), minPrice: Self.d("0.005"))
    #expect(offset.roundedPrice(Self.d("1.0"), side: .down) == Self.d("0.995"))
    #expect(offset.roundedPrice(Self.d("1.0"), side: .up) == Self.d("1.005"))
    let coarse = SymbolOrderRules(symbol: "X", priceTick: Self.d("0.05"))
    #expect(coarse.roundedPrice(Self.d("1.27"), side: .down) == Self.d("1.25"))
  }

  @Test("a market buy by quote amount rounds the amount down to the quote precision and checks NOTIONAL")
  func marketQuote() {
    #expect(
      Self.rules.prepare(placement(.market, .quote(Self.d("25.129"))))
        == .success(PreparedOrder(quoteAmount: Self.d("25.12"))))
    let small = Self.rules.prepare(placement(.market, .quote(Self.d("9.999"))))
    #expect(small.failure?.rule == "NOTIONAL")
    #expect(small.failure?.description.contains("9.99") == true)
    #expect(Self.rules.prepare(placement(.market, .quote(10_000_000))).failure?.rule == "NOTIONAL")
    #expect(Self.rules.prepare(placement(.market, .quote(Self.d("0.004")))).failure?.rule == "NOTIONAL")
  }

  @Test("a market order by quantity checks LOT_SIZE, and NOTIONAL only with a reference price")
  func marketBase() {
    #expect(
      Self.rules.prepare(placement(.market, .base(Self.d("0.0012345")), side: .sell))
        == .success(PreparedOrder(quantity: Self.d("0.00123"))))
    #expect(Self.rules.prepare(placement(.market, .base(Self.d("0.000009")), side: .sell)).failure?.rule == "LOT_SIZE")
    #expect(Self.rules.prepare(placement(.market, .base(9001), side: .sell)).failure?.rule == "LOT_SIZE")
    // 0.0001 × 65000 = 6.5 < 10
    #expect(
      Self.rules.prepare(placement(.market, .base(Self.d("0.0001")), side: .sell, reference: "65000")).failure?.rule
        == "NOTIONAL")
    #expect(Self.rules.prepare(placement(.market, .base(Self.d("0.0001")), side: .sell)).failure == nil)
    var lenient = Self.rules
    lenient.notionalAppliesToMarket = false
    #expect(
      lenient.prepare(placement(.market, .base(Self.d("0.0001")), side: .sell, reference: "65000")).failure == nil)
  }

  @Test("a limit order rounds price and quantity, then checks minQty, price bounds and notional at the rounded price")
  func limit() {
    let prepared = Self.rules.prepare(placement(.limit, .base(Self.d("0.0012349")), side: .buy, limit: "60000.019"))
    #expect(prepared == .success(PreparedOrder(quantity: Self.d("0.00123"), price: Self.d("60000.01"))))
    let byQuote = Self.rules.prepare(placement(.limit, .quote(100), side: .buy, limit: "60000"))
    #expect(byQuote == .success(PreparedOrder(quantity: Self.d("0.00166"), price: 60000)))
    #expect(Self.rules.prepare(placement(.limit, .base(1), side: .buy, limit: "0.001")).failure?.rule == "PRICE_FILTER")
    #expect(
      Self.rules.prepare(placement(.limit, .base(1), side: .buy, limit: "2000000")).failure?.rule == "PRICE_FILTER")
    #expect(
      Self.rules.prepare(placement(.limit, .base(Self.d("0.0001")), side: .buy, limit: "60000")).failure?.rule
        == "NOTIONAL")
    #expect(Self.rules.prepare(placement(.limit, .base(200), side: .buy, limit: "60000")).failure?.rule == "NOTIONAL")
  }

  @Test("exactly at a bound passes; just past it fails")
  func boundsAreInclusive() {
    #expect(Self.rules.prepare(placement(.market, .quote(10))).failure == nil)
    #expect(Self.rules.prepare(placement(.market, .quote(9_000_000))).failure == nil)
    #expect(Self.rules.prepare(placement(.market, .base(Self.d("0.00001")), side: .sell)).failure == nil)
    #expect(Self.rules.prepare(placement(.market, .base(9000), side: .sell)).failure == nil)
  }

  @Test("exchangeInfo filters become rules: NOTIONAL or the older MIN_NOTIONAL, quote precision defaults to 2")
  func fromExchangeInfo() throws {
    let json = #"""
      {"symbols":[{"symbol":"BTCUSDT","status":"TRADING","quoteAssetPrecision":8,"filters":[
        {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
        {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
        {"filterType":"NOTIONAL","minNotional":"10.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000"}]},
       {"symbol":"ETHUSD","filters":[{"filterType":"MIN_NOTIONAL","minNotional":"5.0","applyToMarket":false}]}]}
      """#
    let answer = try JSONDecoder().decode(BinanceUSSymbolRulesAnswer.self, from: Data(json.utf8))
    let btc = answer.symbols[0].rules
    #expect(btc.quantityStep == Self.d("0.00001") && btc.minQuantity == Self.d("0.00001") && btc.maxQuantity == 9000)
    #expect(btc.priceTick == Self.d("0.01") && btc.minPrice == Self.d("0.01") && btc.maxPrice == 1_000_000)
    #expect(btc.minNotional == 10 && btc.maxNotional == 9_000_000 && btc.notionalAppliesToMarket)
    #expect(btc.quoteStep == Self.d("0.00000001"))
    let eth = answer.symbols[1].rules
    #expect(eth.names.minNotional == "MIN_NOTIONAL" && !eth.notionalAppliesToMarket && eth.minNotional == 5)
    #expect(eth.quoteStep == Self.d("0.01"))
  }

  @Test("Coinbase product increments become rules named by their fields")
  func fromCoinbaseProduct() throws {
    let json = #"""
      {"product_id":"BTC-USD","price":"65000.12","base_increment":"0.00000001","quote_increment":"0.01",
       "quote_min_size":"1","quote_max_size":"150000000","base_min_size":"0.0001","base_max_size":"3400"}
      """#
    let product = try JSONDecoder().decode(CoinbaseProductRulesAnswer.self, from: Data(json.utf8))
    #expect(product.price == Self.d("65000.12"))
    let rules = product.rules
    #expect(
      rules.quantityStep == Self.d("0.00000001") && rules.priceTick == Self.d("0.01")
        && rules.quoteStep == Self.d("0.01"))
    let tooSmall = OrderPlacement(
      clientOrderId: "c", symbol: "BTC-USD", side: .sell, type: .market, amount: .base(Self.d("0.00005")))
    #expect(rules.prepare(tooSmall).failure?.rule == "base_min_size")
    let cheap = OrderPlacement(
      clientOrderId: "c", symbol: "BTC-USD", side: .buy, type: .market, amount: .quote(Self.d("0.5")))
    #expect(rules.prepare(cheap).failure?.rule == "quote_min_size")
  }

  @Test("an invalid placement is named before any rule applies")
  func placementProblems() {
    #expect(placement(.market, .quote(-1)).problem != nil)
    #expect(placement(.limit, .base(1)).problem == "a limit order needs a limit price")
    var badId = placement(.market, .quote(10))
    badId.clientOrderId = "has space"
    #expect(badId.problem != nil)
    badId.clientOrderId = String(repeating: "a", count: 37)
    #expect(badId.problem != nil)
    #expect(placement(.market, .quote(10)).problem == nil)
  }
}

extension Result {
  /// The failure, or nil on success.
  var failure: Failure? {
    if case .failure(let failure) = self { return failure }
    return nil
  }
}
