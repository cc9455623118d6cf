import Foundation
import MallocInterposerSwift

/// Counts heap allocations around a measured region, with ordo-one's malloc interposer.
///
/// On Linux the interposer only sees `malloc` when its library is preloaded, so `aebench`
/// re-executes itself once with `LD_PRELOAD` pointing at the `libMallocInterposerSwift.so` built
/// next to it. Counting is checked with a deliberate allocation: if the interposer is not active,
/// the counter reports "not measured" instead of a false zero.
enum AllocationCounter {
  private static let marker = "AEBENCH_MALLOC_PRELOADED"

  /// Re-executes the process with the interposer preloaded, unless that was done already or the
  /// library is not found (then allocation counts are reported as not measured).
  static func preloadInterposer() {
    let environment = ProcessInfo.processInfo.environment
    guard environment[marker] == nil else { return }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let library = executable.deletingLastPathComponent().appendingPathComponent("libMallocInterposerSwift.so")
    guard FileManager.default.fileExists(atPath: library.path) else { return }
    setenv(marker, "1", 1)
    let preload = [environment["LD_PRELOAD"], library.path].compactMap { $0 }.joined(separator: ":")
    setenv("LD_PRELOAD", preload, 1)
    var arguments = CommandLine.arguments.map { strdup($0) }
    arguments.append(nil)
    execv(executable.path, &arguments)
    // execv returns only on failure: carry on without allocation counts.
  }

  /// Whether the interposer counts this process's allocations.
  static var isActive: Bool {
    MallocInterposerSwift.initialize()
    MallocInterposerSwift.hook()
    let probe = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
    MallocInterposerSwift.unhook()
    probe.deallocate()
    return MallocInterposerSwift.getStatistics().mallocCount > 0
  }

  /// Allocations made while `body` runs, or nil when counting is not active.
  static func count(_ body: () throws -> Void) rethrows -> Int? {
    guard isActive else {
      try body()
      return nil
    }
    MallocInterposerSwift.reset()
    MallocInterposerSwift.hook()
    do {
      try body()
    } catch {
      MallocInterposerSwift.unhook()
      throw error
    }
    MallocInterposerSwift.unhook()
    return MallocInterposerSwift.getStatistics().mallocCount
  }
}
