public import AutoEngineCore

/// Typical market figures of one base asset, the level that simulated and replayed prices are
/// anchored to.
///
/// The simulated market starts each asset at `referencePrice` and calibrates its volatility and
/// volume to the other two figures; the replay market scales each candle file so that its first
/// close equals `referencePrice` and its average 24-hour quote volume equals the coin's daily
/// volume. The figures are rounded, late-2025 orders of magnitude — realistic levels, not quotes.
public struct AssetReference: Hashable, Sendable {
  /// Price level of one unit of the asset, USD (> 0).
  public var referencePrice: Double
  /// Annualised volatility of log returns, fraction (0.5 means 50 % a year).
  public var annualVolatility: Double
  /// Typical 24-hour traded value on Coinbase, USD.
  public var dailyVolumeUSD: Double

  /// Creates reference figures.
  public init(referencePrice: Double, annualVolatility: Double, dailyVolumeUSD: Double) {
    self.referencePrice = referencePrice
    self.annualVolatility = annualVolatility
    self.dailyVolumeUSD = dailyVolumeUSD
  }

  /// The figures of `base` (case-insensitive) from `table`, or `unknown` for an asset not in it.
  public static func of(base: String) -> AssetReference {
    table[base.uppercased()] ?? unknown
  }

  /// Figures used for an asset the table does not know: 1 USD, 90 % a year, 10 million USD a day.
  public static let unknown = AssetReference(
    referencePrice: 1, annualVolatility: 0.9, dailyVolumeUSD: 10_000_000)

  /// Reference figures of the seed's coins, their successors (POL, S) and the shared test data's
  /// assets, by upper-case base asset.
  ///
  /// | base | price USD | vol / yr | volume USD / day |
  /// | --- | --- | --- | --- |
  /// | BTC | 90,000 | 50 % | 1.5 bn |
  /// | ETH | 3,000 | 65 % | 800 m |
  /// | SOL | 150 | 80 % | 300 m |
  /// | XRP, DOGE | 2.2, 0.17 | 85 %, 95 % | 150 m, 100 m |
  /// | ADA, LINK, LTC, AVAX | 0.70, 14, 90, 20 | 80–90 % | 30–50 m |
  /// | others | 0.025 (VET) … 450 (BCH) | 85–100 % | 5–30 m |
  public static let table: [String: AssetReference] = [
    "BTC": .init(referencePrice: 90_000, annualVolatility: 0.50, dailyVolumeUSD: 1_500_000_000),
    "ETH": .init(referencePrice: 3_000, annualVolatility: 0.65, dailyVolumeUSD: 800_000_000),
    "SOL": .init(referencePrice: 150, annualVolatility: 0.80, dailyVolumeUSD: 300_000_000),
    "XRP": .init(referencePrice: 2.2, annualVolatility: 0.85, dailyVolumeUSD: 150_000_000),
    "DOGE": .init(referencePrice: 0.17, annualVolatility: 0.95, dailyVolumeUSD: 100_000_000),
    "ADA": .init(referencePrice: 0.70, annualVolatility: 0.80, dailyVolumeUSD: 50_000_000),
    "LINK": .init(referencePrice: 14, annualVolatility: 0.85, dailyVolumeUSD: 40_000_000),
    "LTC": .init(referencePrice: 90, annualVolatility: 0.70, dailyVolumeUSD: 40_000_000),
    "AVAX": .init(referencePrice: 20, annualVolatility: 0.90, dailyVolumeUSD: 30_000_000),
    "XLM": .init(referencePrice: 0.30, annualVolatility: 0.85, dailyVolumeUSD: 30_000_000),
    "BCH": .init(referencePrice: 450, annualVolatility: 0.75, dailyVolumeUSD: 25_000_000),
    "DOT": .init(referencePrice: 4.5, annualVolatility: 0.85, dailyVolumeUSD: 20_000_000),
    "UNI": .init(referencePrice: 7, annualVolatility: 0.90, dailyVolumeUSD: 20_000_000),
    "NEAR": .init(referencePrice: 2.5, annualVolatility: 1.00, dailyVolumeUSD: 20_000_000),
    "MATIC": .init(referencePrice: 0.40, annualVolatility: 0.90, dailyVolumeUSD: 20_000_000),
    "POL": .init(referencePrice: 0.20, annualVolatility: 0.90, dailyVolumeUSD: 15_000_000),
    "ATOM": .init(referencePrice: 4.5, annualVolatility: 0.85, dailyVolumeUSD: 15_000_000),
    "FIL": .init(referencePrice: 2.5, annualVolatility: 0.95, dailyVolumeUSD: 15_000_000),
    "FTM": .init(referencePrice: 0.70, annualVolatility: 1.00, dailyVolumeUSD: 15_000_000),
    "S": .init(referencePrice: 0.30, annualVolatility: 1.00, dailyVolumeUSD: 10_000_000),
    "ICP": .init(referencePrice: 5, annualVolatility: 1.00, dailyVolumeUSD: 10_000_000),
    "ALGO": .init(referencePrice: 0.20, annualVolatility: 0.90, dailyVolumeUSD: 10_000_000),
    "ETC": .init(referencePrice: 17, annualVolatility: 0.85, dailyVolumeUSD: 10_000_000),
    "SAND": .init(referencePrice: 0.25, annualVolatility: 1.00, dailyVolumeUSD: 8_000_000),
    "VET": .init(referencePrice: 0.025, annualVolatility: 0.95, dailyVolumeUSD: 5_000_000),
  ]

  /// The share of an asset's Coinbase volume that trades on `exchange`: 1 on Coinbase, 0.05 on
  /// Binance.US (a much smaller venue).
  public static func volumeShare(on exchange: Exchange) -> Double {
    switch exchange {
    case .coinbase: 1
    case .binanceUS: 0.05
    }
  }
}
