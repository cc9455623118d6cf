import AutoEngineCore
import Foundation
import Testing

@testable import AutoEngineRuntime

@Suite struct SettingsPrintingTests {
  /// The committed example file, found from this source file's real location.
  private static let exampleFile = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/autoengine/autoengine.example.yaml")

  @Test func theCommittedExampleIsTheGeneratedOneByteForByte() throws {
    let committed = try String(contentsOf: Self.exampleFile, encoding: .utf8)
    let generated = AutoEngineSettings.exampleYAML
    let firstDifference = zip(
      committed.split(separator: "\n", omittingEmptySubsequences: false),
      generated.split(separator: "\n", omittingEmptySubsequences: false)
    )
    .enumerated().first { $0.element.0 != $0.element.1 }
    let identical = committed == generated
    #expect(
      identical,
      """
      \(Self.exampleFile.path) differs from AutoEngineSettings.exampleYAML\
      \(firstDifference.map { " at line \($0.offset + 1)" } ?? ""); regenerate it with \
      `swift run autoengine config example > Sources/autoengine/autoengine.example.yaml`
      """)
  }

  @Test func loadingTheExampleGivesTheDefaults() throws {
    let effective = try loadSettings(AutoEngineSettings.exampleYAML)
    #expect(effective.settings == AutoEngineSettings())
    #expect(effective.warnings.isEmpty)
    let committed = try String(contentsOf: Self.exampleFile, encoding: .utf8)
    #expect(try loadSettings(committed).settings == AutoEngineSettings())
  }

  @Test func theExampleHasEveryKeyItsDefaultAndDescription() {
    let example = AutoEngineSettings.exampleYAML
    let lines = example.split(separator: "\n").map(String.init)
    for key in AutoEngineSettings.keys {
      let leaf = key.path.last ?? key.name
      #expect(example.contains("# \(key.summary) (\(key.unit))"), "\(key.name)")
      if key.isEnvironmentOnly {
        #expect(lines.contains { $0.hasSuffix("# \(leaf): from the environment only, as \(key.environmentVariable)") })
      } else {
        let indent = String(repeating: "  ", count: key.path.count - 1)
        let value = key.read(AutoEngineSettings()).yaml(masked: false)
        #expect(lines.contains(indent + leaf + ": " + value), "\(key.name)")
      }
    }
    #expect(lines.contains("server:"))
    #expect(lines.contains("  host: \"127.0.0.1\""))
    #expect(lines.contains("  cors_origins: []"))
    #expect(lines.contains("data_dir: \"./data\""))
    #expect(lines.contains("    base_url: \"https://api.coinbase.com\""))
    #expect(lines.contains("  price_fetch_interval: 10"))
  }

  @Test func effectiveDescriptionListsEveryKeyWithItsOrigin() throws {
    let effective = try loadSettings(
      "server:\n  grpc_port: 50052\n  cors_origins: [\"https://app.example\"]\n",
      environment: ["AUTOENGINE_LOG_LEVEL": "debug"], flags: ["fetch.price_fetch_interval": "5"])
    let description = effective.effectiveDescription()
    let lines = description.split(separator: "\n").map(String.init)
    #expect(
      lines.first == "# CRYPTO AUTOENGINE effective configuration (defaults < autoengine.yaml < environment < flags).")
    func line(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
    #expect(line("  grpc_port: 50052 ")?.hasSuffix("# file") == true)
    #expect(line("  cors_origins: [\"https://app.example\"] ")?.hasSuffix("# file") == true)
    #expect(line("  level: debug ")?.hasSuffix("# env AUTOENGINE_LOG_LEVEL") == true)
    #expect(line("  price_fetch_interval: 5 ")?.hasSuffix("# flag") == true)
    #expect(line("  http_port: 8000 ")?.hasSuffix("# default") == true)
    let keyLines = lines.filter { !$0.hasPrefix("#") && $0.contains(": ") }
    #expect(keyLines.count == AutoEngineSettings.keys.count)
  }

  @Test func effectiveDescriptionWithoutSecretsLoadsBackToTheSameSettings() throws {
    let effective = try loadSettings(
      """
      server: {host: "::1", cors_origins: ["https://a.example", "*"], tls_cert: "c \\"quoted\\".pem", tls_key: k.pem}
      market: {source: replay, replay_dir: "dir # not a comment", replay_speed: 0.25, seed: 18446744073709551615}
      strategy: {min_confidence: 0.65}
      trading: {max_trade_amount: 1234.56}
      """)
    var text = effective.effectiveDescription(masked: false)
    for key in AutoEngineSettings.keys where key.isSecret {
      text = text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix((key.path.last ?? "") + ":") }
        .joined(separator: "\n")
    }
    #expect(try loadSettings(text).settings == effective.settings)
  }

  @Test func quotingEscapesWhatYAMLWouldMisread() {
    #expect(YAMLText.quoted("") == "\"\"")
    #expect(YAMLText.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    #expect(YAMLText.quoted("line\nbreak\u{1}") == "\"line\\nbreak\\x01\"")
    #expect(YAMLText.number(300) == "300")
    #expect(YAMLText.number(0.25) == "0.25")
  }
}
