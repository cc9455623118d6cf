/// A GOES X-ray flare class such as `M2.4`: a letter for the decade of the 0.1–0.8 nm flux and a
/// magnitude within it.
///
/// Letters and their base flux in W/m²: A 1e-8, B 1e-7, C 1e-6, M 1e-5, X 1e-4. The flux is
/// `magnitude × base` (`M2.4` is 2.4e-5 W/m²). X is open-ended (`X28.0` is 2.8e-3 W/m²). Classes
/// order by flux.
public struct FlareClass: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The class letter, one per decade of flux.
  public enum Letter: String, CaseIterable, Hashable, Sendable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case m = "M"
    case x = "X"

    /// Smallest flux of the class in W/m² (the flux of magnitude 1).
    public var baseFlux: Double {
      switch self {
      case .a: 1e-8
      case .b: 1e-7
      case .c: 1e-6
      case .m: 1e-5
      case .x: 1e-4
      }
    }

    public static func < (lhs: Letter, rhs: Letter) -> Bool { lhs.baseFlux < rhs.baseFlux }
  }

  /// The class letter.
  public var letter: Letter
  /// Flux in units of the letter's base flux, ≥ 0; normally 1.0 ≤ m < 10 (X has no upper bound,
  /// A below 1 describes fluxes under the A threshold).
  public var magnitude: Double

  /// Creates a class from its letter and magnitude.
  public init(letter: Letter, magnitude: Double) {
    self.letter = letter
    self.magnitude = magnitude
  }

  /// The class of a 0.1–0.8 nm X-ray flux in W/m², or `nil` when the flux is not a positive
  /// finite number.
  ///
  /// The letter is the highest whose base the flux reaches (X ≥ 1e-4, M ≥ 1e-5, C ≥ 1e-6,
  /// B ≥ 1e-7, otherwise A, so a flux below 1e-8 reads `A0.x`). The magnitude is
  /// `flux / base` truncated — not rounded — to one decimal, so a class never rolls over into
  /// the next letter (9.96e-5 is `M9.9`, not `M10.0`): 2.4e-5 → `M2.4`.
  public init?(flux: Double) {
    guard flux.isFinite, flux > 0 else { return nil }
    let letter = Letter.allCases.last { flux >= $0.baseFlux } ?? .a
    let tenths = (flux / letter.baseFlux * 10 * (1 + 1e-12)).rounded(.down)
    self.init(letter: letter, magnitude: tenths / 10)
  }

  /// Parses a class string such as `X1.2`, `M2.4`, `C1` or `b7.5` (letter case-insensitive,
  /// surrounding whitespace ignored), or gives `nil` for anything else: an unknown letter,
  /// a missing or malformed magnitude (`M`, `M-1`, `M1.2.3`, `M1e3`, `M 2`), or trailing text.
  public init?(_ text: String) {
    let trimmed = text.trimmingWhitespace()
    guard let first = trimmed.first, let letter = Letter(rawValue: first.uppercased()) else { return nil }
    let number = trimmed.dropFirst()
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ !$0.isEmpty }),
      number.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
      let magnitude = Double(String(number)), magnitude.isFinite
    else { return nil }
    self.init(letter: letter, magnitude: magnitude)
  }

  /// Peak flux of this class in W/m²: `magnitude × letter.baseFlux`.
  public var flux: Double { magnitude * letter.baseFlux }

  /// The class as NOAA writes it, e.g. `M2.4` (at least one decimal).
  public var description: String {
    let tenths = magnitude * 10
    let text =
      abs(tenths - tenths.rounded()) < 1e-9
      ? NumberText.fixed(magnitude, decimals: 1) : NumberText.plain(magnitude)
    return letter.rawValue + text
  }

  public static func < (lhs: FlareClass, rhs: FlareClass) -> Bool { lhs.flux < rhs.flux }
}
