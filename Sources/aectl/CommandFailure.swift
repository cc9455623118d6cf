import ArgumentParser
import GRPCCore

/// Turns an error into one clear line on stderr and the documented exit code.
enum CommandFailure {
  /// Prints `error` for a call to `server` and returns the exit code: the gRPC status code for
  /// RPC errors, 1 otherwise.
  static func report(_ error: any Error, server: String) -> ExitCode {
    if let rpc = error as? RPCError {
      let line: String
      switch rpc.code {
      case .unavailable:
        line = "cannot connect to \(server): \(trimmed(rpc.message)) — is `autoengine serve` running?"
      case .deadlineExceeded:
        line = "\(server) did not answer in time: \(rpc.message) (raise --timeout?)"
      case .unauthenticated:
        line = "\(server) refused the call: \(rpc.message) (set --token or AECTL_TOKEN)"
      default:
        line = "\(server): \(rpc.code): \(rpc.message)"
      }
      printError(line)
      return ExitCode(Int32(rpc.code.rawValue))
    }
    printError("\(server): \(error)")
    return .failure
  }

  /// The message without a trailing full stop, to continue the sentence.
  private static func trimmed(_ message: String) -> String {
    message.hasSuffix(".") ? String(message.dropLast()) : message
  }

  /// Writes one line to stderr.
  static func printError(_ line: String) {
    var stderr = StandardError()
    print("aectl: \(line)", to: &stderr)
  }
}

/// The process's standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileDescriptorWriter.write(string, to: 2)
  }
}
