import AutoEngineDashboard
import AutoEngineRuntime
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AutoEngineAPI

/// The web dashboard's files, served by the REST router (in process, no socket).
@Suite struct DashboardRoutesTests {
  private func withRouter(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = Application(router: RESTRouter.build(engine: Engine(), access: APIAccessPolicy(token: "t")))
    try await app.test(.router) { client in try await body(client) }
  }

  /// Every file is served at its path with its content type, byte for byte as in clients/web/.
  @Test(arguments: DashboardRoutes.files.map(\.path))
  func fileIsServedWithItsContentType(path: String) async throws {
    let file = try #require(DashboardRoutes.files.first { $0.path == path })
    let onDisk = try Data(contentsOf: packageRoot.appendingPathComponent("clients/web/\(file.name)"))
    try await withRouter { client in
      try await client.execute(uri: path, method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == file.contentType)
        #expect(response.headers[.cacheControl] == "no-cache")
        // Compared as one Bool: a failure must not print both files byte by byte.
        let served = Array(buffer: response.body)
        let same = served == [UInt8](onDisk)
        #expect(same, "served \(served.count) bytes; clients/web/\(file.name) has \(onDisk.count); rebuild?")
      }
    }
  }

  @Test func contentTypesFollowTheFileKind() {
    #expect(
      DashboardRoutes.files.map(\.contentType) == [
        "text/html; charset=utf-8", "text/css; charset=utf-8", "text/javascript; charset=utf-8",
      ])
  }

  /// Tests run beside the resource bundle SwiftPM builds from clients/web, as the server does.
  @Test func filesComeFromTheBuiltResourceBundle() throws {
    let directory = try #require(DashboardAssets.directory())
    #expect(directory.path.contains("AutoEngineDashboard"))
    #expect(DashboardAssets.load()?.keys.sorted() == DashboardAssets.fileNames.sorted())
  }

  /// No file names another origin (no CDN, no framework download).
  @Test(arguments: DashboardAssets.fileNames)
  func fileNamesNoOtherOrigin(name: String) throws {
    let text = try String(contentsOf: packageRoot.appendingPathComponent("clients/web/\(name)"), encoding: .utf8)
    #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"))
    #expect(!text.contains("@import") && !text.contains("import("))
  }

  /// The page loads nothing from another origin (no CDN) and the policy header forbids it.
  @Test func pageUsesOnlyItsOwnOrigin() async throws {
    try await withRouter { client in
      try await client.execute(uri: "/", method: .get) { response in
        let html = String(buffer: response.body)
        #expect(html.contains("src=\"/dashboard.js\""))
        #expect(html.contains("href=\"/dashboard.css\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"))
        #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'") == true)
      }
    }
  }

  @Test func otherMethodsOnDashboardPathsAre405() async throws {
    #expect(RESTRouter.servedRoutes.contains { $0.0 == .get && $0.1 == "/" })
    try await withRouter { client in
      try await client.execute(uri: "/", method: .post, headers: [.authorization: "Bearer t"]) { response in
        #expect(response.status == .methodNotAllowed)
        #expect(String(buffer: response.body).contains("use GET"))
      }
      try await client.execute(uri: "/dashboard.js", method: .delete) { response in
        #expect(response.status == .methodNotAllowed)
      }
    }
  }
}
