// Tests of AutoEngineExchanges arrive with its clients (live-engine and trading issues).
