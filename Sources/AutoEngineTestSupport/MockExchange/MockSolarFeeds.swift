public import AutoEngineCore

/// The data the mock serves on the NOAA SWPC feeds.
public struct MockSolarFeeds: Hashable, Sendable {
  /// One flare of the GOES flare feeds.
  public struct Flare: Hashable, Sendable {
    /// Start of the flare and its class then.
    public var beginTime: UnixTime
    public var beginClass: String
    /// Peak of the flare and its class (nil while rising).
    public var maxTime: UnixTime?
    public var maxClass: String?
    /// End of the flare and its class (nil while ongoing).
    public var endTime: UnixTime?
    public var endClass: String?
    /// Class now (latest feed only).
    public var currentClass: String?

    /// Creates a flare.
    public init(
      beginTime: UnixTime, beginClass: String, maxTime: UnixTime? = nil, maxClass: String? = nil,
      endTime: UnixTime? = nil, endClass: String? = nil, currentClass: String? = nil
    ) {
      self.beginTime = beginTime
      self.beginClass = beginClass
      self.maxTime = maxTime
      self.maxClass = maxClass
      self.endTime = endTime
      self.endClass = endClass
      self.currentClass = currentClass
    }
  }

  /// One minute of GOES X-ray flux, both bands, W/m².
  public struct FluxSample: Hashable, Sendable {
    public var time: UnixTime
    /// The 0.05–0.4 nm band.
    public var shortBandFlux: Double
    /// The 0.1–0.8 nm band (the one flare classes use).
    public var longBandFlux: Double

    /// Creates a sample.
    public init(time: UnixTime, shortBandFlux: Double, longBandFlux: Double) {
      self.time = time
      self.shortBandFlux = shortBandFlux
      self.longBandFlux = longBandFlux
    }
  }

  /// One planetary K index value.
  public struct KpSample: Hashable, Sendable {
    public var time: UnixTime
    /// Kp, 0…9.
    public var kp: Double

    /// Creates a sample.
    public init(time: UnixTime, kp: Double) {
      self.time = time
      self.kp = kp
    }
  }

  /// The two shapes seen of `products/noaa-planetary-k-index.json`.
  public enum KpProductShape: Hashable, Sendable {
    /// An array of rows whose first row is `["time_tag","Kp","a_running","station_count"]`,
    /// values as strings, times `2025-05-10 00:00:00.000`.
    case headerRow
    /// An array of objects with those keys, numbers as numbers, times `2025-05-10T00:00:00`.
    case objects
  }

  /// Flares, oldest first.
  public var flares: [Flare]
  /// X-ray flux samples, oldest first.
  public var xrayFlux: [FluxSample]
  /// 1-minute Kp values, oldest first.
  public var kp1m: [KpSample]
  /// 3-hourly Kp values, oldest first.
  public var kp3h: [KpSample]
  /// The shape of the 3-hourly Kp product.
  public var kp3hShape: KpProductShape

  /// Creates feeds.
  public init(
    flares: [Flare] = [], xrayFlux: [FluxSample] = [], kp1m: [KpSample] = [], kp3h: [KpSample] = [],
    kp3hShape: KpProductShape = .headerRow
  ) {
    self.flares = flares
    self.xrayFlux = xrayFlux
    self.kp1m = kp1m
    self.kp3h = kp3h
    self.kp3hShape = kp3hShape
  }

  /// Typical quiet-Sun feeds ending at `end`: one M2.4 flare peaking an hour earlier, C1.5-level
  /// flux (1.5e-6 W/m²) for the last 10 minutes, Kp 2.33 (1-minute) and 2.67 (3-hourly).
  public static func sample(endingAt end: UnixTime) -> MockSolarFeeds {
    let minute = (end.seconds / 60).rounded(.down) * 60
    let flare = Flare(
      beginTime: UnixTime(seconds: minute - 4200), beginClass: "C3.1", maxTime: UnixTime(seconds: minute - 3600),
      maxClass: "M2.4", endTime: UnixTime(seconds: minute - 3000), endClass: "C5.0", currentClass: "C1.5")
    let flux = (0..<10).map { i in
      FluxSample(time: UnixTime(seconds: minute - Double(9 - i) * 60), shortBandFlux: 2.0e-8, longBandFlux: 1.5e-6)
    }
    let kp1m = (0..<5).map { i in KpSample(time: UnixTime(seconds: minute - Double(4 - i) * 60), kp: 2.33) }
    let threeHours = (end.seconds / 10_800).rounded(.down) * 10_800
    let kp3h = (0..<8).map { i in
      KpSample(time: UnixTime(seconds: threeHours - Double(7 - i) * 10_800), kp: i == 7 ? 2.67 : 1.0)
    }
    return MockSolarFeeds(flares: [flare], xrayFlux: flux, kp1m: kp1m, kp3h: kp3h)
  }
}
