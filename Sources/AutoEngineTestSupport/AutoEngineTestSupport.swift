// AutoEngineTestSupport: fixtures for tests and benchmarks, and (with the live-engine issue) the
// mock exchange server that speaks the documented Coinbase, Binance.US and SWPC formats over a
// real loopback socket, with call counting and fault injection.
