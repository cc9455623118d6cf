import Foundation
import Testing

/// `autoengine backtest` as a user runs it: the shared real candles end to end, with the table on
/// stdout, the JSON and HTML reports written, the same bytes on a second run, no progress bar
/// when stderr is not a terminal, and usage errors refused.
@Suite struct BacktestCommandTests {
  static let candles = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/data/candles").standardizedFileURL.path

  /// Runs `autoengine backtest` with `arguments`; returns the exit code, stdout and stderr.
  func backtest(_ arguments: [String]) async throws -> (code: Int32, stdout: String, stderr: String) {
    let process = try ChildProcess(executable: try builtProduct("autoengine"), arguments: ["backtest"] + arguments)
    let code = try await process.waitForExit(seconds: 120)
    return (code, process.standardOutput(), process.standardError())
  }

  @Test(.timeLimit(.minutes(3)))
  func theSharedCandlesBacktestToATableAndIdenticalReports() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lowered = [
      "--set", "strategy.min_confidence=0.3", "--set", "strategy.min_signal_strength=0.3",
      "--set", "strategy.action_threshold=0.1",
    ]
    var reports: [Data] = []
    for run in 0..<2 {
      let json = folder.appendingPathComponent("report\(run).json").path
      let html = folder.appendingPathComponent("report\(run).html").path
      let result = try await backtest(["--data", Self.candles, "--report", json, "--html", html] + lowered)
      #expect(result.code == 0, "stderr: \(result.stderr)")
      #expect(result.stdout.contains("TOTAL"))
      #expect(result.stdout.contains("positions rebuilt from its fills match"))
      #expect(result.stderr.contains("ETH-BTC_5m.csv → ETH-USD"))
      #expect(!result.stderr.contains("candles/s  ETA"), "no progress bar when stderr is not a terminal")
      reports.append(try Data(contentsOf: URL(fileURLWithPath: json)))
      let page = try String(contentsOfFile: html, encoding: .utf8)
      #expect(page.contains("<svg") && !page.contains("<script"))
    }
    #expect(reports[0] == reports[1])
    let decoded = try JSONSerialization.jsonObject(with: reports[0]) as? [String: Any]
    let total = decoded?["total"] as? [String: Any]
    #expect((total?["trades"] as? Int ?? 0) > 0)
  }

  @Test(.timeLimit(.minutes(1)))
  func dataOrSyntheticIsRequired() async throws {
    let result = try await backtest([])
    #expect(result.code != 0)
    #expect(result.stderr.contains("give either --data FILE… or --synthetic"))
  }
}
