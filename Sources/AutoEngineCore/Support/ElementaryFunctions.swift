import RealModule

/// The few transcendental functions the domain core needs, in the units its formulas use.
///
/// A thin layer over swift-numerics' `RealModule` (which calls the platform's libm): the
/// astronomical formulas take degrees, so the argument is first reduced exactly to (−360, 360)
/// with `truncatingRemainder` — keeping full precision for the large angles of Meeus' series —
/// and then converted to radians. Internal to the module.
enum ElementaryFunctions {
  /// Sine of an angle in degrees; `nan` for non-finite input.
  static func sin(degrees: Double) -> Double {
    Double.sin(radians(degrees))
  }

  /// Cosine of an angle in degrees; `nan` for non-finite input.
  static func cos(degrees: Double) -> Double {
    Double.cos(radians(degrees))
  }

  /// Natural logarithm; `nan` for negative or `nan` input, `-infinity` for 0.
  static func log(_ x: Double) -> Double { Double.log(x) }

  /// Base-10 logarithm; `nan` for negative or `nan` input, `-infinity` for 0.
  static func log10(_ x: Double) -> Double { Double.log10(x) }

  private static func radians(_ degrees: Double) -> Double {
    degrees.truncatingRemainder(dividingBy: 360) * (Double.pi / 180)
  }
}
