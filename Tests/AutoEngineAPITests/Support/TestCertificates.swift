import Foundation

/// A test certificate authority and a server certificate it signed for 127.0.0.1 and
/// localhost, valid until 2126 (made with openssl for the aectl TLS tests; never used outside
/// tests), and a second, unrelated CA.
enum TestCertificates {
  /// The CA's certificate (PEM).
  static let authority = """
    -----BEGIN CERTIFICATE-----
    MIIBlzCCAT2gAwIBAgIUR8rR52QyzAlEqikJa1QDE6dXYnowCgYIKoZIzj0EAwIw
    GDEWMBQGA1UEAwwNYWVjdGwgdGVzdCBDQTAgFw0yNjExMjUwNzMxNTFaGA8yMTI2
    MTEwMTA3MzE1MVowGDEWMBQGA1UEAwwNYWVjdGwgdGVzdCBDQTBZMBMGByqGSM49
    AgEGCCqGSM49AwEHA0IABAUzs2VFtTq3B40/735RPV+M/LfngOsLeS6zDlDN1soN
    jSYVOG08QgwnbGC0lg+74Hed1coYRAqbDcu2UMuzolSjYzBhMB0GA1UdDgQWBBTJ
    MoFFKOSGkb7h8RYGaaBAqheaNzAfBgNVHSMEGDAWgBTJMoFFKOSGkb7h8RYGaaBA
    qheaNzAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQD
    AgNIADBFAiB3tPSt+5wJXy2/SsXHeH3BNr1YIivDRED2cIRkTlyb5wIhAIqQNvbD
    vNfF309yvLM1YkMAXMmFZkSC92aq/5iaXybr
    -----END CERTIFICATE-----
    """

  /// The server's certificate, signed by `authority` (PEM).
  static let server = """
    -----BEGIN CERTIFICATE-----
    MIIBvDCCAWOgAwIBAgIUVoHP2BTtUJY4hZRhIjDMIye+T9IwCgYIKoZIzj0EAwIw
    GDEWMBQGA1UEAwwNYWVjdGwgdGVzdCBDQTAgFw0yNjExMjUwNzMxNTFaGA8yMTI2
    MTEwMTA3MzE1MVowFDESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYI
    KoZIzj0DAQcDQgAEQ8GN41ZAbP/rKwx7NAGjuryfpna6YZ060aOZTo64i4j8NkEe
    sYfMjHqRnAXwBvX7J5LWjJpOFAk6OA7BrtLJoaOBjDCBiTAaBgNVHREEEzARggls
    b2NhbGhvc3SHBH8AAAEwCQYDVR0TBAIwADALBgNVHQ8EBAMCB4AwEwYDVR0lBAww
    CgYIKwYBBQUHAwEwHQYDVR0OBBYEFLJU7FH7xGmqk6CmhP/+r6PwX+A9MB8GA1Ud
    IwQYMBaAFMkygUUo5IaRvuHxFgZpoECqF5o3MAoGCCqGSM49BAMCA0cAMEQCIBY6
    TgtyPWBIN89ivBTITGI9wwCqFnhMZXDjtUXbDL0gAiA9D+QcjGCrRRgTpztCT3j+
    awC8hiHk8MJLn5y2bA0Jsw==
    -----END CERTIFICATE-----
    """

  /// The server certificate's private key (PEM, P-256).
  static let serverKey = """
    -----BEGIN PRIVATE KEY-----
    MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgwyxUNcqgrLJyiVMi
    iGo9jY5zewEmPoImg2CU4w3J+muhRANCAARDwY3jVkBs/+srDHs0AaO6vJ+mdrph
    nTrRo5lOjriLiPw2QR6xh8yMepGcBfAG9fsnktaMmk4UCTo4DsGu0smh
    -----END PRIVATE KEY-----
    """

  /// A CA that signed nothing here (PEM).
  static let otherAuthority = """
    -----BEGIN CERTIFICATE-----
    MIIBfTCCASOgAwIBAgIUb881qakzzr997O4clU1V+hdjDG8wCgYIKoZIzj0EAwIw
    EzERMA8GA1UEAwwIb3RoZXIgQ0EwIBcNMjYxMTI1MDczMTUxWhgPMjEyNjExMDEw
    NzMxNTFaMBMxETAPBgNVBAMMCG90aGVyIENBMFkwEwYHKoZIzj0CAQYIKoZIzj0D
    AQcDQgAE8OJQrilNQ3l+4OIPSA4r+CKfx1qImTAjkd33rb5nTLzbT8L0JoAgehmq
    0A8aeXxuQ85iCxUzUmjW4UE6CnfghqNTMFEwHQYDVR0OBBYEFJLfz0m1DLfO48DA
    oiVA/UMUXQK3MB8GA1UdIwQYMBaAFJLfz0m1DLfO48DAoiVA/UMUXQK3MA8GA1Ud
    EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhANfGnVpoFksN39ZXCLfeaJyp
    KA69u8nFLh+IKNt7cBniAiAVe/uLVGJUCZQsY1FzofFGPIBDdv+p9kxgtXE6q0kq
    PQ==
    -----END CERTIFICATE-----
    """

  /// Writes `pem` to a new temporary file and returns its path.
  static func file(_ pem: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("aectl-\(UUID().uuidString).pem")
    try pem.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}
