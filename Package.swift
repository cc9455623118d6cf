// swift-tools-version:6.2
import PackageDescription

/// Settings every target shares: Swift 6 language mode (from the tools version) plus the
/// upcoming features the grpc-swift and Hummingbird codebases build with.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let dependencies: [Package.Dependency] = [
  .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
  .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
  .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
  .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
  .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
  .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
  .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
  .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
  .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
  .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
  .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
  .package(url: "https://github.com/ordo-one/malloc-interposer.git", from: "1.6.1"),
  .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
  // HMAC-SHA256 (Binance.US signing) and P-256 ES256 (Coinbase JWT). The JWT is built with
  // swift-crypto directly rather than jwt-kit: it is ~60 lines, it gives exact control of the
  // header Coinbase requires (`kid` and a per-request `nonce`), and it avoids jwt-kit's extra
  // dependencies (swift-certificates' X509, CryptoExtras) in the exchange target.
  .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
  // TLS on both listeners: PEM loading (NIOSSL) shared by the gRPC transport and Hummingbird.
  .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
]

// MARK: - Libraries, each next to its tests

/// The pure domain: coins, configuration values, candles, indicators, strategies, risk policy,
/// lunar ephemeris. No I/O; imports only the standard library, FoundationEssentials (for
/// `Decimal` money) and swift-numerics' RealModule (sin, cos, log).
let autoEngineCore = Target.target(
  name: "AutoEngineCore",
  dependencies: [.product(name: "RealModule", package: "swift-numerics")],
  swiftSettings: swiftSettings
)
let autoEngineCoreTests = Target.testTarget(
  name: "AutoEngineCoreTests",
  dependencies: ["AutoEngineCore"],
  exclude: ["Indicators/Fixtures"],
  swiftSettings: swiftSettings
)

/// HTTP clients of the exchanges and of NOAA SWPC, and the request budget.
let autoEngineExchanges = Target.target(
  name: "AutoEngineExchanges",
  dependencies: [
    "AutoEngineCore",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
  ],
  swiftSettings: swiftSettings
)
let autoEngineExchangesTests = Target.testTarget(
  name: "AutoEngineExchangesTests",
  dependencies: [
    "AutoEngineExchanges",
    "AutoEngineTestSupport",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
  ],
  swiftSettings: swiftSettings
)

/// The running engine: market sources, cache, scheduler, event hub, brokers, journal, and the
/// one `Engine` facade that every transport calls.
let autoEngineRuntime = Target.target(
  name: "AutoEngineRuntime",
  dependencies: [
    "AutoEngineCore",
    "AutoEngineExchanges",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "Yams", package: "Yams"),
    .product(name: "GRDB", package: "GRDB.swift"),
  ],
  swiftSettings: swiftSettings
)
let autoEngineRuntimeTests = Target.testTarget(
  name: "AutoEngineRuntimeTests",
  dependencies: [
    "AutoEngineRuntime",
    "AutoEngineTestSupport",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "NIOCore", package: "swift-nio"),
  ],
  swiftSettings: swiftSettings
)

/// The web dashboard's static files (`clients/web/`: HTML, CSS, JavaScript, no build step), which
/// the REST listener serves at `/`.
///
/// The files stay where a person edits them, in `clients/web/`; this target's `path` points there
/// and copies them as resources, so SwiftPM places them in a resource bundle beside the built
/// products (`swift run autoengine serve`, `swift test` and a copied `.build/release` all find
/// them). `DashboardAssets.swift` locates that bundle without `Bundle.module`, whose accessor
/// would crash the server if the bundle were missing; it falls back to the source folder.
let autoEngineDashboard = Target.target(
  name: "AutoEngineDashboard",
  path: "clients/web",
  exclude: ["README.md", "tests"],
  sources: ["DashboardAssets.swift"],
  resources: [.copy("index.html"), .copy("dashboard.css"), .copy("dashboard.js")],
  swiftSettings: swiftSettings
)

/// A small Redis client on SwiftNIO (RESP2/RESP3, pipelining, pub/sub, reconnect, AUTH, TLS)
/// for the `redis` cache backend and the fan-out to API replicas.
let autoEngineRedis = Target.target(
  name: "AutoEngineRedis",
  dependencies: [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
    .product(name: "Logging", package: "swift-log"),
  ],
  swiftSettings: swiftSettings
)
let autoEngineRedisTests = Target.testTarget(
  name: "AutoEngineRedisTests",
  dependencies: [
    "AutoEngineRedis",
    "AutoEngineTestSupport",
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
  ],
  swiftSettings: swiftSettings
)

/// gRPC services (generated code committed under Generated/), health, the REST bridge and the
/// assembly of both listeners into one service group.
let autoEngineAPI = Target.target(
  name: "AutoEngineAPI",
  dependencies: [
    "AutoEngineRuntime",
    "AutoEngineDashboard",
    "AutoEngineRedis",
    "AutoEngineExchanges",
    .product(name: "GRPCCore", package: "grpc-swift-2"),
    .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
    .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
    .product(name: "SwiftProtobuf", package: "swift-protobuf"),
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "HummingbirdCore", package: "hummingbird"),
    .product(name: "HummingbirdTLS", package: "hummingbird"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "Prometheus", package: "swift-prometheus"),
    .product(name: "NIOCore", package: "swift-nio"),
  ],
  // Swagger UI and ReDoc, served by /docs and /redoc without a CDN (see APIDocs/Assets/README.md).
  resources: [.copy("APIDocs/Assets")],
  swiftSettings: swiftSettings
)
let autoEngineAPITests = Target.testTarget(
  name: "AutoEngineAPITests",
  dependencies: [
    "AutoEngineAPI",
    "AutoEngineRedis",
    "AutoEngineTestSupport",
    // The executables are built before the tests that run them as subprocesses.
    "autoengine",
    "aectl",
    .product(name: "GRPCCore", package: "grpc-swift-2"),
    .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
    .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "HummingbirdTesting", package: "hummingbird"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
  ],
  swiftSettings: swiftSettings
)

/// Fixtures and (from the live-engine issue on) the mock exchange, for tests and benchmarks.
let autoEngineTestSupport = Target.target(
  name: "AutoEngineTestSupport",
  dependencies: [
    "AutoEngineCore",
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "HummingbirdCore", package: "hummingbird"),
    .product(name: "HTTPTypes", package: "swift-http-types"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "Crypto", package: "swift-crypto"),
  ],
  swiftSettings: swiftSettings
)

// MARK: - Executables

let autoengine = Target.executableTarget(
  name: "autoengine",
  dependencies: [
    "AutoEngineAPI",
    "AutoEngineRedis",
    "AutoEngineRuntime",
    "AutoEngineExchanges",
    "AutoEngineCore",
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "UnixSignals", package: "swift-service-lifecycle"),
    .product(name: "Logging", package: "swift-log"),
  ],
  exclude: ["autoengine.example.yaml"],
  swiftSettings: swiftSettings
)

let aectl = Target.executableTarget(
  name: "aectl",
  dependencies: [
    "AutoEngineAPI",
    .product(name: "GRPCCore", package: "grpc-swift-2"),
    .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
    .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
    .product(name: "SwiftProtobuf", package: "swift-protobuf"),
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
  ],
  swiftSettings: swiftSettings
)

let aebench = Target.executableTarget(
  name: "aebench",
  dependencies: [
    "AutoEngineAPI",
    "AutoEngineRedis",
    "AutoEngineCore",
    "AutoEngineRuntime",
    "AutoEngineExchanges",
    "AutoEngineTestSupport",
    .product(name: "Logging", package: "swift-log"),
    .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
    .product(name: "GRPCCore", package: "grpc-swift-2"),
    .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
    .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "SwiftProtobuf", package: "swift-protobuf"),
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
  ],
  swiftSettings: swiftSettings
)

/// The benchmarks' own logic (message header reading, sequence and latency accounting, the
/// server child's ports and memory), tested without running a benchmark.
let aebenchTests = Target.testTarget(
  name: "AEBenchTests",
  dependencies: [
    "aebench",
    "AutoEngineAPI",
    "AutoEngineCore",
    .product(name: "SwiftProtobuf", package: "swift-protobuf"),
  ],
  swiftSettings: swiftSettings
)

let package = Package(
  name: "crypto-autoengine",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "autoengine", targets: ["autoengine"]),
    .executable(name: "aectl", targets: ["aectl"]),
    .executable(name: "aebench", targets: ["aebench"]),
    .library(name: "AutoEngineCore", targets: ["AutoEngineCore"]),
  ],
  dependencies: dependencies,
  targets: [
    autoEngineCore, autoEngineCoreTests,
    autoEngineExchanges, autoEngineExchangesTests,
    autoEngineRuntime, autoEngineRuntimeTests,
    autoEngineRedis, autoEngineRedisTests,
    autoEngineAPI, autoEngineAPITests,
    autoEngineDashboard,
    autoEngineTestSupport,
    autoengine, aectl, aebench, aebenchTests,
  ]
)
