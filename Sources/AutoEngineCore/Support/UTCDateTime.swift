/// A calendar date and time of day in UTC (proleptic Gregorian calendar), to the second.
///
/// The domain core formats and parses times itself rather than through Foundation formatters:
/// refusal reasons print `HH:mm:ss`, the lunar state prints RFC 3339. Conversions use Howard
/// Hinnant's days-from-civil algorithm, exact for every year the engine can meet (and far beyond).
public struct UTCDateTime: Hashable, Sendable, CustomStringConvertible {
  /// Calendar year, e.g. 2025 (astronomical numbering: 0 is 1 BC).
  public var year: Int
  /// Month of the year, 1…12.
  public var month: Int
  /// Day of the month, 1…31.
  public var day: Int
  /// Hour of the day, 0…23.
  public var hour: Int
  /// Minute of the hour, 0…59.
  public var minute: Int
  /// Second of the minute, 0…59 (leap seconds are not represented, as in Unix time).
  public var second: Int

  /// Creates a date-time from its fields; out-of-range fields roll over when converted to `UnixTime`.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The UTC calendar fields of `time`, with fractional seconds truncated toward the past.
  public init(_ time: UnixTime) {
    let whole = Int(time.seconds.rounded(.down))
    let (days, secondOfDay) = Self.floorDivision(whole, 86_400)
    let (y, m, d) = Self.civil(fromDays: days)
    self.init(
      year: y, month: m, day: d,
      hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
  }

  /// The instant these fields denote, as seconds since the Unix epoch.
  public var unixTime: UnixTime {
    let days = Self.days(fromCivilYear: year, month: month, day: day)
    return UnixTime(seconds: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
  }

  /// The time of day as `HH:mm:ss` (24-hour clock, UTC), e.g. `12:04:10`.
  public var timeOfDayText: String {
    "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
  }

  /// The date as `yyyy-MM-dd`, e.g. `2025-01-13`.
  public var dateText: String {
    "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
  }

  /// RFC 3339 / ISO 8601 in UTC with a `Z` suffix, e.g. `2025-01-13T22:26:51Z`.
  public var rfc3339: String { "\(dateText)T\(timeOfDayText)Z" }

  public var description: String { rfc3339 }

  /// Parses an RFC 3339 timestamp such as `2025-01-13T22:26:51Z`, `2025-01-13T22:26:51.250Z` or
  /// `2025-01-13T23:26:51+01:00`, returning the instant it denotes.
  ///
  /// A lower-case `t`/`z` or a space between date and time are accepted, and a leap second `:60`
  /// reads as the next minute's `:00` (Unix time has no leap seconds). Anything else that does not
  /// follow the format (missing offset, out-of-range fields, trailing text) gives `nil`.
  public static func parseRFC3339(_ text: String) -> UnixTime? {
    let chars = Array(text.utf8)
    var index = 0
    func number(_ width: Int) -> Int? {
      guard index + width <= chars.count else { return nil }
      var value = 0
      for c in chars[index..<index + width] {
        guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(c - UInt8(ascii: "0"))
      }
      index += width
      return value
    }
    func expect(_ allowed: String) -> Bool {
      guard index < chars.count, allowed.utf8.contains(chars[index]) else { return false }
      index += 1
      return true
    }
    guard let y = number(4), expect("-"), let mo = number(2), expect("-"), let d = number(2),
      expect("Tt "), let h = number(2), expect(":"), let mi = number(2), expect(":"),
      let s = number(2)
    else { return nil }
    var fraction = 0.0
    if index < chars.count, chars[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let start = index
      while index < chars.count, chars[index] >= UInt8(ascii: "0"), chars[index] <= UInt8(ascii: "9") {
        fraction += Double(chars[index] - UInt8(ascii: "0")) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    var offsetSeconds = 0
    if expect("Zz") {
      offsetSeconds = 0
    } else if index < chars.count, chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
      let sign = chars[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      guard let oh = number(2), expect(":"), let om = number(2), oh <= 23, om <= 59 else { return nil }
      offsetSeconds = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard index == chars.count, (1...12).contains(mo), (1...daysInMonth(year: y, month: mo)).contains(d),
      h <= 23, mi <= 59, s <= 60
    else { return nil }
    let fields = UTCDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    return UnixTime(seconds: fields.unixTime.seconds - Double(offsetSeconds) + fraction)
  }

  /// Number of days in `month` of `year` (Gregorian leap-year rule).
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
  static func days(fromCivilYear year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant's `civil_from_days`).
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Quotient and non-negative remainder (floor division), also for negative dividends.
  static func floorDivision(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
    let q = a >= 0 ? a / b : -((-a + b - 1) / b)
    return (q, a - q * b)
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value < 0 ? -value : value)
    let padding = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + padding + digits
  }
}
