/// Why a simulated or replayed market cannot be built: an unreadable or malformed candle file, or
/// a configuration that cannot work.
///
/// The message names the file (as given, usually a path) and, for a malformed file, the 1-based
/// line, so an operator can open the file at the right place:
/// `../shared/data/candles/ADA-BTC_5m.csv line 17: high 5.2e-05 is below low 5.3e-05`.
public struct MarketSourceError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, in terms of what the operator must fix.
  public enum Code: String, Hashable, Sendable, CaseIterable {
    /// The file or directory does not exist or cannot be read: fix the path or the permissions.
    case unreadableFile = "UNREADABLE_FILE"
    /// The file is read but is not a valid candle file: fix the file at the named line.
    case malformedFile = "MALFORMED_FILE"
    /// The source's settings cannot work (unknown symbol, no files, bad speed): fix the configuration.
    case invalidConfiguration = "INVALID_CONFIGURATION"
    /// Every requested coin's replay file has been played to its end and looping is off:
    /// restart the replay or enable looping.
    case replayEnded = "REPLAY_ENDED"
  }

  /// What to fix.
  public var code: Code
  /// The file concerned, as it was given; nil when the problem is not about one file.
  public var file: String?
  /// The 1-based line of `file` at fault; nil when the problem is not about one line.
  public var line: Int?
  /// What is wrong, for a person.
  public var problem: String

  /// Creates an error.
  public init(_ code: Code, file: String? = nil, line: Int? = nil, problem: String) {
    self.code = code
    self.file = file
    self.line = line
    self.problem = problem
  }

  /// `FILE line N: problem`, `FILE: problem` or `problem`.
  public var description: String {
    switch (file, line) {
    case (let file?, let line?): "\(file) line \(line): \(problem)"
    case (let file?, nil): "\(file): \(problem)"
    default: problem
    }
  }
}
