public import AutoEngineCore

extension SWPCClient {
  /// The latest flare of the GOES X-ray flare feed.
  public struct FlareReport: Hashable, Sendable {
    /// Peak class (`max_class`), or the current class while the flare has not peaked.
    public var flareClass: FlareClass
    /// Start of the flare (`begin_time`).
    public var beginTime: UnixTime?
    /// Peak of the flare (`max_time`).
    public var peakTime: UnixTime?
    /// End of the flare (`end_time`); nil while it is ongoing.
    public var endTime: UnixTime?
    /// The newest time the entry carries (peak, else begin, else `time_tag`).
    public var observedAt: UnixTime

    /// Creates a report.
    public init(
      flareClass: FlareClass, beginTime: UnixTime?, peakTime: UnixTime?, endTime: UnixTime?, observedAt: UnixTime
    ) {
      self.flareClass = flareClass
      self.beginTime = beginTime
      self.peakTime = peakTime
      self.endTime = endTime
      self.observedAt = observedAt
    }
  }

  /// One GOES X-ray flux sample of the 0.1–0.8 nm band.
  public struct FluxReading: Hashable, Sendable {
    /// Flux, W/m² (typically 1e-8 … 1e-3).
    public var flux: Double
    /// Time of the sample (`time_tag`).
    public var time: UnixTime

    /// Creates a reading.
    public init(flux: Double, time: UnixTime) {
      self.flux = flux
      self.time = time
    }
  }

  /// One planetary K index value.
  public struct KpReading: Hashable, Sendable {
    /// Planetary K index, 0…9.
    public var kp: Double
    /// Time of the value (`time_tag`): the minute (1-minute feed) or the start of the 3-hour interval.
    public var time: UnixTime

    /// Creates a reading.
    public init(kp: Double, time: UnixTime) {
      self.kp = kp
      self.time = time
    }
  }
}
