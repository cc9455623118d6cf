/// The series of Meeus, *Astronomical Algorithms* (2nd ed.), chapter 49 "Phases of the Moon".
///
/// Gives the instant of a principal phase as a Julian Ephemeris Day (Terrestrial Time): the mean
/// phase (49.1), plus the periodic terms in E, M, M′, F and Ω for new moon, full moon and the
/// quarters (with the W correction for quarters), plus the additional corrections from the 14
/// planetary arguments A1…A14. Meeus quotes a mean error of 3.7 s and a maximum of 16.4 s against
/// ELP-2000/82 over 1980–2020. Internal: `LunarEphemeris` is the public face.
enum MeeusPhaseSeries {
  /// One periodic term: `coefficient × E^eccentricityPower × sin(m·M + mPrime·M′ + f·F + omega·Ω)`.
  struct Term {
    var coefficient: Double
    var eccentricityPower: Int
    var m: Double
    var mPrime: Double
    var f: Double
    var omega: Double

    init(_ coefficient: Double, e: Int = 0, m: Double = 0, mp: Double = 0, f: Double = 0, om: Double = 0) {
      self.coefficient = coefficient
      self.eccentricityPower = e
      self.m = m
      self.mPrime = mp
      self.f = f
      self.omega = om
    }
  }

  /// Julian Ephemeris Day (TT) of `phase` in lunation `lunation` (Meeus's k = lunation + fraction).
  static func julianEphemerisDay(lunation: Int, phase: PrincipalLunarPhase) -> Double {
    let k = Double(lunation) + phase.lunationFraction
    let t = k / 1236.85
    let t2 = t * t
    let t3 = t2 * t
    let t4 = t3 * t

    // (49.1) mean phase
    var jde =
      2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t2 - 0.000_000_150 * t3
      + 0.000_000_000_73 * t4

    // (47.6) eccentricity of the Earth's orbit, and (49.4)–(49.7) the fundamental arguments
    let e = 1 - 0.002_516 * t - 0.000_007_4 * t2
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3
    let mPrime =
      201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4
    let f =
      160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4
    let omega = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3

    let terms: [Term]
    switch phase {
    case .newMoon: terms = newMoonTerms
    case .fullMoon: terms = fullMoonTerms
    case .firstQuarter, .lastQuarter: terms = quarterTerms
    }
    for term in terms {
      let argument = term.m * m + term.mPrime * mPrime + term.f * f + term.omega * omega
      var factor = term.coefficient
      for _ in 0..<term.eccentricityPower { factor *= e }
      jde += factor * sin(argument)
    }

    if phase == .firstQuarter || phase == .lastQuarter {
      let w =
        0.003_06 - 0.000_38 * e * cos(m) + 0.000_26 * cos(mPrime) - 0.000_02 * cos(mPrime - m)
        + 0.000_02 * cos(mPrime + m) + 0.000_02 * cos(2 * f)
      jde += phase == .firstQuarter ? w : -w
    }

    // Planetary arguments A1…A14 and their additional corrections (all phases)
    let planetary: [(coefficient: Double, argument: Double)] = [
      (0.000_325, 299.77 + 0.107_408 * k - 0.009_173 * t2),
      (0.000_165, 251.88 + 0.016_321 * k),
      (0.000_164, 251.83 + 26.651_886 * k),
      (0.000_126, 349.42 + 36.412_478 * k),
      (0.000_110, 84.66 + 18.206_239 * k),
      (0.000_062, 141.74 + 53.303_771 * k),
      (0.000_060, 207.14 + 2.453_732 * k),
      (0.000_056, 154.84 + 7.306_860 * k),
      (0.000_047, 34.52 + 27.261_239 * k),
      (0.000_042, 207.19 + 0.121_824 * k),
      (0.000_040, 291.34 + 1.844_379 * k),
      (0.000_037, 161.72 + 24.198_154 * k),
      (0.000_035, 239.56 + 25.513_099 * k),
      (0.000_023, 331.55 + 3.592_518 * k),
    ]
    for (coefficient, argument) in planetary {
      jde += coefficient * sin(argument)
    }
    return jde
  }

  private static func sin(_ degrees: Double) -> Double { ElementaryFunctions.sin(degrees: degrees) }
  private static func cos(_ degrees: Double) -> Double { ElementaryFunctions.cos(degrees: degrees) }

  /// Periodic terms for new moon (Meeus table in ch. 49).
  static let newMoonTerms: [Term] = [
    Term(-0.407_20, mp: 1),
    Term(0.172_41, e: 1, m: 1),
    Term(0.016_08, mp: 2),
    Term(0.010_39, f: 2),
    Term(0.007_39, e: 1, m: -1, mp: 1),
    Term(-0.005_14, e: 1, m: 1, mp: 1),
    Term(0.002_08, e: 2, m: 2),
    Term(-0.001_11, mp: 1, f: -2),
    Term(-0.000_57, mp: 1, f: 2),
    Term(0.000_56, e: 1, m: 1, mp: 2),
    Term(-0.000_42, mp: 3),
    Term(0.000_42, e: 1, m: 1, f: 2),
    Term(0.000_38, e: 1, m: 1, f: -2),
    Term(-0.000_24, e: 1, m: -1, mp: 2),
    Term(-0.000_17, om: 1),
    Term(-0.000_07, m: 2, mp: 1),
    Term(0.000_04, mp: 2, f: -2),
    Term(0.000_04, m: 3),
    Term(0.000_03, m: 1, mp: 1, f: -2),
    Term(0.000_03, mp: 2, f: 2),
    Term(-0.000_03, m: 1, mp: 1, f: 2),
    Term(0.000_03, m: -1, mp: 1, f: 2),
    Term(-0.000_02, m: -1, mp: 1, f: -2),
    Term(-0.000_02, m: 1, mp: 3),
    Term(0.000_02, mp: 4),
  ]

  /// Periodic terms for full moon (same arguments as new moon, slightly different coefficients).
  static let fullMoonTerms: [Term] = [
    Term(-0.406_14, mp: 1),
    Term(0.173_02, e: 1, m: 1),
    Term(0.016_14, mp: 2),
    Term(0.010_43, f: 2),
    Term(0.007_34, e: 1, m: -1, mp: 1),
    Term(-0.005_15, e: 1, m: 1, mp: 1),
    Term(0.002_09, e: 2, m: 2),
    Term(-0.001_11, mp: 1, f: -2),
    Term(-0.000_57, mp: 1, f: 2),
    Term(0.000_56, e: 1, m: 1, mp: 2),
    Term(-0.000_42, mp: 3),
    Term(0.000_42, e: 1, m: 1, f: 2),
    Term(0.000_38, e: 1, m: 1, f: -2),
    Term(-0.000_24, e: 1, m: -1, mp: 2),
    Term(-0.000_17, om: 1),
    Term(-0.000_07, m: 2, mp: 1),
    Term(0.000_04, mp: 2, f: -2),
    Term(0.000_04, m: 3),
    Term(0.000_03, m: 1, mp: 1, f: -2),
    Term(0.000_03, mp: 2, f: 2),
    Term(-0.000_03, m: 1, mp: 1, f: 2),
    Term(0.000_03, m: -1, mp: 1, f: 2),
    Term(-0.000_02, m: -1, mp: 1, f: -2),
    Term(-0.000_02, m: 1, mp: 3),
    Term(0.000_02, mp: 4),
  ]

  /// Periodic terms for first and last quarter (W is added separately).
  static let quarterTerms: [Term] = [
    Term(-0.628_01, mp: 1),
    Term(0.171_72, e: 1, m: 1),
    Term(-0.011_83, e: 1, m: 1, mp: 1),
    Term(0.008_62, mp: 2),
    Term(0.008_04, f: 2),
    Term(0.004_54, e: 1, m: -1, mp: 1),
    Term(0.002_04, e: 2, m: 2),
    Term(-0.001_80, mp: 1, f: -2),
    Term(-0.000_70, mp: 1, f: 2),
    Term(-0.000_40, mp: 3),
    Term(-0.000_34, e: 1, m: -1, mp: 2),
    Term(0.000_32, e: 1, m: 1, f: 2),
    Term(0.000_32, e: 1, m: 1, f: -2),
    Term(-0.000_28, e: 2, m: 2, mp: 1),
    Term(0.000_27, e: 1, m: 1, mp: 2),
    Term(-0.000_17, om: 1),
    Term(-0.000_05, m: -1, mp: 1, f: -2),
    Term(0.000_04, mp: 2, f: 2),
    Term(-0.000_04, m: 1, mp: 1, f: 2),
    Term(0.000_04, m: -2, mp: 1),
    Term(0.000_03, m: 1, mp: 1, f: -2),
    Term(0.000_03, m: 3),
    Term(0.000_02, mp: 2, f: -2),
    Term(0.000_02, m: -1, mp: 1, f: 2),
    Term(-0.000_02, m: 1, mp: 3),
  ]
}
