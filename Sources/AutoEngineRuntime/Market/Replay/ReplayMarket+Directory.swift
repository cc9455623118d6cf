public import AutoEngineCore
import FoundationEssentials

extension ReplayMarket {
  /// Loads every `.csv` file of `directory` and deals them to `coins` round-robin.
  ///
  /// Files are taken in name order; coin `i` plays file `i mod fileCount`, so with 6 files and 40
  /// coins each file serves 6 or 7 coins (each scaled to its own coin's level).
  ///
  /// - Throws: `MarketSourceError` as `init(coins:files:wallStart:options:)`, and
  ///   `.unreadableFile` when the directory cannot be listed, `.invalidConfiguration` when it
  ///   holds no `.csv` file.
  public convenience init(
    coins: [Coin], directory: String, wallStart: UnixTime, options: ReplayOptions = ReplayOptions()
  ) throws(MarketSourceError) {
    try self.init(
      coins: coins, files: Self.roundRobinFiles(in: directory, for: coins), wallStart: wallStart,
      options: options)
  }

  /// The `.csv` files of `directory` (in name order) dealt to `coins` round-robin, as
  /// `[symbol: path]`.
  public static func roundRobinFiles(in directory: String, for coins: [Coin]) throws(MarketSourceError)
    -> [String: String]
  {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw MarketSourceError(.unreadableFile, file: directory, problem: "cannot be listed (\(error))")
    }
    let csvNames = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !csvNames.isEmpty else {
      throw MarketSourceError(.invalidConfiguration, file: directory, problem: "holds no .csv candle file")
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    var files: [String: String] = [:]
    for (position, coin) in coins.enumerated() {
      files[coin.symbol] = prefix + csvNames[position % csvNames.count]
    }
    return files
  }
}
