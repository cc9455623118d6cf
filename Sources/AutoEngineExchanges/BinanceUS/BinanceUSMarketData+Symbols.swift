import AutoEngineCore
import Logging
import Synchronization

extension BinanceUSMarketData {
  /// What was wrong with one kline row, for a malformed-answer report.
  struct KlineProblem: Error {
    var text: String
  }

  /// Runs `fetch` over `symbols` minus the ones known to be unknown, in batches of
  /// `maxSymbolsPerRequest`. On `-1121 Invalid symbol` it asks the full `exchangeInfo` which
  /// symbols exist, remembers the others as unknown and retries once without them.
  ///
  /// - Returns: the items served and the requested symbols not served (unknown or absent), in
  ///   request order.
  func servingKnownSymbols<Item>(
    _ symbols: [String], fetch: ([String]) async throws -> [Item]
  ) async throws -> (items: [Item], missing: [String]) where Item: SymbolKeyed {
    let requested = Self.deduplicated(symbols)
    unknownSymbols.insert(requested.filter { !Self.isWellFormedSymbol($0) })
    var ask = requested.filter { !unknownSymbols.contains($0) }
    var items: [Item] = []
    do {
      items = try await fetchInBatches(ask, fetch: fetch)
    } catch let error as ExchangeError where error.exchangeCode == Self.invalidSymbolCode {
      let listed = Set(try await exchangeInfo(symbols: nil).symbols.map(\.symbol))
      let unknown = ask.filter { !listed.contains($0) }
      unknownSymbols.insert(unknown)
      fetcher.logger.warning(
        "symbols unknown to the exchange, serving the others",
        metadata: ["service": "\(fetcher.service)", "symbols": "\(unknown.joined(separator: ","))"])
      ask = ask.filter { listed.contains($0) }
      items = try await fetchInBatches(ask, fetch: fetch)
    }
    let wanted = Set(ask)
    var bySymbol: [String: Item] = [:]
    for item in items where wanted.contains(item.symbol) { bySymbol[item.symbol] = bySymbol[item.symbol] ?? item }
    return (requested.compactMap { bySymbol[$0] }, requested.filter { bySymbol[$0] == nil })
  }

  private func fetchInBatches<Item>(_ symbols: [String], fetch: ([String]) async throws -> [Item]) async throws
    -> [Item]
  {
    var items: [Item] = []
    var start = 0
    while start < symbols.count {
      let end = min(start + Self.maxSymbolsPerRequest, symbols.count)
      items += try await fetch(Array(symbols[start..<end]))
      start = end
    }
    return items
  }

  /// `symbols=["A","B"]` (a JSON array; percent-encoded when sent).
  static func symbolsQuery(_ symbols: [String]) -> QueryString {
    QueryString([("symbols", "[" + symbols.map { "\"\($0)\"" }.joined(separator: ",") + "]")])
  }

  static func deduplicated(_ symbols: [String]) -> [String] {
    var seen: Set<String> = []
    return symbols.filter { seen.insert($0).inserted }
  }

  /// Whether `symbol` can be sent at all: 1–20 upper-case ASCII letters and digits (anything
  /// else would fail the whole batch with an illegal-characters error).
  static func isWellFormedSymbol(_ symbol: String) -> Bool {
    (1...20).contains(symbol.utf8.count)
      && symbol.utf8.allSatisfy {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
      }
  }

  /// A candle from a kline row `[openTime, "open", "high", "low", "close", "volume", …]`.
  static func candle(fromKline row: [JSONValue]) -> Result<Candle, KlineProblem> {
    guard row.count >= 6 else { return .failure(KlineProblem(text: ": \(row.count) fields, expected at least 6")) }
    guard let openTime = row[0].integer else {
      return .failure(KlineProblem(text: "[0]: open time is \(row[0].kind), expected integer ms"))
    }
    var values: [Double] = []
    for index in 1...5 {
      guard let value = row[index].double else {
        return .failure(KlineProblem(text: "[\(index)]: not a number: \(row[index].text ?? row[index].kind)"))
      }
      values.append(value)
    }
    return .success(
      Candle(
        time: UnixTime(seconds: Double(openTime) / 1000), open: values[0], high: values[1], low: values[2],
        close: values[3], volume: values[4]))
  }
}

/// A value that belongs to one exchange symbol.
protocol SymbolKeyed {
  var symbol: String { get }
}

extension PriceQuote: SymbolKeyed {}
extension BinanceDailyTicker: SymbolKeyed {}

/// The symbols a client found unknown to its exchange, shared by its copies.
final class UnknownSymbolSet: Sendable {
  private let symbols = Mutex<Set<String>>([])

  var sorted: [String] { symbols.withLock { $0.sorted() } }

  func contains(_ symbol: String) -> Bool { symbols.withLock { $0.contains(symbol) } }

  func insert(_ new: [String]) { symbols.withLock { $0.formUnion(new) } }

  func remove(_ listed: [String]) { symbols.withLock { $0.subtract(listed) } }
}
