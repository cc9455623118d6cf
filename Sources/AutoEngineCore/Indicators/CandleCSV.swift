/// Reads candles from CSV text with the header `time,open,high,low,close,volume`.
///
/// `time` is the candle's open time in Unix seconds (UTC; fractions allowed), the others plain or
/// scientific decimals (`5.33e-05`) — prices in the quote asset, volume in the base asset. The
/// header line is required (names matched case-insensitively, surrounding spaces ignored). Blank
/// lines are skipped and `\r\n` line ends accepted. Every row must describe a well-formed candle
/// (finite numbers, positive prices, `low ≤ open, close ≤ high`, volume ≥ 0) later than the row
/// before; the first violation stops the parse with an error naming the line and the problem.
/// Pure: the caller reads the file.
public enum CandleCSV {
  /// The required header line.
  public static let header = "time,open,high,low,close,volume"

  /// Why the text is not a valid candle file: a 1-based line number and the problem.
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line number of the offending line.
    public var line: Int
    /// What is wrong with it, e.g. `high 1.2 is below low 1.3`.
    public var problem: String

    /// Creates an error for `line`.
    public init(line: Int, problem: String) {
      self.line = line
      self.problem = problem
    }

    /// `line N: problem`.
    public var description: String { "line \(line): \(problem)" }
  }

  /// Parses `text` into candles in file order.
  ///
  /// - Throws: ``ParseError`` for a missing or wrong header, a row without exactly 6 fields, a
  ///   field that is not a finite number, or a row that is not a well-formed candle later than
  ///   the previous one.
  public static func parse(_ text: String) throws(ParseError) -> [Candle] {
    var candles: [Candle] = []
    var lineNumber = 0
    var sawHeader = false
    var previousTime: (value: Double, text: Substring)?
    for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = trimmed(Substring(rawLine))
      if line.isEmpty { continue }
      if !sawHeader {
        try checkHeader(line, lineNumber: lineNumber)
        sawHeader = true
        continue
      }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(trimmed)
      guard fields.count == 6 else {
        throw ParseError(line: lineNumber, problem: "expected 6 fields, got \(fields.count)")
      }
      var values = [Double](repeating: 0, count: 6)
      for (index, field) in fields.enumerated() {
        values[index] = try number(field, named: names[index], lineNumber: lineNumber)
      }
      let candle = Candle(
        time: UnixTime(seconds: values[0]), open: values[1], high: values[2], low: values[3],
        close: values[4], volume: values[5])
      if let problem = problem(with: candle, fields: fields) {
        throw ParseError(line: lineNumber, problem: problem)
      }
      if let previous = previousTime, values[0] <= previous.value {
        throw ParseError(
          line: lineNumber,
          problem: "time \(fields[0]) is not after the previous row's time \(previous.text)")
      }
      previousTime = (values[0], fields[0])
      candles.append(candle)
    }
    guard sawHeader else {
      throw ParseError(line: max(lineNumber, 1), problem: "missing header \(header)")
    }
    return candles
  }

  /// Field names in column order.
  static let names = ["time", "open", "high", "low", "close", "volume"]

  /// Throws unless `line` is the required header.
  static func checkHeader(_ line: Substring, lineNumber: Int) throws(ParseError) {
    var header = line
    if header.hasPrefix("\u{FEFF}") { header = header.dropFirst() }
    let fields = header.split(separator: ",", omittingEmptySubsequences: false)
      .map { trimmed($0).lowercased() }
    guard fields == names else {
      throw ParseError(line: lineNumber, problem: "expected header \(Self.header), got \(line)")
    }
  }

  /// The finite number in `field`, or an error naming the column.
  static func number(_ field: Substring, named name: String, lineNumber: Int) throws(ParseError) -> Double {
    guard let value = Double(field) else {
      let shown = field.isEmpty ? "is empty" : "\(field) is not a number"
      throw ParseError(line: lineNumber, problem: "\(name) \(shown)")
    }
    guard value.isFinite else {
      throw ParseError(line: lineNumber, problem: "\(name) \(field) is not finite")
    }
    return value
  }

  /// The first reason `candle` is not well formed, in the words of its row, or nil.
  static func problem(with candle: Candle, fields: [Substring]) -> String? {
    let prices = [candle.open, candle.high, candle.low, candle.close]
    for (offset, price) in prices.enumerated() where price <= 0 {
      return "\(names[offset + 1]) \(fields[offset + 1]) is not positive"
    }
    if candle.volume < 0 { return "volume \(fields[5]) is negative" }
    if candle.high < candle.low { return "high \(fields[2]) is below low \(fields[3])" }
    for offset in [1, 4] {
      let price = offset == 1 ? candle.open : candle.close
      if price > candle.high { return "\(names[offset]) \(fields[offset]) is above high \(fields[2])" }
      if price < candle.low { return "\(names[offset]) \(fields[offset]) is below low \(fields[3])" }
    }
    return nil
  }

  /// `text` without leading and trailing spaces, tabs and carriage returns.
  static func trimmed(_ text: Substring) -> Substring {
    var result = text
    while let first = result.first, first == " " || first == "\t" || first == "\r" {
      result = result.dropFirst()
    }
    while let last = result.last, last == " " || last == "\t" || last == "\r" {
      result = result.dropLast()
    }
    return result
  }
}
