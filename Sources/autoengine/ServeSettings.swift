import AutoEngineAPI
import Foundation
import Logging

/// The effective settings of `autoengine serve`: defaults, overridden by the configuration file,
/// overridden by flags.
struct ServeSettings {
  /// Where the listeners bind.
  var server = ServerConfiguration()
  /// Minimum level of log messages.
  var logLevel: Logger.Level = .info
  /// Directory for the log file (and, with the trading issue, the journal).
  var dataDirectory = "./data"

  /// Path of the log file the seed documents: `crypto_autoengine.log` in the data directory.
  var logFile: String { (dataDirectory as NSString).appendingPathComponent("crypto_autoengine.log") }

  /// Reads the configuration file (if any), then applies the flags that were given.
  static func resolve(
    file: String?, host: String?, grpcPort: Int?, httpPort: Int?, logLevel: String?, dataDir: String?
  ) throws -> ServeSettings {
    var settings = ServeSettings()
    if let file { try settings.apply(ServeConfigurationFile.load(path: file)) }
    if let host { settings.server.host = host }
    if let grpcPort { settings.server.grpcPort = grpcPort }
    if let httpPort { settings.server.httpPort = httpPort }
    if let logLevel, let level = Logger.Level(rawValue: logLevel) { settings.logLevel = level }
    if let dataDir { settings.dataDirectory = dataDir }
    return settings
  }

  private mutating func apply(_ file: ServeConfigurationFile) throws {
    if let host = file.server?.host { server.host = host }
    if let port = file.server?.grpcPort { server.grpcPort = port }
    if let port = file.server?.httpPort { server.httpPort = port }
    if let level = file.logLevel { logLevel = level }
    if let directory = file.dataDir { dataDirectory = directory }
  }
}

/// The server part of the JSON configuration file (the live-engine issue extends it with the
/// engine's keys). Unknown keys are errors, so a typo never goes unnoticed.
struct ServeConfigurationFile {
  /// The `server` section.
  struct Server {
    var host: String?
    var grpcPort: Int?
    var httpPort: Int?
  }

  var server: Server?
  var logLevel: Logger.Level?
  var dataDir: String?

  /// Loads and checks a configuration file; errors name the file, the key and the problem.
  static func load(path: String) throws -> ServeConfigurationFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigurationFileError("\(path): cannot read the file")
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ConfigurationFileError("\(path): not valid JSON (\(error.localizedDescription))")
    }
    guard let root = object as? [String: Any] else {
      throw ConfigurationFileError("\(path): the top level must be a JSON object")
    }
    var file = ServeConfigurationFile()
    for (key, value) in root {
      switch key {
      case "server":
        guard let section = value as? [String: Any] else {
          throw ConfigurationFileError("\(path): server: must be an object")
        }
        var server = Server()
        for (subkey, subvalue) in section {
          switch subkey {
          case "host": server.host = try string(subvalue, key: "server.host", path: path)
          case "grpc_port": server.grpcPort = try port(subvalue, key: "server.grpc_port", path: path)
          case "http_port": server.httpPort = try port(subvalue, key: "server.http_port", path: path)
          default: throw ConfigurationFileError("\(path): server.\(subkey): unknown key (known: host, grpc_port, http_port)")
          }
        }
        file.server = server
      case "log_level":
        let name = try string(value, key: "log_level", path: path)
        guard let level = Logger.Level(rawValue: name) else {
          throw ConfigurationFileError("\(path): log_level: '\(name)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        file.logLevel = level
      case "data_dir": file.dataDir = try string(value, key: "data_dir", path: path)
      default: throw ConfigurationFileError("\(path): \(key): unknown key (known: server, log_level, data_dir)")
      }
    }
    return file
  }

  private static func string(_ value: Any, key: String, path: String) throws -> String {
    guard let string = value as? String else { throw ConfigurationFileError("\(path): \(key): must be a string") }
    return string
  }

  private static func port(_ value: Any, key: String, path: String) throws -> Int {
    guard let number = value as? Int, (0...65535).contains(number) else {
      throw ConfigurationFileError("\(path): \(key): must be a TCP port number 0–65535")
    }
    return number
  }
}

/// A configuration file that cannot be used; the message names the file, key and problem.
struct ConfigurationFileError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
