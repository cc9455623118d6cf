public import AutoEngineCore
import FoundationEssentials

extension MockExchangeState {
  /// The order book of `exchange`.
  public func orderBook(_ exchange: Exchange) -> MockOrderBook {
    exchange == .coinbase ? coinbaseOrders : binanceUSOrders
  }

  /// Fills the resting limit orders of `exchange` whose market price has crossed their limit
  /// (the order routes do this before answering; call it after moving a price to see the fills
  /// without a request).
  public func matchOpenOrders(on exchange: Exchange) {
    var prices: [String: Decimal] = [:]
    for market in markets(on: exchange) { prices[market.symbol] = market.price }
    orderBook(exchange).match(prices: prices, at: now())
  }
}
