import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

/// Trades, fees and P&L of a hand-made series, worked out by hand with the default rules
/// (fee 0.1 %, slippage 0.05 %, 10,000 USD, cooldown 300 s, trailing stop 3 %, sizing at
/// confidence 0.95 = the coin's maximum trade, 5,000).
@Suite struct BacktestHandWorkedTests {
  @Test func tradesFeesAndPnlMatchTheHandWorkedFigures() throws {
    // close (each candle acts at open + 60 s):
    // c0 100.00 BUY  (t0+60)  spendable 10000/1.001 = 9990.00 → size 5000.00
    //      fill 100 × 1.0005 = 100.05; base 5000/100.05 ↓8 = 49.97501249
    //      value 100.05 × 49.97501249 = 4999.9999996245; fee 0.1 % ↑8 = 5.00000000
    //      cost 5004.9999996245, entry 100.15005…, cash 4995.0000003755
    // c1 104.00 HOLD  highest 104 ≥ entry × 1.03 (103.15): trailing stop armed at 104 × 0.97 = 100.88
    // c2 100.50 HOLD  100.50 ≤ 100.88 → trailing stop: sell 49.97501249 at 100.5 × 0.9995 = 100.44975
    //      value 5019.9775108673775; fee ↑8 5.01997752; P&L 5014.9575333473775 − 5004.9999996245
    //      = 9.9575337228775; cash 10009.9575337228775; last trade t0+180, cooldown until t0+480
    // c3 100.00 BUY  (t0+240) refused: cooldown (recorded)
    // c4 100.00 BUY  (t0+300) refused: cooldown again (not recorded twice)
    // c5 100.00 HOLD (t0+360) the refusal is forgotten
    // c6 100.00 BUY  (t0+420) refused: cooldown (recorded again)
    // c7 102.00 BUY  (t0+480) cooldown over exactly now: spendable 10000.95… → size 5000.00
    //      fill 102.051; base 5000/102.051 ↓8 = 48.99511028; value 4999.99999918428; fee 5.00000000
    //      cost 5004.99999918428; cash 5004.9575345385975
    // c8 101.00 SELL (t0+540) SELL signal (strength 1 ≥ 0.6, confidence 0.95 ≥ 0.7): sell at
    //      101 × 0.9995 = 100.9495; value 4946.03188521086; fee ↑8 4.94603189;
    //      P&L 4941.08585332086 − 5004.99999918428 = −63.91414586342
    // total P&L −53.9566121405425, fees 19.96600941, final cash 9946.0433878594575
    let candles = BacktestFixtures.series(
      [100, 104, 100.5, 100, 100, 100, 100, 102, 101], script: "b--bb-bbs")
    let report = try BacktestFixtures.run(candles)
    let coin = try #require(report.coins.first)
    #expect(coin.trades == 2)
    #expect(coin.wins == 1 && coin.losses == 1)
    #expect(coin.realisedPnl == Decimal(string: "-53.9566121405425"))
    #expect(coin.fees == Decimal(string: "19.96600941"))
    #expect(coin.bestTrade == Decimal(string: "9.9575337228775"))
    #expect(coin.worstTrade == Decimal(string: "-63.91414586342"))
    #expect(coin.exits == ["trailing_stop": 1, "sell_signal": 1])
    #expect(coin.refusals == ["cooldown": 2])
    #expect(report.totals.finalEquity == Decimal(string: "9946.0433878594575"))
    #expect(report.totals.buys == 2)
    #expect(report.totals.openPositions == 0)
    // The journal holds 4 orders, 4 fills and 6 decisions (4 executed, 2 refused), and the
    // positions rebuilt from its fills are the backtest's.
    let journal = try #require(report.journal)
    #expect(journal.orders == 4 && journal.fills == 4 && journal.decisions == 6)
    #expect(journal.matchesPositions)
    // Both trades were bought on P7, the only strategy: it carries both and their P&L.
    #expect(report.strategies.map { $0.strategy } == [StrategyID(number: 7)!])
    #expect(report.strategies.first?.pnl == Decimal(string: "-53.9566121405425"))
  }

  @Test func cooldownRunsOnTheCandlesClock() throws {
    // A sell signal right after the buy closes the round trip at once; the next BUYs come one
    // and three candles later. With one-minute candles both are inside the 300 s cooldown
    // (refused twice: the HOLD between them forgets the first refusal); with ten-minute candles
    // the first is 600 s after the sell, past the cooldown (bought; the last BUY then finds the
    // position open and is judged by the exit rules).
    let script = "bsb-b"
    let closes = [100.0, 100, 100, 100, 100]
    let minute = try BacktestFixtures.run(BacktestFixtures.series(closes, script: script), interval: 60)
    #expect(minute.totals.buys == 1)
    #expect(minute.totals.refusals == ["cooldown": 2])
    let tenMinutes = try BacktestFixtures.run(
      BacktestFixtures.series(closes, script: script, interval: 600), interval: 600)
    #expect(tenMinutes.totals.buys == 2)
    #expect(tenMinutes.totals.refusals.isEmpty)
  }

  @Test func portfolioLimitsBindAcrossCoinsInTimeOrder() throws {
    // Two coins buy at the same candles; with max_open_positions 1 the first coin (in order)
    // buys and the second is refused, exactly as the desk judges coins one after another.
    var configuration = EngineConfiguration()
    configuration.risk.maxOpenPositions = 1
    let candles = BacktestFixtures.series([100, 100, 100], script: "b--")
    let catalogue = CoinCatalogue.defaults
    let coins = ["SOL-USD", "ADA-USD"].map { symbol in
      BacktestCoin(
        coin: catalogue.coin(forSymbol: symbol)!, source: "hand-made", interval: 60,
        tick: PriceTick(referencePrice: 100))
    }
    let data = BacktestData.series(coins.map { ($0, candles) })
    let report = try Backtest.run(
      data, options: BacktestOptions(configuration: configuration, strategies: [ScriptedStrategy()]))
    #expect(report.coins[0].refusals.isEmpty)
    #expect(report.coins[1].refusals == ["max_open_positions": 1])
    #expect(report.totals.buys == 1)
  }
}
