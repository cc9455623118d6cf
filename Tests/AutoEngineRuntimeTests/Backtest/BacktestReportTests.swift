import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// Determinism, parallel = single-threaded, figures that add up, and the shared real candles
/// end to end.
@Suite struct BacktestReportTests {
  /// Thresholds low enough that the simulated market trades within a few days.
  static var eager: EngineConfiguration {
    var configuration = EngineConfiguration()
    configuration.strategy.minConfidence = 0.05
    configuration.strategy.minSignalStrength = 0.3
    configuration.strategy.actionThreshold = 0.05
    configuration.risk.takeProfitPercent = 1
    configuration.risk.stopLossPercent = 1
    return configuration
  }

  static func synthetic(seed: UInt64, parallel: Bool) throws -> BacktestReport {
    let data = try BacktestData.synthetic(
      catalogue: .defaults, coins: 3, days: 2, seed: seed, start: UnixTime(seconds: 1_735_689_600))
    return try Backtest.run(data, options: BacktestOptions(configuration: eager, parallel: parallel))
  }

  @Test func theSameInputAndSeedGiveAByteIdenticalJSONReport() throws {
    let first = try Self.synthetic(seed: 11, parallel: true)
    let second = try Self.synthetic(seed: 11, parallel: true)
    #expect(first.totals.trades > 0, "the eager thresholds should trade")
    #expect(first.json == second.json)
    let other = try Self.synthetic(seed: 12, parallel: true)
    #expect(other.json != first.json)
  }

  @Test func parallelAndSingleThreadedRunsGiveTheSameReport() throws {
    let parallel = try Self.synthetic(seed: 5, parallel: true)
    let single = try Self.synthetic(seed: 5, parallel: false)
    #expect(parallel.json == single.json)
    #expect(parallel.html == single.html)
    #expect(parallel.table == single.table)
  }

  @Test func perCoinFiguresAddUpToTheTotals() throws {
    let report = try Self.synthetic(seed: 3, parallel: true)
    let t = report.totals
    #expect(report.coins.reduce(Decimal(0)) { $0 + $1.realisedPnl } == t.realisedPnl)
    #expect(report.coins.reduce(Decimal(0)) { $0 + $1.unrealisedPnl } == t.unrealisedPnl)
    #expect(report.coins.reduce(Decimal(0)) { $0 + $1.fees } == t.fees)
    #expect(report.coins.reduce(0) { $0 + $1.trades } == t.trades)
    #expect(report.coins.reduce(0) { $0 + $1.candles } == report.candles)
    #expect(t.finalEquity - t.startingCapital == t.realisedPnl + t.unrealisedPnl)
    let coinReturns = report.coins.reduce(0.0) { $0 + $1.returnPercent }
    #expect(abs(coinReturns - t.returnPercent) < 1e-9)
    var refusals: [String: Int] = [:]
    for coin in report.coins { refusals.merge(coin.refusals, uniquingKeysWith: +) }
    #expect(refusals == t.refusals)
    #expect(report.journal?.matchesPositions == true)
    #expect(t.maxDrawdownPercent >= 0 && t.exposurePercent >= 0 && t.exposurePercent <= 100)
  }

  @Test func theSharedRealCandlesBacktestEndToEnd() throws {
    let directory = try SharedCandleFiles.directory()
    let data = try BacktestData.files([directory], catalogue: .defaults)
    #expect(data.coins.count == 6)
    #expect(data.coins.map(\.coin.symbol).contains("ETH-USD"))
    let report = try Backtest.run(data, options: BacktestOptions(configuration: Self.eager))
    #expect(report.candles == 42_440)
    #expect(report.totals.buys > 0)
    #expect(report.journal?.matchesPositions == true)
    #expect(report.json.contains("\"realisedPnl\""))
    #expect(report.html.contains("<svg"))
    #expect(report.table.contains("TOTAL"))
  }
}
