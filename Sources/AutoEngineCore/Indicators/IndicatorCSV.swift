/// Writes indicator snapshots as CSV, one row per candle, columns as in ``IndicatorColumn``.
///
/// The header is `time,sma_20,ema_12,…,mfi_14,close,sma_50,…,bb_width_min_120_pct`. A cell is empty
/// while its indicator is warming up (or otherwise absent). Numbers use Swift's shortest
/// round-trip form (`Double.description`: `0.0994766`, `5.33e-05`, `1820.0`), except that an
/// integral time is written as an integer (`1515560100`). Lines end with `\n`. Pure: the caller
/// writes the text.
public enum IndicatorCSV {
  /// The header line (without line end).
  public static let header: String = IndicatorColumn.allCases.map(\.name).joined(separator: ",")

  /// One data line (without line end) for `snapshot`.
  public static func row(_ snapshot: IndicatorSnapshot) -> String {
    var line = ""
    for column in IndicatorColumn.allCases {
      if column != .time { line.append(",") }
      guard let value = column.value(in: snapshot) else { continue }
      line.append(column == .time ? timeText(value) : value.description)
    }
    return line
  }

  /// The header and one row per snapshot, each line ending with `\n`.
  public static func document(_ snapshots: some Sequence<IndicatorSnapshot>) -> String {
    var text = header + "\n"
    for snapshot in snapshots {
      text.append(row(snapshot))
      text.append("\n")
    }
    return text
  }

  /// The CSV of `candles` fed in order through a fresh ``IndicatorSet``.
  ///
  /// - Throws: ``IndicatorSet/Rejection`` for the first candle the set rejects.
  public static func document(
    candles: some Sequence<Candle>, pivotPeriod: Int = 60, historyCapacity: Int = 721
  ) throws(IndicatorSet.Rejection) -> String {
    var set = IndicatorSet(pivotPeriod: pivotPeriod, historyCapacity: historyCapacity)
    var text = header + "\n"
    for candle in candles {
      try set.update(candle)
      text.append(row(set.snapshot))
      text.append("\n")
    }
    return text
  }

  /// `seconds` as an integer when integral (and exactly representable), else its description.
  public static func timeText(_ seconds: Double) -> String {
    if seconds == seconds.rounded(.towardZero), seconds.magnitude < 9_007_199_254_740_992 {
      return String(Int64(seconds))
    }
    return seconds.description
  }
}
