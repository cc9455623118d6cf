import AutoEngineCore
import FoundationEssentials
import Testing

@Suite struct PaperFillModelTests {
  let model = PaperFillModel(feePercent: 0.1, slippagePercent: 0.05)

  @Test func marketBuyByQuoteAmountSlipsUpRoundsQuantityDownAndFeeUp() throws {
    let execution = try #require(model.marketExecution(side: .buy, amount: .quote(100), price: 50_000))
    #expect(execution.price == 50_025)
    // 100 / 50,025 = 0.0019990004…, kept to 8 places rounding down: never spends more than asked.
    #expect(execution.baseQuantity == Decimal(string: "0.001999"))
    #expect(execution.quoteQuantity == Decimal(string: "99.999975"))
    // 0.1 % of 99.999975 = 0.099999975, rounded up to 8 places: never charges less.
    #expect(execution.fee == Decimal(string: "0.09999998"))
    #expect(execution.cash(for: .buy) == Decimal(string: "100.09997498"))
  }

  @Test func marketSellByBaseAmountSlipsDown() throws {
    let execution = try #require(
      model.marketExecution(side: .sell, amount: .base(Decimal(string: "0.001999")!), price: 51_000))
    #expect(execution.price == Decimal(string: "50974.5"))
    #expect(execution.quoteQuantity == Decimal(string: "101.8980255"))
    #expect(execution.fee == Decimal(string: "0.10189803"))
    #expect(execution.cash(for: .sell) == Decimal(string: "101.79612747"))
  }

  @Test func limitOrdersFillAtTheLimitOnlyOnceThePriceReachesIt() throws {
    #expect(model.limitExecution(side: .buy, amount: .quote(50), limit: 100, price: 100.01) == nil)
    let buy = try #require(model.limitExecution(side: .buy, amount: .quote(50), limit: 100, price: 100))
    #expect(buy.price == 100)
    #expect(buy.baseQuantity == Decimal(string: "0.5"))
    #expect(model.limitExecution(side: .sell, amount: .base(1), limit: 100, price: 99.99) == nil)
    let sell = try #require(model.limitExecution(side: .sell, amount: .base(1), limit: 100, price: 120))
    #expect(sell.price == 100)
  }

  @Test func nothingFillsWithoutAPriceOrBelowTheSmallestQuantity() {
    #expect(model.marketExecution(side: .buy, amount: .quote(10), price: 0) == nil)
    #expect(model.marketExecution(side: .buy, amount: .quote(Decimal(string: "0.0000001")!), price: 60_000) == nil)
  }

  @Test func zeroFeeAndSlippageFillExactlyAtThePrice() throws {
    let exact = PaperFillModel(feePercent: 0, slippagePercent: 0)
    let execution = try #require(exact.marketExecution(side: .buy, amount: .quote(30), price: 3))
    #expect(execution.price == 3)
    #expect(execution.baseQuantity == 10)
    #expect(execution.fee == 0)
  }
}
