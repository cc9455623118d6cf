public import AutoEngineCore
import Foundation

/// The candles a backtest replays: candle files mapped to coins, or the simulated market.
public struct BacktestData: Sendable {
  let source: any BacktestCandleSource

  /// The coins, with where their candles come from.
  public var coins: [BacktestCoin] { source.coins }
  /// Candles over all coins.
  public var candleCount: Int { source.candleCount }
  /// First candle's open and the end of the last candle, Unix seconds.
  public var span: (start: Double, end: Double) { (source.firstTime, source.endTime) }

  /// Candle files (`time,open,high,low,close,volume`), each played by one coin.
  ///
  /// Each spec is a file, a directory (its `.csv` files in name order) or `FILE=SYMBOL`. A file
  /// without a symbol goes to the first unused enabled coin of the catalogue whose base asset
  /// starts its name (`ETH-BTC_5m.csv` → a coin of ETH), else to the first unused enabled coin.
  /// Prices are scaled as the replay market scales them: the file's first close becomes the
  /// coin's reference price, on the coin's price tick; times are the file's own. Candles opening
  /// after `to` are dropped.
  ///
  /// - Throws: `EngineError` `.invalidArgument` for an unreadable or malformed file, an unknown
  ///   or repeated symbol, or more files than coins.
  public static func files(_ specs: [String], catalogue: CoinCatalogue, to: UnixTime? = nil) throws(EngineError)
    -> BacktestData
  {
    var paths: [(path: String, symbol: String?)] = []
    for spec in specs {
      let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
      let path = parts[0]
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let csv = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard !csv.isEmpty else { throw EngineError(.invalidArgument, "\(path): holds no .csv candle file") }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        paths += csv.map { (prefix + $0, nil) }
      } else {
        paths.append((path, parts.count > 1 ? parts[1] : nil))
      }
    }
    let enabled = catalogue.enabledCoins
    var taken = Set<String>()
    var chosen = [Coin?](repeating: nil, count: paths.count)
    // Named symbols first, then files whose name starts with a coin's base, then the rest.
    for (index, (path, symbol)) in paths.enumerated() {
      guard let symbol else { continue }
      guard let known = catalogue.coin(forSymbol: symbol) else {
        throw EngineError(.invalidArgument, "\(path)=\(symbol): \(symbol) is not a coin of the catalogue")
      }
      guard taken.insert(known.symbol).inserted else {
        throw EngineError(.invalidArgument, "\(path): \(known.symbol) already plays another file")
      }
      chosen[index] = known
    }
    for (index, (path, _)) in paths.enumerated() where chosen[index] == nil {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let base = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map { $0.uppercased() }
      if let match = enabled.first(where: { $0.base.uppercased() == base && !taken.contains($0.symbol) }) {
        taken.insert(match.symbol)
        chosen[index] = match
      }
    }
    for index in paths.indices where chosen[index] == nil {
      guard let next = enabled.first(where: { !taken.contains($0.symbol) }) else {
        throw EngineError(.invalidArgument, "more candle files (\(paths.count)) than coins (\(enabled.count))")
      }
      taken.insert(next.symbol)
      chosen[index] = next
    }
    var coins: [BacktestCoin] = []
    var series: [[Candle]] = []
    for (index, (path, _)) in paths.enumerated() {
      guard let coin = chosen[index] else { continue }
      let file: ReplayCandleFile
      do { file = try ReplayCandleFile.load(path: path) } catch { throw EngineError(.invalidArgument, "\(error)") }
      let tape = ReplayTape(coin: coin, file: file, timeShift: 0)
      var candles = (0..<file.candles.count).map { tape.candle(global: $0) }
      if let to { candles = candles.filter { $0.time.seconds + file.interval <= to.seconds } }
      coins.append(BacktestCoin(coin: coin, source: path, interval: file.interval, tick: tape.tick))
      series.append(candles)
    }
    guard !coins.isEmpty else { throw EngineError(.invalidArgument, "no candle file given") }
    return BacktestData(source: LoadedCandleSource(coins: coins, series: series))
  }

  /// Given candle series (already on each coin's tick), for tests and tools.
  public static func series(_ series: [(coin: BacktestCoin, candles: [Candle])]) -> BacktestData {
    BacktestData(source: LoadedCandleSource(coins: series.map(\.coin), series: series.map(\.candles)))
  }

  /// One-minute candles of the simulated market for the first `coins` enabled coins of the
  /// catalogue, `days` days from `start`, seeded with `seed` (the same seed gives the same candles).
  public static func synthetic(
    catalogue: CoinCatalogue, coins: Int, days: Int, seed: UInt64, start: UnixTime
  ) throws(EngineError) -> BacktestData {
    let enabled = catalogue.enabledCoins
    guard coins >= 1, coins <= enabled.count else {
      throw EngineError(.invalidArgument, "--coins must be 1…\(enabled.count), got \(coins)")
    }
    guard days >= 1 else { throw EngineError(.invalidArgument, "--days must be at least 1, got \(days)") }
    return BacktestData(
      source: SyntheticCandleSource(coins: Array(enabled.prefix(coins)), seed: seed, start: start, days: days))
  }
}
