public import FoundationEssentials

/// What became of a trade decision.
///
/// The raw value is the journal's spelling.
public enum TradeOutcome: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// An order was placed.
  case executed
  /// The rules refused the trade (cooldown, thresholds, limits…).
  case refused
  /// The order was placed but was rejected or failed.
  case failed

  public var description: String { rawValue }
}

/// A trade decision — executed, refused by the rules, or failed — as the journal keeps it and
/// `ListTrades` and trade events show it.
public struct TradeDecision: Hashable, Sendable {
  /// Unique id of the decision.
  public var id: String
  /// When it was made.
  public var time: UnixTime
  /// Exchange symbol.
  public var symbol: String
  /// Exchange of the coin.
  public var exchange: Exchange
  /// Buy or sell.
  public var side: OrderSide
  /// What became of it.
  public var outcome: TradeOutcome
  /// Who or what decided.
  public var origin: OrderOrigin
  /// Why, e.g. `refused: cooldown until 12:04:10` or `BUY signal: strength 0.71, confidence 0.82`.
  public var reason: String
  /// A short stable key for statistics, e.g. `cooldown`, `confidence`, `INSUFFICIENT_FUND`;
  /// empty for executed decisions.
  public var reasonCode: String
  /// Client order id of the order placed; nil when refused.
  public var clientOrderId: String?
  /// Order size in quote units; nil when refused before sizing or for base-amount orders.
  public var quoteAmount: Decimal?
  /// Order size in base units (sells); nil otherwise.
  public var baseAmount: Decimal?
  /// Price at the decision, quote units; nil when unknown.
  public var price: Decimal?
  /// Realised profit or loss of a sell's fills, quote units; nil for buys and unfilled sells.
  public var realizedPnl: Decimal?
  /// Aggregated signal at the decision.
  public var signal: SignalSnapshot
  /// Strategies that contributed most, e.g. `["P37", "P12"]`.
  public var topStrategies: [String]

  /// Creates a decision from all of its fields.
  public init(
    id: String, time: UnixTime, symbol: String, exchange: Exchange, side: OrderSide, outcome: TradeOutcome,
    origin: OrderOrigin, reason: String, reasonCode: String = "", clientOrderId: String? = nil,
    quoteAmount: Decimal? = nil, baseAmount: Decimal? = nil, price: Decimal? = nil, realizedPnl: Decimal? = nil,
    signal: SignalSnapshot = .hold, topStrategies: [String] = []
  ) {
    self.id = id
    self.time = time
    self.symbol = symbol
    self.exchange = exchange
    self.side = side
    self.outcome = outcome
    self.origin = origin
    self.reason = reason
    self.reasonCode = reasonCode
    self.clientOrderId = clientOrderId
    self.quoteAmount = quoteAmount
    self.baseAmount = baseAmount
    self.price = price
    self.realizedPnl = realizedPnl
    self.signal = signal
    self.topStrategies = topStrategies
  }
}
