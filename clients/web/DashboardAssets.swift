public import Foundation

/// Where the web dashboard's static files are at run time.
///
/// The files live in `clients/web/` (edited there, no build step). SwiftPM copies them as
/// resources of this target into a bundle beside the built products
/// (`crypto-autoengine_AutoEngineDashboard.resources` on Linux, `.bundle` on macOS), which is found
/// beside the running executable: `swift run autoengine serve`, `swift test` (the test bundle sits
/// in the same folder) and a copied `.build/release` folder all find it. The generated
/// `Bundle.module` is deliberately not used: it stops the process with `fatalError` when the
/// bundle is missing, and a server must rather answer that its dashboard is not installed. When
/// no bundle is beside the executable, the source folder of this file (a checkout) is used.
public enum DashboardAssets {
  /// The file names the dashboard consists of, each served at `/<name>` (`index.html` at `/`).
  public static let fileNames = ["index.html", "dashboard.css", "dashboard.js"]

  /// The folder holding `fileNames`, or nil when neither the resource bundle nor the source
  /// folder is present.
  public static func directory() -> URL? {
    var candidates: [URL] = []
    if let executableDirectory = Bundle.main.executableURL?.deletingLastPathComponent() {
      for bundleName in [
        "crypto-autoengine_AutoEngineDashboard.resources", "crypto-autoengine_AutoEngineDashboard.bundle",
      ] {
        let bundle = executableDirectory.appendingPathComponent(bundleName)
        candidates += [bundle, bundle.appendingPathComponent("Contents/Resources")]
      }
    }
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
    return candidates.first { directory in
      fileNames.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
    }
  }

  /// The bytes of every dashboard file by name, read once from `directory()`; nil when the
  /// dashboard is not installed.
  public static func load() -> [String: [UInt8]]? {
    guard let directory = directory() else { return nil }
    var files: [String: [UInt8]] = [:]
    for name in fileNames {
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
        return nil
      }
      files[name] = [UInt8](data)
    }
    return files
  }
}
