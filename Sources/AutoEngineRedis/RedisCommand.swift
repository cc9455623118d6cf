public import NIOCore

/// One Redis command: its name and arguments, each sent as a binary-safe bulk string.
public struct RedisCommand: Sendable {
  /// The name and arguments, in order.
  public var arguments: [ByteBuffer]

  /// A command of text arguments, e.g. `RedisCommand("SET", "key", "value")`.
  public init(_ name: String, _ arguments: String...) {
    self.init(name, arguments)
  }

  /// A command of text arguments.
  public init(_ name: String, _ arguments: [String]) {
    self.arguments = [ByteBuffer(string: name)] + arguments.map { ByteBuffer(string: $0) }
  }

  /// A command of binary arguments (e.g. protobuf payloads).
  public init(_ name: String, bytes arguments: [ByteBuffer]) {
    self.arguments = [ByteBuffer(string: name)] + arguments
  }

  /// The command's name, upper-cased (for logs and errors).
  public var name: String { arguments.first.map { String(buffer: $0).uppercased() } ?? "" }

  /// Appends the RESP encoding (an array of bulk strings) to `buffer`.
  func encode(into buffer: inout ByteBuffer) {
    buffer.writeString("*\(arguments.count)\r\n")
    for argument in arguments {
      buffer.writeString("$\(argument.readableBytes)\r\n")
      buffer.writeImmutableBuffer(argument)
      buffer.writeString("\r\n")
    }
  }
}
