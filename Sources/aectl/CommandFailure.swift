import ArgumentParser
import GRPCCore

/// Turns an error into one clear line on stderr and the documented exit code.
///
/// Exit codes: the gRPC status code number for RPC errors (5 NOT_FOUND, 14 UNAVAILABLE,
/// 16 UNAUTHENTICATED…), 2 for usage errors, 1 for anything else.
enum CommandFailure {
  /// Prints `error` for a call to `server` and returns the exit code: the gRPC status code for
  /// RPC errors, 1 otherwise.
  static func report(_ error: any Error, server: String) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    if let rpc = error as? RPCError {
      printError(line(for: rpc, server: server))
      return ExitCode(Int32(rpc.code.rawValue))
    }
    if let runtime = error as? RuntimeError {
      printError("\(server): \(runtime.message)\(runtime.cause.map { " (\($0))" } ?? "")")
      return .failure
    }
    printError("\(server): \(error)")
    return .failure
  }

  /// Prints `line` and returns `exitCode`, for failures that are not RPC errors.
  static func message(_ line: String, exitCode: ExitCode) -> ExitCode {
    printError(line)
    return exitCode
  }

  /// The one line that explains `rpc`, naming `server`.
  static func line(for rpc: RPCError, server: String) -> String {
    switch rpc.code {
    case .unavailable:
      let cause = cause(of: rpc)
      return "cannot connect to \(server): \(cause)" + (suggestsServe(cause) ? " — is `autoengine serve` running?" : "")
    case .deadlineExceeded:
      return "\(server) did not answer in time: \(trimmed(rpc.message)) (raise --timeout?)"
    case .unauthenticated:
      return "\(server) refused the call (UNAUTHENTICATED): \(trimmed(rpc.message)) (set --token or AECTL_TOKEN)"
    default:
      return "\(server) answered \(name(of: rpc.code)): \(trimmed(rpc.message))"
    }
  }

  /// The gRPC name of a status code, e.g. "NOT_FOUND".
  static func name(of code: RPCError.Code) -> String {
    let names = [
      "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
      "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
      "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ]
    return names.indices.contains(code.rawValue) ? names[code.rawValue] : "code \(code.rawValue)"
  }

  /// The most telling cause of a connection failure: "connection refused" rather than the
  /// transport's generic sentence, when the underlying error says so.
  static func cause(of rpc: RPCError) -> String {
    var texts = [rpc.message]
    var next = rpc.cause
    var depth = 0
    while let error = next, depth < 8 {
      texts.append(String(describing: error))
      if let inner = error as? RPCError {
        next = inner.cause
      } else if let inner = error as? RuntimeError {
        next = inner.cause
      } else {
        next = nil
      }
      depth += 1
    }
    let all = texts.joined(separator: " | ").lowercased()
    for (pattern, explanation) in knownCauses where all.contains(pattern) { return explanation }
    return trimmed(rpc.message)
  }

  /// Phrases of transport errors (lower-cased) and what to tell the user, first match wins.
  private static let knownCauses: [(String, String)] = [
    (
      "certificate_verify_failed",
      "TLS handshake failed: the server's certificate is not trusted (pass its CA with --ca FILE)"
    ),
    ("hostname", "TLS handshake failed: the server's certificate does not name this host"),
    ("wrong_version_number", "TLS handshake failed: the server does not speak TLS (drop --tls and --ca)"),
    ("connection preface", "the server closed the connection before HTTP/2 started (does it expect TLS? try --tls)"),
    ("handshake", "TLS handshake failed"),
    ("connection refused", "connection refused"),
    ("connection reset", "connection reset"),
    ("no route to host", "no route to host"),
    ("network is unreachable", "network is unreachable"),
    ("name or service not known", "unknown host"),
    ("host not found", "unknown host"),
    ("timed out", "timed out"),
  ]

  /// Whether `cause` is about reaching a server at all (not about TLS or protocol), so that the
  /// hint "is `autoengine serve` running?" helps.
  private static func suggestsServe(_ cause: String) -> Bool {
    !cause.hasPrefix("TLS") && !cause.contains("HTTP/2")
  }

  /// The message without a trailing full stop, to continue the sentence.
  private static func trimmed(_ message: String) -> String {
    message.hasSuffix(".") ? String(message.dropLast()) : message
  }

  /// Writes one line to stderr, prefixed with "aectl: ".
  static func printError(_ line: String) {
    Console.writeError("aectl: \(line)\n")
  }
}
