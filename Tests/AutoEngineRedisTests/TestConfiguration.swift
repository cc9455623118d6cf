import AutoEngineRedis

extension RedisConfiguration {
  /// A configuration for a test server: the URL's, with a command timeout long enough for a
  /// loaded 2-core machine (a full parallel test run can keep the task pool busy for seconds);
  /// tests of the timeouts themselves set theirs explicitly.
  init(testURL url: String) throws {
    try self.init(url: url)
    commandTimeout = 30
  }
}
