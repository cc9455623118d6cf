// AutoEngineExchanges: the HTTP clients of Coinbase Advanced Trade, Binance.US and NOAA SWPC
// (market data, signed orders) and the per-exchange request budget. It imports AutoEngineCore
// and nothing of the server. The clients arrive with the live-engine issue (market data) and the
// trading issue (orders); until then this module holds no code.
