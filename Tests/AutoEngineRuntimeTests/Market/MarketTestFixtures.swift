import AutoEngineCore
import Foundation

/// Shared values and helpers of the market-source tests.
enum MarketTestFixtures {
  /// A fixed start time, 2025-06-15T15:06:40Z.
  static let start = UnixTime(seconds: 1_750_000_000)

  /// The seed catalogue's coin with `symbol`.
  static func coin(_ symbol: String) -> Coin {
    guard let coin = CoinCatalogue.defaults.coin(forSymbol: symbol) else {
      preconditionFailure("\(symbol) is not in the seed catalogue")
    }
    return coin
  }

  /// The first ten Coinbase coins of the seed catalogue.
  static let coinbaseTen = Array(CoinCatalogue.defaults.coins(on: .coinbase).prefix(10))

  /// `value` as a `Double`.
  static func double(_ value: Decimal) -> Double { Double("\(value)") ?? .nan }

  /// Digits after the decimal point of `value` as written.
  static func decimalPlaces(_ value: Decimal) -> Int {
    let text = "\(value)"
    guard let point = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: point, to: text.endIndex) - 1
  }

  /// Log returns of consecutive closes.
  static func logReturns(_ candles: [Candle]) -> [Double] {
    zip(candles.dropFirst(), candles).map { log($0.close / $1.close) }
  }

  /// Sample autocorrelation of `series` at `lag`.
  static func autocorrelation(_ series: [Double], lag: Int) -> Double {
    let mean = series.reduce(0, +) / Double(series.count)
    let deviations = series.map { $0 - mean }
    let variance = deviations.reduce(0) { $0 + $1 * $1 }
    guard variance > 0, lag < series.count else { return 0 }
    var covariance = 0.0
    for index in lag..<series.count { covariance += deviations[index] * deviations[index - lag] }
    return covariance / variance
  }

  /// Excess kurtosis of `series` (0 for a normal distribution).
  static func excessKurtosis(_ series: [Double]) -> Double {
    let count = Double(series.count)
    let mean = series.reduce(0, +) / count
    let variance = series.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
    let fourth = series.reduce(0) { $0 + pow($1 - mean, 4) } / count
    return fourth / (variance * variance) - 3
  }
}

/// Where the shared candle files are: `<root>/shared/data/candles`, found by walking up from
/// this source file (the repository is `<root>/main`; symlinked copies are resolved first).
enum SharedCandleFiles {
  /// Why the shared data could not be found.
  struct NotFound: Error, CustomStringConvertible {
    let searchedFrom: String
    var description: String {
      "shared candle data not found: no shared/data/candles directory above \(searchedFrom); "
        + "the tests expect the repository at <root>/main and the shared folder at <root>/shared"
    }
  }

  /// The directory of the shared candle CSV files.
  static func directory(filePath: String = #filePath) throws -> String {
    for start in [URL(fileURLWithPath: filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: filePath)] {
      var folder = start.deletingLastPathComponent()
      while folder.path != "/" && !folder.path.isEmpty {
        let candidate = folder.appendingPathComponent("shared/data/candles")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
          return candidate.path
        }
        folder = folder.deletingLastPathComponent()
      }
    }
    throw NotFound(searchedFrom: filePath)
  }

  /// The path of the shared file `name`, e.g. `ETH-BTC_5m.csv`.
  static func path(_ name: String) throws -> String {
    try directory() + "/" + name
  }

  /// The candles of the shared file `name`, parsed independently of the replay market.
  static func candles(_ name: String) throws -> [Candle] {
    try CandleCSV.parse(String(contentsOfFile: path(name), encoding: .utf8))
  }
}
