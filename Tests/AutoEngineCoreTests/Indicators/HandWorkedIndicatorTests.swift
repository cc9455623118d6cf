import Foundation
import Testing

@testable import AutoEngineCore

/// Each indicator on a short series whose values were worked out by hand.
@Suite("Indicators on hand-worked series")
struct HandWorkedIndicatorTests {
  @Test("SMA(3) of 1…5 is 2, 3, 4 after two absent values")
  func simpleMovingAverage() {
    var sma = SimpleMovingAverage(period: 3)
    var outputs: [Double?] = []
    for x in [1.0, 2, 3, 4, 5] {
      sma.update(x)
      outputs.append(sma.value)
    }
    #expect(outputs == [nil, nil, 2, 3, 4])
  }

  @Test("EMA(3) is seeded with the SMA of the first 3 values, then moves by k = 0.5")
  func exponentialMovingAverage() {
    var ema = ExponentialMovingAverage(period: 3)
    var outputs: [Double?] = []
    for x in [2.0, 4, 6, 8, 4] {
      ema.update(x)
      outputs.append(ema.value)
    }
    // seed (2 + 4 + 6) / 3 = 4; (8 − 4)·0.5 + 4 = 6; (4 − 6)·0.5 + 6 = 5
    #expect(outputs == [nil, nil, 4, 6, 5])
    #expect(ema.smoothing == 0.5)
  }

  @Test("RSI(3) with Wilder smoothing: 75, 900/11, 1800/31")
  func relativeStrengthIndex() {
    var rsi = RelativeStrengthIndex(period: 3)
    var outputs: [Double?] = []
    for close in [10.0, 11, 10, 12, 13, 12] {
      rsi.update(close)
      outputs.append(rsi.value)
    }
    // changes +1 −1 +2 | +1 | −1: gain 3/3 = 1, loss 1/3 → 75; gain (2+1)/3 = 1, loss 2/9 → 900/11;
    // gain 2/3, loss (4/9 + 1)/3 = 13/27 → 1800/31
    #expect(outputs[0..<3].allSatisfy { $0 == nil })
    #expect(agrees(outputs[3], 75, relative: 1e-14))
    #expect(agrees(outputs[4], 900.0 / 11, relative: 1e-14))
    #expect(agrees(outputs[5], 1800.0 / 31, relative: 1e-14))
  }

  @Test("ATR(3): first value is the mean of three true ranges (a gap counts), then Wilder")
  func averageTrueRange() {
    let candles = [
      makeCandle(0, high: 10, low: 8, close: 9),
      makeCandle(1, high: 11, low: 9, close: 10),  // TR 2
      makeCandle(2, high: 15, low: 13, close: 14),  // TR |15 − 10| = 5
      makeCandle(3, high: 14, low: 12, close: 12),  // TR 2
      makeCandle(4, high: 13, low: 11, close: 12),  // TR 2
    ]
    var atr = AverageTrueRange(period: 3)
    var outputs: [Double?] = []
    for candle in candles {
      atr.update(candle)
      outputs.append(atr.value)
    }
    #expect(outputs[0..<3].allSatisfy { $0 == nil })
    #expect(outputs[3] == 3)
    #expect(agrees(outputs[4], 8.0 / 3, relative: 1e-15))
    #expect(agrees(atr.percentOfClose, 8.0 / 3 / 12 * 100, relative: 1e-15))
  }

  @Test("OBV starts at the first volume and adds, subtracts or keeps by the close's direction")
  func onBalanceVolume() {
    var obv = OnBalanceVolume(averagePeriod: 2)
    var outputs: [Double?] = []
    let closes: [Double] = [10, 11, 11, 9]
    let volumes: [Double] = [5, 3, 7, 2]
    for index in 0..<4 {
      obv.update(
        makeCandle(index, high: closes[index], low: closes[index], close: closes[index], volume: volumes[index]))
      outputs.append(obv.value)
    }
    #expect(outputs == [5, 8, 8, 6])
    #expect(obv.averageValue == 7)
  }

  @Test("ROC(2) compares with the close two candles earlier")
  func rateOfChange() {
    var roc = RateOfChange(period: 2)
    var outputs: [Double?] = []
    for close in [50.0, 60, 55, 66] {
      roc.update(close)
      outputs.append(roc.value)
    }
    #expect(outputs[0] == nil && outputs[1] == nil)
    #expect(agrees(outputs[2], 10, relative: 1e-14))
    #expect(agrees(outputs[3], 10, relative: 1e-14))
  }

  @Test("stochastic and Williams %R over highest high 12, lowest low 7, close 10")
  func stochasticAndWilliams() {
    let candles = [
      makeCandle(0, high: 10, low: 8, close: 9),
      makeCandle(1, high: 12, low: 9, close: 11),
      makeCandle(2, high: 11, low: 7, close: 10),
    ]
    var stochastic = StochasticOscillator(fastKPeriod: 3, slowKPeriod: 1, slowDPeriod: 1)
    var williams = WilliamsPercentR(period: 3)
    for candle in candles {
      stochastic.update(candle)
      williams.update(candle)
    }
    #expect(agrees(stochastic.k, 60, relative: 1e-14))  // 100 × (10 − 7) / (12 − 7)
    #expect(agrees(stochastic.d, 60, relative: 1e-14))
    #expect(agrees(williams.value, -40, relative: 1e-14))  // −100 × (12 − 10) / 5
  }

  @Test("slow stochastic averages fast %K over 3, then %K over 3")
  func slowStochastic() {
    // Window 1: fast %K is (close − low) / (high − low) of each single candle.
    let fastKs: [Double] = [10, 40, 70, 100, 40]
    var stochastic = StochasticOscillator(fastKPeriod: 1, slowKPeriod: 3, slowDPeriod: 3)
    var ks: [Double?] = []
    for (index, fastK) in fastKs.enumerated() {
      stochastic.update(makeCandle(index, high: 100, low: 0, close: fastK))
      ks.append(stochastic.k)
    }
    // slow %K: 40, 70, 70; %D (the mean of those) = 60 at the fifth candle, and %K waits for it
    #expect(ks == [nil, nil, nil, nil, 70])
    #expect(stochastic.d == 60)
  }

  @Test("CCI(3) of typical prices 1, 2, 3 is 100")
  func commodityChannelIndex() {
    var cci = CommodityChannelIndex(period: 3)
    for candle in flatCandles([1, 2, 3]) { cci.update(candle) }
    // mean 2, mean deviation 2/3: (3 − 2) / (0.015 × 2/3) = 100
    #expect(agrees(cci.value, 100, relative: 1e-13))
  }

  @Test("MFI(2): positive flow 22, negative flow 42")
  func moneyFlowIndex() {
    let closes: [Double] = [10, 11, 10.5]
    let volumes: [Double] = [1, 2, 4]
    var mfi = MoneyFlowIndex(period: 2)
    for index in 0..<3 {
      mfi.update(
        makeCandle(index, high: closes[index], low: closes[index], close: closes[index], volume: volumes[index]))
    }
    #expect(agrees(mfi.value, 100 * 22.0 / 64, relative: 1e-14))
  }

  @Test("ADX of a steady rise: +DI > 0, −DI = 0, ADX = 100")
  func directionalMovementOfSteadyRise() {
    var system = DirectionalMovement(period: 3)
    var first: (plus: Int?, adx: Int?) = (nil, nil)
    for index in 0..<10 {
      let base = 10 + Double(index)
      system.update(makeCandle(index, high: base + 1, low: base, close: base + 0.5))
      if system.plusDI != nil, first.plus == nil { first.plus = index + 1 }
      if system.adx != nil, first.adx == nil { first.adx = index + 1 }
    }
    #expect(first.plus == 4 && first.adx == 6)  // TA-Lib lookbacks: period, 2 × period − 1
    #expect(system.minusDI == 0)
    #expect((system.plusDI ?? 0) > 0)
    #expect(agrees(system.adx, 100, relative: 1e-14))
  }

  @Test("Donchian(2) covers the two candles before the latest")
  func donchianChannel() {
    var channel = DonchianChannel(period: 2)
    let candles = [
      makeCandle(0, high: 5, low: 1, close: 3), makeCandle(1, high: 6, low: 2, close: 4),
      makeCandle(2, high: 9, low: 0.5, close: 8),
    ]
    var uppers: [Double?] = []
    for candle in candles {
      channel.update(candle)
      uppers.append(channel.upper)
    }
    #expect(uppers == [nil, nil, 6])
    #expect(channel.lower == 1)
  }

  @Test("pivots of the previous block of 2: H 12, L 8, C 11")
  func pivotLevels() {
    var pivots = PivotLevels(period: 2)
    let candles = [
      makeCandle(0, high: 10, low: 8, close: 9), makeCandle(1, high: 12, low: 9, close: 11),
      makeCandle(2, high: 20, low: 1, close: 5), makeCandle(3, high: 6, low: 4, close: 5),
    ]
    var pivotValues: [Double?] = []
    for candle in candles {
      pivots.update(candle)
      pivotValues.append(pivots.pivot)
    }
    // P = (12 + 8 + 11) / 3; the third candle is already in the new block but not in its levels
    let p = 31.0 / 3
    #expect(pivotValues == [nil, nil, p, p])
    #expect(pivots.resistance1 == 2 * p - 8 && pivots.support1 == 2 * p - 12)
    #expect(pivots.resistance2 == p + 4 && pivots.support2 == p - 4)
  }

  @Test("trend slope of closes 6…25 is 1 per candle, 4 % of the latest close")
  func trendSlope() {
    var slope = TrendSlope(period: 20)
    for close in 1...25 { slope.update(Double(close)) }
    #expect(agrees(slope.slope, 1, relative: 1e-13))
    #expect(agrees(slope.slopePercent, 4, relative: 1e-13))  // 1 / 25 × 100
  }

  @Test("price–volume correlation is ±1 for volumes linear in the returns")
  func priceVolumeCorrelation() {
    let returns: [Double] = [0.01, -0.02, 0.005, 0.03, -0.01, 0.0, 0.015]
    for sign in [1.0, -1.0] {
      var correlation = PriceVolumeCorrelation(period: 5)
      var close = 100.0
      correlation.update(makeCandle(0, high: close, low: close, close: close))
      for (index, change) in returns.enumerated() {
        close *= 1 + change
        correlation.update(
          makeCandle(index + 1, high: close, low: close, close: close, volume: 50 + sign * 1000 * change))
      }
      #expect(agrees(correlation.value, sign, relative: 1e-9))
    }
  }

  @Test("volume z-score of 1, 1, 1, 1, 5 is 2; VWAP weighs typical prices by volume")
  func volumeStatisticsAndVWAP() {
    var statistics = VolumeStatistics(period: 5)
    var vwap = VolumeWeightedAveragePrice()
    for (index, volume) in [1.0, 1, 1, 1, 5].enumerated() {
      statistics.update(volume)
      vwap.update(
        makeCandle(index, high: Double(index + 2), low: Double(index), close: Double(index + 1), volume: volume))
    }
    #expect(agrees(statistics.average, 1.8, relative: 1e-14))
    #expect(agrees(statistics.zScore, 2, relative: 1e-13))  // (5 − 1.8) / 1.6
    // typical prices 1…5: (1 + 2 + 3 + 4 + 5·5) / 9
    #expect(agrees(vwap.value, 35.0 / 9, relative: 1e-14))
  }

  @Test("realised volatility of log returns +a, −a is 100·a percent")
  func realizedVolatility() {
    var volatility = RealizedVolatility(period: 4)
    let up = 1.02
    for close in [1.0, up, 1, up, 1] { volatility.update(close) }
    let a = Foundation.log(up)
    #expect(agrees(volatility.percent, 100 * a, relative: 1e-12))
  }

  @Test("MACD line exists from candle 26, signal and histogram from candle 34")
  func macdAlignment() {
    var macd = MACD()
    var firstLine: Int?
    var firstSignal: Int?
    for index in 1...40 {
      macd.update(100 + Double(index % 7) - Double(index) * 0.3)
      if macd.line != nil, firstLine == nil { firstLine = index }
      if macd.signal != nil, firstSignal == nil { firstSignal = index }
    }
    #expect(firstLine == 26 && firstSignal == 34)
    #expect(agrees(macd.histogram, macd.line! - macd.signal!, relative: 1e-15))
  }
}
