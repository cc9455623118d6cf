import Foundation
import Logging
import Synchronization

/// Sets up logging: every message to stderr and to `crypto_autoengine.log` in the data directory.
enum ServerLogging {
  /// Bootstraps swift-log once and returns the server's logger.
  static func bootstrap(level: Logger.Level, dataDirectory: String) throws -> Logger {
    try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    let path = (dataDirectory as NSString).appendingPathComponent("crypto_autoengine.log")
    let file = try LogFile(path: path)
    LoggingSystem.bootstrap { label in
      var stderrHandler = StreamLogHandler.standardError(label: label)
      stderrHandler.logLevel = level
      var fileHandler = StreamLogHandler(label: label, stream: file)
      fileHandler.logLevel = level
      return MultiplexLogHandler([stderrHandler, fileHandler])
    }
    var logger = Logger(label: "autoengine")
    logger.logLevel = level
    return logger
  }
}

/// An append-only log file as a `TextOutputStream`, so swift-log's own formatting writes to it.
///
/// swift-log ships stream handlers for stdout and stderr only; this is the small missing piece.
final class LogFile: TextOutputStream, Sendable {
  private let handle: Mutex<FileHandle>

  /// Opens (creating if needed) the file for appending.
  init(path: String) throws {
    if !FileManager.default.fileExists(atPath: path) {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw CommandError("cannot create the log file \(path)")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CommandError("cannot open the log file \(path) for writing")
    }
    handle.seekToEndOfFile()
    self.handle = Mutex(handle)
  }

  func write(_ string: String) {
    handle.withLock { $0.write(Data(string.utf8)) }
  }
}
