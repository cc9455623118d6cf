import AutoEngineCore
import AutoEngineExchanges
import Foundation
import Testing

@Suite struct SchumannSourceTests {
  private func file(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("schumann-\(UUID().uuidString).json")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  @Test func readsAConfiguredFile() async throws {
    let url = try file(#"{"frequency_hz": 7.91, "amplitude": 1.4, "time": "2025-01-13T22:26:51Z"}"#)
    defer { try? FileManager.default.removeItem(at: url) }
    let reading = try await SchumannSource(url: url.absoluteString).latest(now: UnixTime(seconds: 0))
    #expect(reading.frequencyHz == 7.91)
    #expect(reading.amplitude == 1.4)
    #expect(!reading.isSimulated)
    #expect(reading.observedAt == UTCDateTime.parseRFC3339("2025-01-13T22:26:51Z"))
  }

  @Test func aMalformedReadingIsAnErrorNotAGuess() async throws {
    let url = try file(#"{"frequency": "high"}"#)
    defer { try? FileManager.default.removeItem(at: url) }
    await #expect {
      _ = try await SchumannSource(url: url.absoluteString).latest(now: UnixTime(seconds: 0))
    } throws: { error in
      if case .malformed? = error as? ExchangeError { return true }
      return false
    }
  }

  @Test func unusableURLsAreRefusedWithTheKeyName() {
    #expect(throws: ExchangeError.self) { try SchumannSource(url: "ftp://example.org/x.json") }
    do {
      _ = try SchumannSource(url: "not a url")
    } catch {
      #expect("\(error)".contains("cosmic.schumann_url"))
    }
  }
}
