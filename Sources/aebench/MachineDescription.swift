import Foundation

/// A one-line description of the machine a benchmark ran on, for reports.
enum MachineDescription {
  /// CPU model and core count, e.g. "AMD EPYC 7B13, 2 cores".
  static var current: String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
  }

  /// Whether this binary was built with optimisations (benchmarks of debug builds mislead).
  static var isOptimized: Bool {
    #if DEBUG
      return false
    #else
      return true
    #endif
  }
}
