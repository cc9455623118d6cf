import Testing

@testable import AutoEngineCore

@Suite("Number text in messages")
struct NumberTextTests {
  @Test(
    "fixed decimals round half away from zero and pad",
    arguments: [
      (0.7, 2, "0.70"), (0.655, 1, "0.7"), (-1.25, 1, "-1.3"), (12.0, 0, "12"), (0.004, 2, "0.00"),
      (-0.004, 2, "0.00"), (123.456, 2, "123.46"), (2.5, 0, "3"), (1.05, 3, "1.050"),
    ])
  func fixed(value: Double, decimals: Int, text: String) {
    #expect(NumberText.fixed(value, decimals: decimals) == text)
  }

  @Test("fixed prints non-finite values by name")
  func nonFinite() {
    #expect(NumberText.fixed(.nan, decimals: 2) == "nan")
    #expect(NumberText.fixed(-.infinity, decimals: 2) == "-inf")
  }

  @Test(
    "plain drops the .0 of whole numbers only",
    arguments: [(300.0, "300"), (0.7, "0.7"), (-5.0, "-5"), (1e20, "1e+20")])
  func plain(value: Double, text: String) {
    #expect(NumberText.plain(value) == text)
  }
}
