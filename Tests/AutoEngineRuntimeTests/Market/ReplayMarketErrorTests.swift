import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// Bad files and bad settings are reported clearly, naming the file and line.
@Suite struct ReplayMarketErrorTests {
  let wallStart = MarketTestFixtures.start
  let eth = MarketTestFixtures.coin("ETH-USD")

  /// Runs `body` with a fresh temporary directory, removed afterwards.
  func withTemporaryDirectory(_ body: (String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try await body(directory.path)
  }

  /// The error of building a replay of `files` for ETH-USD.
  func loadError(_ files: [String: String], options: ReplayOptions = ReplayOptions(warmUp: 0)) -> MarketSourceError? {
    #expect(throws: MarketSourceError.self) {
      try ReplayMarket(coins: [eth], files: files, wallStart: wallStart, options: options)
    }
  }

  @Test func aMalformedRowNamesTheFileAndLine() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory + "/bad.csv"
      let text = "time,open,high,low,close,volume\n60,1,1,1,1,1\n120,1,1.1,0.9,1,2\n180,1,0.5,0.9,1,1\n"
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      let error = try #require(loadError(["ETH-USD": path]))
      #expect(error.code == .malformedFile)
      #expect(error.file == path && error.line == 4)
      #expect(error.description == "\(path) line 4: high 0.5 is below low 0.9")
    }
  }

  @Test func aMissingFileIsUnreadable() throws {
    let error = try #require(loadError(["ETH-USD": "/nonexistent/ETH.csv"]))
    #expect(error.code == .unreadableFile && error.file == "/nonexistent/ETH.csv" && error.line == nil)
    #expect(error.description.hasPrefix("/nonexistent/ETH.csv: cannot be read"))
  }

  @Test func aFileWithOneCandleCannotBeReplayed() async throws {
    try await withTemporaryDirectory { directory in
      let path = directory + "/one.csv"
      try "time,open,high,low,close,volume\n60,1,1,1,1,1\n".write(toFile: path, atomically: true, encoding: .utf8)
      let error = try #require(loadError(["ETH-USD": path]))
      #expect(error.code == .malformedFile && error.file == path)
    }
  }

  @Test func aSymbolThatIsNotAConfiguredCoinIsRejected() throws {
    let error = try #require(loadError(["DOGE-USD": try SharedCandleFiles.path("ETH-BTC_5m.csv")]))
    #expect(error.code == .invalidConfiguration && error.problem.contains("DOGE-USD"))
  }

  @Test func theWarmUpMustBeShorterThanTheFile() throws {
    let path = try SharedCandleFiles.path("ETH-BTC_5m.csv")
    let error = try #require(loadError(["ETH-USD": path], options: ReplayOptions(warmUp: 30 * 86_400)))
    #expect(error.code == .invalidConfiguration && error.file == path)
  }

  @Test(arguments: [0, -1, Double.nan, Double.infinity])
  func theSpeedMustBePositive(speed: Double) throws {
    let path = try SharedCandleFiles.path("ETH-BTC_5m.csv")
    let error = try #require(loadError(["ETH-USD": path], options: ReplayOptions(speed: speed)))
    #expect(error.code == .invalidConfiguration)
  }

  @Test func aDirectoryWithoutCandleFilesCannotBeDealt() async throws {
    try await withTemporaryDirectory { directory in
      let error = #expect(throws: MarketSourceError.self) {
        try ReplayMarket.roundRobinFiles(in: directory, for: [eth])
      }
      #expect(error?.code == .invalidConfiguration && error?.file == directory)
    }
    let missing = #expect(throws: MarketSourceError.self) {
      try ReplayMarket.roundRobinFiles(in: "/nonexistent-candles", for: [eth])
    }
    #expect(missing?.code == .unreadableFile)
  }
}
