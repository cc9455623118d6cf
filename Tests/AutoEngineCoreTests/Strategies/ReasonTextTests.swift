import Testing

@testable import AutoEngineCore

@Suite("Reason number formatting")
struct ReasonTextTests {
  @Test("prices keep about six significant digits and at least two decimals")
  func prices() {
    #expect(ReasonText.price(105.2) == "105.20")
    #expect(ReasonText.price(65000.123) == "65000.12")
    #expect(ReasonText.price(0.031234) == "0.031234")
    #expect(ReasonText.price(1.5) == "1.50")
    #expect(ReasonText.price(0) == "0.00")
    #expect(ReasonText.price(-2.25) == "-2.25")
    #expect(ReasonText.price(0.0000123456) == "0.0000123456")
  }

  @Test("signed values and percents")
  func signedAndPercent() {
    #expect(ReasonText.signed(1.5) == "+1.50")
    #expect(ReasonText.signed(-0.25, 3) == "-0.250")
    #expect(ReasonText.signed(0) == "0.00")
    #expect(ReasonText.signed(0.0001) == "0.00")
    #expect(ReasonText.percent(1.234) == "1.23 %")
    #expect(ReasonText.signedPercent(2) == "+2.00 %")
    #expect(ReasonText.fixed(27.44, 1) == "27.4")
  }
}
