import AutoEngineCore
import FoundationEssentials

/// One candle file loaded for replay: its candles in file order, its interval and the length of
/// one pass through it.
struct ReplayCandleFile: Sendable {
  /// The file as given (usually a path).
  let path: String
  /// The candles, strictly increasing in time, at least 2; prices and volumes as in the file.
  let candles: [Candle]
  /// The file's candle interval: the smallest spacing between consecutive candles, s.
  let interval: Double
  /// Length of one pass: last open time − first open time + `interval`, s.
  let loopLength: Double

  /// Open time of the first candle, Unix seconds.
  var firstTime: Double { candles[0].time.seconds }

  /// Reads and parses the CSV file at `path` (header `time,open,high,low,close,volume`).
  ///
  /// - Throws: `MarketSourceError` naming the file: `.unreadableFile` when it cannot be read,
  ///   `.malformedFile` with the 1-based line for a parse error, or when it has fewer than 2
  ///   candles (no interval).
  static func load(path: String) throws(MarketSourceError) -> ReplayCandleFile {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw MarketSourceError(.unreadableFile, file: path, problem: "cannot be read (\(error))")
    }
    let candles: [Candle]
    do {
      candles = try CandleCSV.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw MarketSourceError(.malformedFile, file: path, line: error.line, problem: error.problem)
    }
    guard candles.count >= 2 else {
      throw MarketSourceError(
        .malformedFile, file: path, problem: "has \(candles.count) candle(s); a replay needs at least 2")
    }
    var interval = Double.infinity
    for index in 1..<candles.count {
      interval = Swift.min(interval, candles[index].time.since(candles[index - 1].time))
    }
    return ReplayCandleFile(
      path: path, candles: candles, interval: interval,
      loopLength: candles[candles.count - 1].time.since(candles[0].time) + interval)
  }

  /// Index of the last candle opening at or before `offset` seconds after the first candle's
  /// open (0 for an offset before it).
  func index(atOffset offset: Double) -> Int {
    let time = firstTime + offset
    var low = 0, high = candles.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if candles[middle].time.seconds <= time { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
