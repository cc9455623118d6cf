/// The seed's six strategy families, each owning a fixed range of strategy numbers.
///
/// Numbering follows the seed: price 1–20, volume 21–35, technical 36–50, momentum 51–60,
/// volatility 61–65, cosmic 66–70.
public enum StrategyCategory: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// Breakouts, breakdowns, support/resistance, trend reversals and candle patterns (P1–P20).
  case price
  /// Volume spikes, divergence, on-balance volume, VWAP and money flow (P21–P35).
  case volume
  /// RSI, MACD, moving-average crosses and classic oscillators (P36–P50).
  case technical
  /// Momentum per timeframe, multi-timeframe agreement and rate of change (P51–P60).
  case momentum
  /// Bollinger, squeeze, ATR and volatility-regime entries (P61–P65).
  case volatility
  /// Solar, geomagnetic, Schumann, lunar and "alignment" inputs (P66–P70); not market evidence.
  case cosmic

  /// The strategy numbers of this category.
  public var numbers: ClosedRange<Int> {
    switch self {
    case .price: 1...20
    case .volume: 21...35
    case .technical: 36...50
    case .momentum: 51...60
    case .volatility: 61...65
    case .cosmic: 66...70
    }
  }

  /// The category whose range contains `number`, or nil outside 1…70.
  public init?(number: Int) {
    guard StrategyID.validNumbers.contains(number) else { return nil }
    self = Self.owning(number)
  }

  /// The category of a number already known to be in 1…70 (a plain switch: used per signal on
  /// the hot path).
  @inline(__always)
  static func owning(_ number: Int) -> StrategyCategory {
    switch number {
    case ...20: .price
    case ...35: .volume
    case ...50: .technical
    case ...60: .momentum
    case ...65: .volatility
    default: .cosmic
    }
  }

  /// Lower-case name: `price`, `volume`, `technical`, `momentum`, `volatility`, `cosmic`.
  public var description: String {
    switch self {
    case .price: "price"
    case .volume: "volume"
    case .technical: "technical"
    case .momentum: "momentum"
    case .volatility: "volatility"
    case .cosmic: "cosmic"
    }
  }
}
