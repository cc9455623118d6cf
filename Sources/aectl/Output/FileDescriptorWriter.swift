#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes text to a file descriptor, unbuffered.
enum FileDescriptorWriter {
  /// Writes every byte of `string` to `descriptor`, retrying on partial and interrupted writes.
  static func write(_ string: String, to descriptor: Int32) {
    let bytes = Array(string.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0, errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}
