/// Names one endpoint of the mock exchange, for call counting and fault injection.
///
/// An open set: the market-data endpoints are defined here; other issues add their own
/// (`extension MockEndpoint { static let coinbaseOrders = MockEndpoint("coinbase.orders") }`).
public struct MockEndpoint: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
  /// A dotted name, e.g. `binanceus.ticker.24hr`.
  public var rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  /// Creates an endpoint name.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }

  /// `GET /api/v3/brokerage/market/products` (batched by `product_ids`).
  public static let coinbaseProducts = MockEndpoint("coinbase.products")
  /// `GET /api/v3/brokerage/market/products/{product_id}`.
  public static let coinbaseProduct = MockEndpoint("coinbase.product")
  /// `GET /api/v3/brokerage/market/products/{product_id}/candles`.
  public static let coinbaseCandles = MockEndpoint("coinbase.candles")
  /// `GET /api/v3/ticker/price`.
  public static let binanceTickerPrice = MockEndpoint("binanceus.ticker.price")
  /// `GET /api/v3/ticker/24hr`.
  public static let binanceTicker24hr = MockEndpoint("binanceus.ticker.24hr")
  /// `GET /api/v3/klines`.
  public static let binanceKlines = MockEndpoint("binanceus.klines")
  /// `GET /api/v3/exchangeInfo`.
  public static let binanceExchangeInfo = MockEndpoint("binanceus.exchangeInfo")
  /// `GET /json/goes/primary/xray-flares-latest.json`.
  public static let swpcFlaresLatest = MockEndpoint("swpc.flares.latest")
  /// `GET /json/goes/primary/xray-flares-7-day.json`.
  public static let swpcFlares7Day = MockEndpoint("swpc.flares.7day")
  /// `GET /json/goes/primary/xrays-6-hour.json`.
  public static let swpcXrays6Hour = MockEndpoint("swpc.xrays.6hour")
  /// `GET /json/planetary_k_index_1m.json`.
  public static let swpcKp1m = MockEndpoint("swpc.kp.1m")
  /// `GET /products/noaa-planetary-k-index.json`.
  public static let swpcKp3h = MockEndpoint("swpc.kp.3h")
}
