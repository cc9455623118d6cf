/// ΔT = TT − UT: how far Terrestrial Time (the time scale of ephemerides) runs ahead of UTC.
///
/// Meeus's formulas give instants in TT (JDE); subtracting ΔT gives UTC. ΔT depends on the
/// Earth's irregular rotation, so it is observed, not computed. This model, in seconds:
/// * 2020–2030: 69 s (observed 69.2 ± 0.2 s over 2020–2025; future values are unknown but the
///   Earth's rotation has been steady).
/// * 1900–2020: linear interpolation in observed values (IERS; Espenak & Meeus 2006 table) at
///   1900, 1910, …, 2000, 2005, 2010, 2015, ending at 69 s in 2020.
/// * after 2030: the Morrison & Stephenson (2004) long-term parabola `32·u²`, `u = (y − 1820)/100`,
///   shifted to start at 69 s in 2030 (≈ 97 s in 2050; uncertain by tens of seconds).
/// * before 1900: the same parabola, shifted to meet the table at 1900 (`−23.27 + 32·u²`).
/// The model is continuous; within 2020–2030 its error is about 0.5 s.
public enum DeltaT {
  /// Observed values (decimal year, seconds).
  private static let table: [(year: Double, seconds: Double)] = [
    (1900, -2.79), (1910, 10.38), (1920, 21.16), (1930, 24.02), (1940, 24.35), (1950, 29.15),
    (1960, 33.15), (1970, 40.18), (1980, 50.54), (1990, 56.86), (2000, 63.83), (2005, 64.69),
    (2010, 66.07), (2015, 67.64), (2020, 69.0),
  ]

  /// ΔT in seconds at a decimal year (e.g. 2025.5 for mid-2025).
  public static func seconds(atYear year: Double) -> Double {
    if year >= 2020 && year <= 2030 { return 69 }
    if year > 2030 { return 69 + 32 * (square((year - 1820) / 100) - square(2.1)) }
    if year < 1900 { return -23.27 + 32 * square((year - 1820) / 100) }
    var lower = table[0]
    for node in table.dropFirst() {
      if year <= node.year {
        let fraction = (year - lower.year) / (node.year - lower.year)
        return lower.seconds + fraction * (node.seconds - lower.seconds)
      }
      lower = node
    }
    return lower.seconds
  }

  /// ΔT in seconds at a Julian Day (either time scale; the difference does not matter here).
  public static func seconds(at day: JulianDay) -> Double { seconds(atYear: day.decimalYear) }

  private static func square(_ x: Double) -> Double { x * x }
}
