import ArgumentParser
import AutoEngineCore

/// `autoengine indicators`: every indicator of every candle of a CSV file, as CSV.
struct IndicatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: "Compute every indicator over a candle CSV file and print them as CSV.",
    discussion: """
      Input: time,open,high,low,close,volume (time in Unix seconds, header required). Output: \
      time then one column per indicator output (sma_20, ema_12, ema_26, rsi_14, macd, macd_signal, \
      macd_hist, bb_upper, bb_middle, bb_lower, atr_14, stddev_20, roc_10, obv, stoch_k, stoch_d, \
      adx_14, cci_20, willr_14, mfi_14, then the rest), empty while an indicator warms up, values \
      in shortest round-trip form.

      Example:
        autoengine indicators --input ../shared/data/candles/ETH-BTC_5m.csv > eth-indicators.csv
      """)

  @Option(help: "Candle CSV file.")
  var input: String

  func run() throws {
    let candles = try CandleFile.load(input)
    do {
      print(try IndicatorCSV.document(candles: candles), terminator: "")
    } catch {
      throw CommandError("\(input): \(error)")
    }
  }
}
