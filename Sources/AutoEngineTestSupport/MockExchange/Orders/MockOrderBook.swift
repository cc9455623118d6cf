public import AutoEngineCore
public import FoundationEssentials
import Synchronization

/// One exchange's orders and account in the mock: balances, the orders placed, and their fills.
///
/// Market orders fill at once at the market's current price; limit orders that cross fill at
/// once at the current price, others rest (holding the funds) until `match(prices:at:)` sees
/// the price cross, then fill at their limit price. Every commission is `commissionRate` of the
/// fill's value, charged in the quote asset. Thread-safe.
public final class MockOrderBook: Sendable {
  private struct Storage {
    var orders: [MockOrder] = []
    var balances: [String: MockBalance] = [:]
    var nextTrade: Int64 = 1
    var commissionRate: Decimal
  }

  /// The exchange whose book this is.
  public let exchange: Exchange
  private let storage: Mutex<Storage>

  /// Creates a book with 100,000 of each of USD, USDT and USDC free and the exchange's usual
  /// taker commission (Binance.US 0.1 %, Coinbase 0.6 %).
  public init(exchange: Exchange) {
    self.exchange = exchange
    let rate = exchange == .coinbase ? Decimal(string: "0.006") ?? 0 : Decimal(string: "0.001") ?? 0
    var storage = Storage(commissionRate: rate)
    for asset in ["USD", "USDT", "USDC"] {
      storage.balances[asset] = MockBalance(asset: asset, free: 100_000, locked: 0)
    }
    self.storage = Mutex(storage)
  }

  /// Commission per fill as a fraction of its value (0.001 = 0.1 %).
  public var commissionRate: Decimal {
    get { storage.withLock { $0.commissionRate } }
    set { storage.withLock { $0.commissionRate = max(0, newValue) } }
  }

  /// Every order placed, oldest first.
  public var orders: [MockOrder] { storage.withLock { $0.orders } }

  /// Number of orders placed (accepted ones; refused ones are not in the book).
  public var orderCount: Int { storage.withLock { $0.orders.count } }

  /// The newest order with `clientOrderId`, or nil.
  public func order(clientOrderId: String) -> MockOrder? {
    storage.withLock { $0.orders.last { $0.clientOrderId == clientOrderId } }
  }

  /// The order with exchange id `orderId`, or nil.
  public func order(id orderId: String) -> MockOrder? {
    storage.withLock { $0.orders.first { $0.orderId == orderId } }
  }

  /// Balances with anything free or locked, sorted by asset.
  public var balances: [MockBalance] {
    storage.withLock { $0.balances.values.filter { $0.free != 0 || $0.locked != 0 }.sorted { $0.asset < $1.asset } }
  }

  /// The balance of `asset` (zero when never set).
  public func balance(_ asset: String) -> MockBalance {
    storage.withLock { $0.balances[asset] ?? MockBalance(asset: asset, free: 0, locked: 0) }
  }

  /// Sets the free and locked amounts of `asset`.
  public func setBalance(_ asset: String, free: Decimal, locked: Decimal = 0) {
    storage.withLock { $0.balances[asset] = MockBalance(asset: asset, free: free, locked: locked) }
  }

  // MARK: - Trading (the routes' side)

  /// Places `ticket` on `market` at time `now`: checks the client order id among open orders and
  /// the balance, fills what crosses, rests the rest.
  func place(_ ticket: MockOrderTicket, on market: MockMarket, now: UnixTime) -> Result<MockOrder, MockOrderRefusal> {
    storage.withLock { storage in
      if storage.orders.contains(where: { $0.clientOrderId == ticket.clientOrderId && !$0.status.isFinal }) {
        return .failure(.duplicateClientOrderId)
      }
      let number = Int64(storage.orders.count + 1)
      var order = MockOrder(
        number: number, orderId: exchange == .coinbase ? Self.uuid(number) : String(number),
        clientOrderId: ticket.clientOrderId, symbol: market.symbol, baseAsset: market.baseAsset,
        quoteAsset: market.quoteAsset, side: ticket.side, type: ticket.type, status: .open, quantity: ticket.quantity,
        quoteQuantity: ticket.quoteQuantity, limitPrice: ticket.limitPrice, fills: [], held: 0, createdAt: now,
        updatedAt: now)
      let price = market.price
      let crosses = ticket.limitPrice.map { ticket.side == .buy ? price <= $0 : price >= $0 } ?? true
      let quantity =
        ticket.quantity ?? Self.floor((ticket.quoteQuantity ?? 0) / price, step: market.rules.quantityStep)
      guard quantity > 0 else { return .failure(.zeroQuantity) }
      if crosses {
        let value = quantity * price
        let fee = value * storage.commissionRate
        guard Self.canPay(side: ticket.side, quantity: quantity, value: value, fee: fee, market: market, storage)
        else { return .failure(.insufficientBalance) }
        Self.settle(&order, quantity: quantity, price: price, isMaker: false, now: now, &storage)
        order.status = .filled
      } else {
        let limit = ticket.limitPrice ?? price
        let hold = ticket.side == .buy ? quantity * limit * (1 + storage.commissionRate) : quantity
        let asset = ticket.side == .buy ? market.quoteAsset : market.baseAsset
        guard (storage.balances[asset]?.free ?? 0) >= hold else { return .failure(.insufficientBalance) }
        storage.balances[asset, default: MockBalance(asset: asset, free: 0, locked: 0)].free -= hold
        storage.balances[asset, default: MockBalance(asset: asset, free: 0, locked: 0)].locked += hold
        order.held = hold
      }
      storage.orders.append(order)
      return .success(order)
    }
  }

  /// Cancels the open order matching `where`, releasing what it held.
  func cancel(at now: UnixTime, where matches: (MockOrder) -> Bool) -> Result<MockOrder, MockOrderRefusal> {
    storage.withLock { storage in
      guard let index = storage.orders.lastIndex(where: { matches($0) && !$0.status.isFinal }) else {
        return .failure(.unknownOrder)
      }
      var order = storage.orders[index]
      Self.release(&order, &storage)
      order.status = .cancelled
      order.updatedAt = now
      storage.orders[index] = order
      return .success(order)
    }
  }

  /// Fills every open limit order whose market price (`prices[symbol]`) has crossed its limit,
  /// at the limit price.
  func match(prices: [String: Decimal], at now: UnixTime) {
    storage.withLock { storage in
      for index in storage.orders.indices where storage.orders[index].status == .open {
        var order = storage.orders[index]
        guard let limit = order.limitPrice, let price = prices[order.symbol],
          order.side == .buy ? price <= limit : price >= limit, let quantity = order.quantity
        else { continue }
        Self.release(&order, &storage)
        Self.settle(&order, quantity: quantity, price: limit, isMaker: true, now: now, &storage)
        order.status = .filled
        storage.orders[index] = order
      }
    }
  }

  // MARK: - Internals

  private static func canPay(
    side: OrderSide, quantity: Decimal, value: Decimal, fee: Decimal, market: MockMarket, _ storage: Storage
  ) -> Bool {
    switch side {
    case .buy: (storage.balances[market.quoteAsset]?.free ?? 0) >= value + fee
    case .sell: (storage.balances[market.baseAsset]?.free ?? 0) >= quantity
    }
  }

  /// Records one fill of `quantity` at `price` and moves the balances (fee in the quote asset).
  private static func settle(
    _ order: inout MockOrder, quantity: Decimal, price: Decimal, isMaker: Bool, now: UnixTime, _ storage: inout Storage
  ) {
    let value = quantity * price
    let fee = value * storage.commissionRate
    let empty = { (asset: String) in MockBalance(asset: asset, free: 0, locked: 0) }
    switch order.side {
    case .buy:
      storage.balances[order.quoteAsset, default: empty(order.quoteAsset)].free -= value + fee
      storage.balances[order.baseAsset, default: empty(order.baseAsset)].free += quantity
    case .sell:
      storage.balances[order.baseAsset, default: empty(order.baseAsset)].free -= quantity
      storage.balances[order.quoteAsset, default: empty(order.quoteAsset)].free += value - fee
    }
    order.fills.append(
      MockFill(
        tradeId: storage.nextTrade, price: price, quantity: quantity, quoteQuantity: value, commission: fee,
        commissionAsset: order.quoteAsset, isMaker: isMaker, time: now))
    storage.nextTrade += 1
    order.updatedAt = now
  }

  /// Returns an open order's hold to the free balance.
  private static func release(_ order: inout MockOrder, _ storage: inout Storage) {
    guard order.held > 0 else { return }
    let asset = order.side == .buy ? order.quoteAsset : order.baseAsset
    storage.balances[asset, default: MockBalance(asset: asset, free: 0, locked: 0)].locked -= order.held
    storage.balances[asset, default: MockBalance(asset: asset, free: 0, locked: 0)].free += order.held
    order.held = 0
  }

  /// The largest multiple of `step` ≤ `value` (`value` when `step` is 0).
  static func floor(_ value: Decimal, step: Decimal) -> Decimal {
    guard step > 0, value > 0 else { return value }
    return (value / step).roundedDown(toPlaces: 0) * step
  }

  /// A UUID-shaped id made from `number`: `00000000-0000-4000-8000-000000000042`.
  static func uuid(_ number: Int64) -> String {
    let digits = String(number)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
  }
}
