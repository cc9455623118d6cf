public import AsyncHTTPClient
public import AutoEngineCore
import Foundation
public import Logging

/// A Schumann-resonance reading from a source the operator configures (`cosmic.schumann_url`).
///
/// No public data API exists (observatories publish spectrogram images only), so there is no
/// default source. The configured one is an `http(s)://` URL or a `file://` path answering a JSON
/// object `{"frequency_hz": 7.83, "amplitude": 1.2, "time": "2025-01-13T22:26:51Z"}` (`time`
/// optional: the read time is used without it). Anything else is a malformed answer, never a
/// guessed value.
public struct SchumannSource: Sendable {
  /// Where the reading comes from.
  public let url: String
  private let filePath: String?
  private let fetcher: JSONFetcher?

  /// Creates a source; `url` must be `http://`, `https://` or `file://`.
  public init(
    url: String, settings: HTTPRequestSettings = HTTPRequestSettings(), httpClient: HTTPClient = .shared,
    logger: Logger = Logger(label: "autoengine.cosmic.schumann")
  ) throws(ExchangeError) {
    self.url = url
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased() else {
      throw .invalidRequest("cosmic.schumann_url '\(url)' is not a URL (http, https or file)")
    }
    switch scheme {
    case "file":
      filePath = parsed.path
      fetcher = nil
      path = parsed.path
    case "http", "https":
      guard let host = parsed.host else { throw .invalidRequest("cosmic.schumann_url '\(url)' has no host") }
      let base = "\(scheme)://\(host)" + (parsed.port.map { ":\($0)" } ?? "")
      filePath = nil
      fetcher = JSONFetcher(
        service: "Schumann source", baseURL: base, http: httpClient,
        budget: RequestBudget(service: "Schumann source", policy: .swpc), settings: settings, logger: logger)
      path = parsed.path.isEmpty ? "/" : parsed.path
    default:
      throw .invalidRequest("cosmic.schumann_url '\(url)': scheme '\(scheme)' is not http, https or file")
    }
  }

  private let path: String

  /// The latest reading.
  public func latest(now: UnixTime) async throws -> SchumannReading {
    let body: [UInt8]
    if let filePath {
      guard let data = FileManager.default.contents(atPath: filePath) else {
        throw ExchangeError.invalidRequest("cosmic.schumann_url: cannot read \(filePath)")
      }
      body = Array(data)
    } else if let fetcher {
      body = try await fetcher.fetch(path: path, query: QueryString(), weight: 1)
    } else {
      throw ExchangeError.invalidRequest("cosmic.schumann_url '\(url)' is not usable")
    }
    let endpoint = ExchangeEndpoint(service: "Schumann source", path: path)
    guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
      let frequency = (object["frequency_hz"] as? NSNumber)?.doubleValue, frequency.isFinite, frequency > 0,
      let amplitude = (object["amplitude"] as? NSNumber)?.doubleValue, amplitude.isFinite
    else {
      throw ExchangeError.malformed(endpoint, reason: "expected {\"frequency_hz\": number > 0, \"amplitude\": number}")
    }
    let time = (object["time"] as? String).flatMap(UTCDateTime.parseRFC3339) ?? now
    return SchumannReading(observedAt: time, frequencyHz: frequency, amplitude: amplitude, isSimulated: false)
  }
}
