import ArgumentParser
import AutoEngineCore
import Foundation

/// `autoengine signals`: the aggregated decision at every candle of a CSV file.
struct SignalsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signals",
    abstract: "Run the strategies over a candle CSV file; print the aggregated decision per candle as CSV.",
    discussion: """
      Columns: time, symbol, action, strength, confidence, score, buy/sell/hold/missing counts, \
      tradeable (confidence ≥ 0.7 and strength ≥ 0.6 on a BUY or SELL), and the strategies that \
      fired as "P3:BUY P37:SELL". The lunar phase is computed for each candle; solar and Schumann \
      data are absent offline, so P66–P68 and P70 hold and say so.

      Examples:
        autoengine signals --input ../shared/data/candles/ETH-BTC_5m.csv --symbol ETHUSDT
        autoengine signals --input candles.csv --categories technical --tradeable-only --reasons
      """)

  @Option(help: "Candle CSV file (time,open,high,low,close,volume; time in Unix seconds).")
  var input: String

  @Option(help: "Symbol to label the rows with (default: the file name).")
  var symbol: String?

  @OptionGroup var selection: StrategySelection

  @Flag(name: .customLong("tradeable-only"), help: "Print only candles whose aggregate passes the autobuy thresholds.")
  var tradeableOnly = false

  @Flag(help: "Append the reasons of the strategies that fired.")
  var reasons = false

  func run() throws {
    let candles = try CandleFile.load(input)
    let label = symbol ?? String(input.split(separator: "/").last ?? Substring(input))
    let thresholds = StrategySettings()
    var evaluator = CoinEvaluator(strategies: try selection.evaluator())
    print(
      "time,symbol,action,strength,confidence,score,buy,sell,hold,missing,tradeable,fired" + (reasons ? ",reasons" : "")
    )
    for candle in candles {
      let cosmic = CosmicReadings(CosmicInputs(at: candle.time), at: candle.time)
      let aggregate: AggregatedSignal
      do {
        aggregate = try evaluator.update(candle, cosmic: cosmic)
      } catch {
        throw CommandError("\(input): candle at \(IndicatorCSV.timeText(candle.time.seconds)): \(error)")
      }
      let tradeable =
        aggregate.action != .hold && aggregate.confidence >= thresholds.minConfidence
        && aggregate.strength >= thresholds.minSignalStrength
      if tradeableOnly && !tradeable { continue }
      let fired = evaluator.strategies.signals.filter { $0.action != .hold }
      var row = [
        IndicatorCSV.timeText(candle.time.seconds), label, "\(aggregate.action)",
        fixed(aggregate.strength), fixed(aggregate.confidence), fixed(aggregate.score),
        "\(aggregate.buyCount)", "\(aggregate.sellCount)", "\(aggregate.holdCount)", "\(aggregate.missingCount)",
        tradeable ? "yes" : "no", fired.map { "\($0.strategy):\($0.action)" }.joined(separator: " "),
      ]
      if reasons {
        let text = fired.compactMap { signal in evaluator.reason(signal.strategy).map { "\(signal.strategy) \($0)" } }
        row.append("\"" + text.joined(separator: "; ").replacingOccurrences(of: "\"", with: "\"\"") + "\"")
      }
      print(row.joined(separator: ","))
    }
  }

  private func fixed(_ value: Double) -> String {
    let scaled = (value * 10_000).rounded() / 10_000
    return "\(scaled)"
  }
}
