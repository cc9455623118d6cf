import AutoEngineRuntime
import Foundation
import Hummingbird
import NIOCore

/// The vendored Swagger UI and ReDoc files (resources of this module, see `Assets/README.md`),
/// read from the bundle once and served from memory.
enum DocumentationAssets {
  /// The file names served under `/docs/assets/`, with their folder in the bundle.
  private static let folders = [
    "swagger-ui-bundle.js": "swagger-ui", "swagger-ui.css": "swagger-ui", "redoc.standalone.js": "redoc",
  ]

  /// The names `GET /docs/assets/{asset}` serves.
  static let names = folders.keys.sorted()

  /// A file's bytes and content type.
  struct Asset: Sendable {
    let bytes: ByteBuffer
    let contentType: String
  }

  /// Every asset by name, read on first use; the error says what is missing.
  static let loaded: Result<[String: Asset], EngineError> = Result { () throws(EngineError) -> [String: Asset] in
    // SwiftPM's `Bundle.module` stops the process when the resource bundle is not beside the
    // executable (or at its build path); a binary copied elsewhere without it answers 503 instead.
    let beside = (try? FileManager.default.contentsOfDirectory(atPath: Bundle.main.bundleURL.path)) ?? []
    guard beside.contains(where: { $0.hasSuffix("_AutoEngineAPI.resources") || $0.hasSuffix("_AutoEngineAPI.bundle") })
    else {
      throw EngineError(
        .unavailable,
        "the documentation assets are not installed: copy the crypto-autoengine_AutoEngineAPI resource bundle "
          + "from the build directory beside the executable (\(Bundle.main.bundleURL.path))")
    }
    var assets: [String: Asset] = [:]
    for (name, folder) in folders {
      let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
      let type = URL(fileURLWithPath: name).pathExtension
      guard
        let url = Bundle.module.url(forResource: base, withExtension: type, subdirectory: "Assets/\(folder)"),
        let data = try? Data(contentsOf: url)
      else {
        throw EngineError(
          .internal, "the documentation asset \(folder)/\(name) is missing from the AutoEngineAPI resource bundle")
      }
      let contentType = type == "css" ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
      assets[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: contentType)
    }
    return assets
  }

  /// The answer of `GET /docs/assets/{name}`: the file, cacheable for a day.
  static func response(_ name: String) throws(EngineError) -> Response {
    guard let asset = try loaded.get()[name] else {
      throw EngineError(.notFound, "no documentation asset '\(name)': the assets are \(names.joined(separator: ", "))")
    }
    var headers = HTTPFields()
    headers[.contentType] = asset.contentType
    headers[.cacheControl] = "public, max-age=86400"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.bytes))
  }
}
