extension UnixTime {
  /// The UTC calendar fields of this instant (fractional seconds truncated).
  public var utc: UTCDateTime { UTCDateTime(self) }

  /// Midnight (00:00:00 UTC) at the start of the UTC day that contains this instant.
  public var startOfUTCDay: UnixTime {
    UnixTime(seconds: (seconds / 86_400).rounded(.down) * 86_400)
  }

  /// The next midnight UTC strictly after this instant: the end of its UTC day.
  ///
  /// Used for "until the end of the day" rules such as the daily loss limit kill switch.
  public var nextUTCMidnight: UnixTime { startOfUTCDay.adding(86_400) }

  /// This instant's time of day as `HH:mm:ss` in UTC, e.g. `12:04:10`.
  public var utcTimeOfDayText: String { utc.timeOfDayText }

  /// This instant as RFC 3339 in UTC to the second, e.g. `2025-01-13T22:26:51Z`.
  public var rfc3339: String { utc.rfc3339 }
}
