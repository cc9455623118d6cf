import AutoEngineCore
import FoundationEssentials
import Testing

@Suite struct PositionBookTests {
  let btc = Coin(symbol: "BTCUSDT", exchange: .binanceUS, base: "BTC", quote: "USDT")

  func fill(
    _ id: String, _ side: OrderSide, price: String, base: String, quote: String, fee: String, asset: String = "USDT",
    at seconds: Double
  ) -> Fill {
    Fill(
      tradeId: id, clientOrderId: "o-\(id)", symbol: "BTCUSDT", side: side, price: Decimal(string: price)!,
      baseQuantity: Decimal(string: base)!, quoteQuantity: Decimal(string: quote)!, fee: Decimal(string: fee)!,
      feeAsset: asset, time: UnixTime(seconds: seconds))
  }

  /// The paper round trip of `PaperFillModelTests`: bought for 100.09997498 with fees, sold for
  /// 101.79612747 after fees — a profit of exactly 1.69615249.
  @Test func roundTripRealisesProceedsMinusCostWithFeesExactly() throws {
    var book = PositionBook()
    book.apply(fill("1", .buy, price: "50025", base: "0.001999", quote: "99.999975", fee: "0.09999998", at: 10), coin: btc)
    let open = try #require(book.open["BTCUSDT"])
    #expect(open.baseQuantity == Decimal(string: "0.001999"))
    #expect(open.costBasis == Decimal(string: "100.09997498"))
    #expect(book.totalExposure == Decimal(string: "100.09997498"))
    book.apply(
      fill("2", .sell, price: "50974.5", base: "0.001999", quote: "101.8980255", fee: "0.10189803", at: 20), coin: btc)
    #expect(book.open.isEmpty)
    #expect(book.realizedPnl() == Decimal(string: "1.69615249"))
    #expect(book.closed.count == 1)
    #expect(book.closed[0].closedAt == UnixTime(seconds: 20))
    #expect(book.roundTrips() == (wins: 1, losses: 0))
  }

  @Test func partialSellRealisesAtAverageCostAndKeepsTheRest() throws {
    var book = PositionBook()
    book.apply(fill("1", .buy, price: "100", base: "1", quote: "100", fee: "0", at: 1), coin: btc)
    book.apply(fill("2", .buy, price: "200", base: "1", quote: "200", fee: "0", at: 2), coin: btc)
    #expect(book.open["BTCUSDT"]?.averageEntryPrice == 150)
    book.apply(fill("3", .sell, price: "120", base: "0.5", quote: "60", fee: "0", at: 3), coin: btc)
    let open = try #require(book.open["BTCUSDT"])
    #expect(open.baseQuantity == Decimal(string: "1.5"))
    #expect(open.costBasis == 225)
    #expect(book.realizedPnl() == -15)
    #expect(book.realizedLoss(since: UnixTime(seconds: 0)) == 15)
    #expect(book.realizedLoss(since: UnixTime(seconds: 4)) == 0)
  }

  @Test func aFeeInTheBaseAssetReducesTheQuantityHeld() {
    var book = PositionBook()
    book.apply(fill("1", .buy, price: "100", base: "1", quote: "100", fee: "0.001", asset: "BTC", at: 1), coin: btc)
    #expect(book.open["BTCUSDT"]?.baseQuantity == Decimal(string: "0.999"))
    #expect(book.open["BTCUSDT"]?.costBasis == 100)
  }

  @Test func aSellOfMoreThanIsHeldRealisesOnlyTheHeldPart() {
    var book = PositionBook()
    book.apply(fill("1", .buy, price: "100", base: "1", quote: "100", fee: "0", at: 1), coin: btc)
    book.apply(fill("2", .sell, price: "110", base: "2", quote: "220", fee: "0", at: 2), coin: btc)
    #expect(book.realizedPnl() == 10)
    #expect(book.open.isEmpty)
    // A sell with nothing held changes nothing.
    book.apply(fill("3", .sell, price: "110", base: "1", quote: "110", fee: "0", at: 3), coin: btc)
    #expect(book.realizedPnl() == 10)
  }

  @Test func highestPriceFollowsBuysAndObservedPrices() {
    var book = PositionBook()
    let unknown = book.observe(price: 500, of: "BTCUSDT")
    #expect(!unknown)
    book.apply(fill("1", .buy, price: "100", base: "1", quote: "100", fee: "0", at: 1), coin: btc)
    #expect(book.open["BTCUSDT"]?.highestPrice == 100)
    let higher = book.observe(price: 130, of: "BTCUSDT")
    let lower = book.observe(price: 120, of: "BTCUSDT")
    #expect(higher && !lower)
    #expect(book.open["BTCUSDT"]?.exitPrices == OpenPositionPrices(entryPrice: 100, highestPrice: 130))
  }

  @Test func orderSumsItsFillsOnceEach() {
    var order = Order(
      clientOrderId: "o-1", coin: btc, side: .buy, amount: .quote(100), origin: .manual, reason: "test",
      createdAt: UnixTime(seconds: 1), mode: .paper)
    let first = Fill(copying: fill("1", .buy, price: "100", base: "0.5", quote: "50", fee: "0.05", at: 2), order: "o-1")
    let second = Fill(
      copying: fill("2", .buy, price: "100", base: "0.25", quote: "25", fee: "1", asset: "BNB", at: 3), order: "o-1")
    let added = [order.apply(first), order.apply(first), order.apply(second)]
    #expect(added == [true, false, true])
    #expect(order.filledBase == Decimal(string: "0.75"))
    #expect(order.filledQuote == 75)
    #expect(order.fees == Decimal(string: "0.05"))
    #expect(order.averageFillPrice == 100)
    // A fill of another order is not taken.
    let foreign = order.apply(fill("3", .buy, price: "1", base: "1", quote: "1", fee: "0", at: 4))
    #expect(!foreign)
  }
}

extension Fill {
  init(copying fill: Fill, order: String) {
    self = fill
    clientOrderId = order
  }
}
