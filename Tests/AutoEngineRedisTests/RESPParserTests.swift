import NIOCore
import Testing

@testable import AutoEngineRedis

@Suite("RESP parsing")
struct RESPParserTests {
  private func parse(_ text: String) throws -> RESPValue? {
    var buffer = ByteBuffer(string: text)
    return try RESPParser.parse(&buffer)
  }

  @Test("RESP2 types")
  func resp2() throws {
    #expect(try parse("+OK\r\n") == .simpleString("OK"))
    #expect(try parse("-ERR bad\r\n") == .error("ERR bad"))
    #expect(try parse(":-42\r\n") == .integer(-42))
    #expect(try parse("$5\r\nhe\r\no\r\n") == .bulkString(ByteBuffer(string: "he\r\no")))
    #expect(try parse("$-1\r\n") == .null)
    #expect(try parse("*2\r\n:1\r\n$1\r\na\r\n") == .array([.integer(1), .bulkString(ByteBuffer(string: "a"))]))
  }

  @Test("RESP3 types: map, set, push, double, boolean, null, verbatim, big number, attribute")
  func resp3() throws {
    #expect(try parse("%1\r\n+k\r\n:1\r\n") == .map([RESPPair(key: .simpleString("k"), value: .integer(1))]))
    #expect(try parse("~1\r\n#t\r\n") == .set([.boolean(true)]))
    #expect(try parse(">2\r\n+message\r\n_\r\n") == .push([.simpleString("message"), .null]))
    #expect(try parse(",1.5\r\n") == .double(1.5))
    #expect(try parse("=8\r\ntxt:abcd\r\n") == .verbatim("abcd"))
    #expect(try parse("(123456789012345678901\r\n") == .bigNumber("123456789012345678901"))
    #expect(try parse("!3\r\nERR\r\n") == .error("ERR"))
    #expect(try parse("|1\r\n+ttl\r\n:3\r\n:7\r\n") == .integer(7))
  }

  @Test("an incomplete value needs more bytes at every cut point")
  func incomplete() throws {
    let whole = "*3\r\n$3\r\nfoo\r\n%1\r\n+a\r\n:1\r\n:99\r\n"
    for cut in 0..<whole.utf8.count {
      #expect(try parse(String(whole.utf8.prefix(cut))!) == nil, "cut at \(cut)")
    }
    #expect(try parse(whole) != nil)
  }

  @Test("garbage is a protocol violation")
  func garbage() {
    #expect(throws: RedisError.self) { try parse("?what\r\n") }
    #expect(throws: RedisError.self) { try parse(":12x\r\n") }
  }
}
