import AutoEngineCore
import Foundation

/// Reads a candle CSV file (`time,open,high,low,close,volume`, time in Unix seconds).
enum CandleFile {
  /// The candles of the file at `path`; errors name the file, and the line and problem.
  static func load(_ path: String) throws -> [Candle] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError("\(path): cannot read the file")
    }
    do {
      return try CandleCSV.parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw CommandError("\(path): \(error)")
    }
  }
}

/// A command failed for a reason the user can act on; printed as one line.
struct CommandError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
