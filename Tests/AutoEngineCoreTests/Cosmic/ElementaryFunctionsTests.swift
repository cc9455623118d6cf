import Testing

@testable import AutoEngineCore

@Suite("Elementary functions in degrees")
struct ElementaryFunctionsTests {
  @Test(
    "sine and cosine of exact angles",
    arguments: [
      (0.0, 0.0, 1.0), (30, 0.5, 0.866_025_403_784_438_6), (90, 1, 0), (180, 0, -1), (270, -1, 0),
      (-30, -0.5, 0.866_025_403_784_438_6), (750, 0.5, 0.866_025_403_784_438_6),
    ])
  func exact(degrees: Double, sine: Double, cosine: Double) {
    #expect(abs(ElementaryFunctions.sin(degrees: degrees) - sine) < 1e-15)
    #expect(abs(ElementaryFunctions.cos(degrees: degrees) - cosine) < 1e-15)
  }

  @Test("sin² + cos² = 1 and sin(x) = cos(90° − x) over a sweep, including huge arguments")
  func identities() {
    var x = -123_456.789
    while x < 500_000 {
      let s = ElementaryFunctions.sin(degrees: x)
      let c = ElementaryFunctions.cos(degrees: x)
      #expect(abs(s * s + c * c - 1) < 1e-15)
      #expect(abs(s - ElementaryFunctions.cos(degrees: 90 - x)) < 1e-9)
      x += 1_234.567
    }
  }

  @Test("a known value: sin(1 rad) = 0.8414709848078965")
  func knownValue() {
    #expect(abs(ElementaryFunctions.sin(degrees: 180 / Double.pi) - 0.841_470_984_807_896_5) < 1e-15)
  }

  @Test("logarithms of known values; invalid input gives nan or -inf")
  func logarithms() {
    #expect(abs(ElementaryFunctions.log(2.718_281_828_459_045) - 1) < 1e-15)
    #expect(abs(ElementaryFunctions.log10(1e-5) - -5) < 1e-14)
    #expect(abs(ElementaryFunctions.log10(2.4e-5) - -4.619_788_758_288_394) < 1e-14)
    #expect(abs(ElementaryFunctions.log10(1e300) - 300) < 1e-12)
    #expect(ElementaryFunctions.log(1) == 0)
    #expect(ElementaryFunctions.log(0) == -.infinity)
    #expect(ElementaryFunctions.log(-1).isNaN)
    #expect(ElementaryFunctions.sin(degrees: .infinity).isNaN)
  }
}
