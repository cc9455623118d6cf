import ArgumentParser
import AutoEngineCore
import AutoEngineRuntime
import Foundation

/// `autoengine cosmic`: the Moon's state at an instant, computed locally (Meeus ch. 48–49).
struct CosmicCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cosmic",
    abstract: "Print the lunar state (phase, illumination, age, next new and full moon) at an instant.",
    discussion: """
      Computed offline with Meeus' Astronomical Algorithms (chapters 48 and 49): phase instants \
      within about 15 s of modern ephemerides. Solar data (NOAA SWPC) come from the running server.

      Examples:
        autoengine cosmic
        autoengine cosmic --at 2025-01-13T22:26:51Z --json
      """)

  @Option(help: "Instant in RFC 3339, e.g. 2025-01-13T22:26:51Z (default: now).")
  var at: String?

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    if let at, UTCDateTime.parseRFC3339(at) == nil {
      throw ValidationError("--at '\(at)' is not an RFC 3339 time such as 2025-01-13T22:26:51Z")
    }
  }

  func run() throws {
    let time = at.flatMap(UTCDateTime.parseRFC3339) ?? SystemWallClock().now()
    let state = LunarEphemeris.state(at: time)
    if json {
      print(try LunarStateJSON(state).encoded())
    } else {
      let rows: [(String, String)] = [
        ("time", UTCDateTime(state.time).rfc3339),
        ("phase", state.phaseName.rawValue),
        ("phase angle", "\(state.phaseAngleDegrees.rounded(toPlaces: 2))°"),
        ("illumination", "\((state.illumination * 100).rounded(toPlaces: 1)) %"),
        ("age", "\(state.ageDays.rounded(toPlaces: 2)) days"),
        ("next new moon", UTCDateTime(state.nextNewMoon).rfc3339),
        ("next full moon", UTCDateTime(state.nextFullMoon).rfc3339),
      ]
      for (name, value) in rows { print(name.padding(toLength: 16, withPad: " ", startingAt: 0) + value) }
    }
  }
}

/// The JSON form of a lunar state printed by `autoengine cosmic --json`.
struct LunarStateJSON: Encodable {
  var time: String
  var phaseName: String
  var phaseAngleDeg: Double
  var illumination: Double
  var ageDays: Double
  var previousNewMoon: String
  var nextNewMoon: String
  var nextFullMoon: String

  /// The JSON keys are snake_case, as documented: `phase_name`, `phase_angle_deg`, …
  enum CodingKeys: String, CodingKey {
    case time, illumination
    case phaseName = "phase_name"
    case phaseAngleDeg = "phase_angle_deg"
    case ageDays = "age_days"
    case previousNewMoon = "previous_new_moon"
    case nextNewMoon = "next_new_moon"
    case nextFullMoon = "next_full_moon"
  }

  init(_ state: LunarState) {
    time = UTCDateTime(state.time).rfc3339
    phaseName = state.phaseName.rawValue
    phaseAngleDeg = state.phaseAngleDegrees
    illumination = state.illumination
    ageDays = state.ageDays
    previousNewMoon = UTCDateTime(state.previousNewMoon).rfc3339
    nextNewMoon = UTCDateTime(state.nextNewMoon).rfc3339
    nextFullMoon = UTCDateTime(state.nextFullMoon).rfc3339
  }

  /// Pretty-printed JSON with sorted keys.
  func encoded() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}

extension Double {
  /// The value rounded to `places` decimals, for display.
  func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}
