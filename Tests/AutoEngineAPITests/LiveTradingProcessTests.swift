import AutoEngineCore
import AutoEngineTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
#if canImport(Glibc)
  import Glibc
#endif

/// `autoengine serve --market live --trading-mode live` against the mock exchange: keys from the
/// environment, signed orders on both exchanges through the REST bridge, nothing sent twice.
@Suite struct LiveTradingProcessTests {
  /// POSTs `body` to `path` with the bearer token; the status and the JSON answer.
  private func post(_ path: String, port: Int, token: String, body: String) async throws -> (Int, [String: Any]) {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = "POST"
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(body.utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
  }

  /// Waits until the REST state of `symbol` has a price.
  private func waitForPrice(_ symbol: String, port: Int) async throws {
    let url = URL(string: "http://127.0.0.1:\(port)/api/coinstate/\(symbol)")!
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      if let (data, _) = try? await URLSession.shared.data(from: url),
        let state = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let price = state["price"] as? String, !price.isEmpty, (state["freshness"] as? [String: Any])?["stale"] == nil
      {
        return
      }
      try await Task.sleep(for: .milliseconds(200))
    }
    throw ChildProcessError("no fresh price for \(symbol) within 30 s")
  }

  @Test(.timeLimit(.minutes(2)))
  func liveModeSignsAndSendsManualOrdersToBothExchanges() async throws {
    let state = MockExchangeState(
      markets: MockMarket.seedMarkets(on: .coinbase) + MockMarket.seedMarkets(on: .binanceUS))
    try await MockExchangeServer.withRunning(state: state) { mock in
      let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-live-\(UUID())")
      defer { try? FileManager.default.removeItem(at: dataDir) }
      let token = "live-test-token"
      let server = try ChildProcess(
        executable: try builtProduct("autoengine"),
        arguments: [
          "serve", "--market", "live", "--trading-mode", "live", "--coinbase-url", mock.coinbaseBaseURL,
          "--binance-url", mock.binanceUSBaseURL, "--swpc-url", mock.swpcBaseURL, "--grpc-port", "0",
          "--http-port", "0", "--data-dir", dataDir.path,
        ],
        environment: [
          "AUTOENGINE_API_TOKEN": token,
          "AUTOENGINE_BINANCEUS_API_KEY": state.credentials.binanceUSAPIKey,
          "AUTOENGINE_BINANCEUS_API_SECRET": state.credentials.binanceUSSecret,
          "AUTOENGINE_COINBASE_KEY_NAME": state.credentials.coinbaseKeyName,
          "AUTOENGINE_COINBASE_PRIVATE_KEY": state.credentials.coinbasePrivateKeyPEM,
        ])
      defer { server.kill() }
      let line = try await server.waitForStderrLine(containing: "REST listening on http://127.0.0.1:", seconds: 30)
      let port = try #require(line.split(separator: ":").last.flatMap { Int($0) })
      #expect(server.standardError().contains("TRADING MODE: LIVE"))
      #expect(!server.standardError().contains(state.credentials.binanceUSSecret))
      for (symbol, exchange) in [("BTCUSDT", Exchange.binanceUS), ("BTC-USD", .coinbase)] {
        try await waitForPrice(symbol, port: port)
        let (status, order) = try await post(
          "/api/trading/order", port: port, token: token,
          body: #"{"symbol":"\#(symbol)","side":"BUY","quoteAmount":"25"}"#)
        #expect(status == 200, "\(order)")
        #expect(order["status"] as? String == "ORDER_STATUS_FILLED", "\(order)")
        #expect(order["mode"] as? String == "TRADING_MODE_LIVE")
        #expect(state.orderBook(exchange).orderCount == 1)
      }
      server.signal(SIGTERM)
      #expect(try await server.waitForExit(seconds: 10) == 0)
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func liveModeWithoutKeysSaysSoAtStartUp() async throws {
    let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("autoengine-live-\(UUID())")
    defer { try? FileManager.default.removeItem(at: dataDir) }
    let server = try ChildProcess(
      executable: try builtProduct("autoengine"),
      arguments: [
        "serve", "--market", "live", "--trading-mode", "live", "--coinbase-url", "http://127.0.0.1:9",
        "--binance-url", "http://127.0.0.1:9", "--swpc-url", "http://127.0.0.1:9", "--grpc-port", "0", "--http-port",
        "0", "--data-dir", dataDir.path,
      ],
      environment: ["AUTOENGINE_COINBASE_KEY_NAME": "", "AUTOENGINE_BINANCEUS_API_KEY": ""])
    defer { server.kill() }
    _ = try await server.waitForStderrLine(containing: "REST listening", seconds: 30)
    let log = server.standardError()
    #expect(log.contains("TRADING MODE: LIVE"))
    #expect(log.contains("LIVE trading on Binance.US is refused"))
    #expect(log.contains("AUTOENGINE_COINBASE_KEY_NAME"))
    #expect(log.contains("no exchange has valid keys: no order will be sent"))
  }
}
