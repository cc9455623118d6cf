public import FoundationEssentials

/// The smallest price step of a coin, chosen once from its reference price level.
///
/// | reference price | tick |
/// | --- | --- |
/// | ≥ 100 | 0.01 |
/// | 1 ..< 100 | 0.001 |
/// | 0.1 ..< 1 | 0.0001 |
/// | 0.001 ..< 0.1 | 0.00001 |
/// | below 0.001 | 0.00000001 |
///
/// These are about the exchanges' own quote increments (4–5 significant digits), so a coin's
/// price moves by several ticks a minute. Prices are carried as whole numbers of ticks (`units`), so a `Decimal` quote and the `Double`
/// candle built from the same units always agree. The tick follows the reference level, not the
/// current price, so it never changes while a market runs.
public struct PriceTick: Hashable, Sendable {
  /// Digits after the decimal point of every price, 2…8.
  public let decimalPlaces: Int
  /// Ticks per unit of the quote asset, `10^decimalPlaces`.
  let ticksPerUnit: Double

  /// The tick for a coin whose price is around `referencePrice` (quote asset).
  public init(referencePrice: Double) {
    let places =
      switch referencePrice {
      case 100...: 2
      case 1..<100: 3
      case 0.1..<1: 4
      case 0.001..<0.1: 5
      default: 8
      }
    self.decimalPlaces = places
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    self.ticksPerUnit = scale
  }

  /// The tick itself, quote asset (0.01 for 2 places).
  public var size: Decimal { Decimal(sign: .plus, exponent: -decimalPlaces, significand: 1) }

  /// `price` rounded to the nearest tick, as a whole number of ticks (at least 1, so a rounded
  /// price is never zero; at most 10^15).
  func units(_ price: Double) -> Int64 {
    guard price.isFinite else { return price > 0 ? 1_000_000_000_000_000 : 1 }
    let scaled = (price * ticksPerUnit).rounded()
    return Int64(Swift.min(Swift.max(scaled, 1), 1e15))
  }

  /// The price of `units` ticks as the nearest `Double`.
  func price(units: Int64) -> Double { Double(units) / ticksPerUnit }

  /// `price` rounded to the nearest tick, as the nearest `Double`.
  func rounded(_ price: Double) -> Double { self.price(units: units(price)) }

  /// The exact price of `units` ticks.
  func decimal(units: Int64) -> Decimal {
    Decimal(sign: units < 0 ? .minus : .plus, exponent: -decimalPlaces, significand: Decimal(units.magnitude))
  }

  /// `price` rounded to the nearest tick, exactly.
  func decimal(_ price: Double) -> Decimal { decimal(units: units(price)) }
}

extension Decimal {
  /// `value` rounded to at most `places` digits after the point (fewer when the value is so large
  /// that more would not fit 64-bit arithmetic); 0 for a non-finite value.
  static func rounding(_ value: Double, places: Int) -> Decimal {
    guard value.isFinite else { return 0 }
    var places = Swift.max(0, places)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    while places > 0, (value.magnitude * scale) >= 9e15 {
      places -= 1
      scale /= 10
    }
    let units = (value.magnitude * scale).rounded()
    guard units < 9e18 else { return Decimal(string: "\(value)") ?? 0 }
    return Decimal(
      sign: value < 0 ? .minus : .plus, exponent: -places, significand: Decimal(UInt64(units)))
  }
}
