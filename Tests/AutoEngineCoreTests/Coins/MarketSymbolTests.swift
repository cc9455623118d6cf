import FoundationEssentials
import Testing

@testable import AutoEngineCore

@Suite("Symbols and exchanges")
struct MarketSymbolTests {
  @Test(
    "Coinbase symbols split at the dash",
    arguments: [("BTC-USD", "BTC", "USD"), ("s-usd", "S", "USD"), ("ETH-BTC", "ETH", "BTC")])
  func coinbase(symbol: String, base: String, quote: String) {
    #expect(MarketSymbol(parsing: symbol, on: .coinbase) == MarketSymbol(base: base, quote: quote))
  }

  @Test(
    "Binance.US symbols strip a known quote suffix, longest first",
    arguments: [
      ("BTCUSDT", "BTC", "USDT"), ("ETHUSD", "ETH", "USD"), ("SOLUSDC", "SOL", "USDC"),
      ("ETHBTC", "ETH", "BTC"), ("SUSDT", "S", "USDT"), ("polusdt", "POL", "USDT"),
    ])
  func binance(symbol: String, base: String, quote: String) {
    #expect(MarketSymbol(parsing: symbol, on: .binanceUS) == MarketSymbol(base: base, quote: quote))
  }

  @Test(
    "symbols that break the convention give nil",
    arguments: [
      ("BTCUSD", Exchange.coinbase), ("BTC-USD-X", .coinbase), ("-USD", .coinbase), ("BTC-", .coinbase),
      ("BT C-USD", .coinbase), ("USDT", .binanceUS), ("BTCEUR", .binanceUS), ("BTC-USDT", .binanceUS),
      ("", .binanceUS),
    ])
  func malformed(symbol: String, exchange: Exchange) {
    #expect(MarketSymbol(parsing: symbol, on: exchange) == nil)
  }

  @Test("a pair spells itself per exchange")
  func spelling() {
    let pair = MarketSymbol(base: "pol", quote: "usd")
    #expect(pair.symbol(on: .coinbase) == "POL-USD")
    #expect(pair.symbol(on: .binanceUS) == "POLUSD")
    #expect(pair.description == "POL/USD")
  }

  @Test("exchange raw values, display names, and inference from a symbol")
  func exchanges() {
    #expect(Exchange.allCases.map(\.rawValue) == ["coinbase", "binanceus"])
    #expect(Exchange(rawValue: "binanceus") == .binanceUS)
    #expect(Exchange.coinbase.displayName == "Coinbase")
    #expect(Exchange.binanceUS.displayName == "Binance.US")
    #expect(Exchange.inferred(fromSymbol: "BTC-USD") == .coinbase)
    #expect(Exchange.inferred(fromSymbol: "BTCUSDT") == .binanceUS)
  }

  @Test("a coin built from a symbol reads its base and quote; a bad symbol gives nil")
  func coinFromSymbol() {
    let coin = Coin(symbol: "NEARUSDT", exchange: .binanceUS, maxTradeAmount: 5_000)
    #expect(coin?.base == "NEAR")
    #expect(coin?.quote == "USDT")
    #expect(Coin(symbol: "NEAR/USDT", exchange: .binanceUS) == nil)
  }
}
