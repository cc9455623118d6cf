#!/usr/bin/env python3
"""Generates the indicator reference fixture for IndicatorReferenceTests.swift.

Input : the first 300 candles of ../shared/data/candles/ETH-BTC_5m.csv (repository-relative:
        <root>/shared beside <root>/main), copied verbatim to eth_btc_5m_first300.csv.
Output: eth_btc_5m_reference.csv — one row per candle, the same columns and header as
        AutoEngineCore's IndicatorCSV (time, sma_20 … bb_width_min_120_pct), empty cells where the
        indicator is not yet defined, numbers in Python's shortest round-trip repr.

Sources of the values (independent of the Swift code):
  * TA-Lib's C library (PyPI wheel `TA-Lib` 0.8.2 bundling TA-Lib 0.8.1, default
    compatibility, no unstable period) for SMA, EMA, RSI, MACD, BBANDS, ATR, STDDEV, ROC, OBV,
    STOCH (14, 3 SMA, 3 SMA), ADX/PLUS_DI/MINUS_DI, CCI, WILLR, MFI, LINEARREG_SLOPE and MAX/MIN.
    TA-Lib hides the MACD line until its signal exists (index 33); the line at indices 25..32
    comes from MACD(12, 26, 1), whose line is the same recursion (both EMAs seeded at index 25).
  * Plain NumPy / exact Python (math.fsum, fractions) for what TA-Lib lacks: realised
    volatility of log returns, cumulative and 20-candle VWAP, volume z-score, price–volume
    correlation, Donchian/50-candle range over the candles before the latest, classic pivots of
    the previous completed 60-candle block, wall-clock momentum (1m/5m/15m/1h), the MACD
    histogram two candles back, the MACD line at the lowest low / highest high of the 20 candles
    before the latest (most recent on ties) with its age in candles, and the 120-candle minimum
    of the Bollinger band width — each by a direct scan of its window, no incremental state.
  * Assertions check that none of TA-Lib's absolute epsilons (1e-8 in price units; MFI's
    "total money flow < 1.0") is hit on this slice, so TA-Lib's values are the documented
    definitions and not its zero fallbacks.

Run (from this directory):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install TA-Lib numpy
    /tmp/venv/bin/python generate_reference.py [path/to/ETH-BTC_5m.csv]
"""
import bisect
import csv
import math
import os
import sys
from fractions import Fraction

import numpy as np
import talib

HERE = os.path.dirname(os.path.realpath(__file__))
DEFAULT_INPUT = os.path.join(HERE, "../../../../../shared/data/candles/ETH-BTC_5m.csv")
ROWS = 300
PIVOT_PERIOD = 60

COLUMNS = [
    "time", "sma_20", "ema_12", "ema_26", "rsi_14", "macd", "macd_signal", "macd_hist",
    "bb_upper", "bb_middle", "bb_lower", "atr_14", "stddev_20", "roc_10", "obv", "stoch_k",
    "stoch_d", "adx_14", "cci_20", "willr_14", "mfi_14", "close", "sma_50", "sma_200", "ema_9",
    "ema_21", "ema_50", "plus_di_14", "minus_di_14", "trend_slope_20_pct", "bb_width_pct",
    "bb_percent_b", "atr_pct", "volatility_20_pct", "volatility_100_pct", "obv_sma_20", "vwap",
    "volume_sma_20", "volume_z_score", "price_volume_correlation_20", "donchian_upper_20",
    "donchian_lower_20", "high_50", "low_50", "pivot", "resistance_1", "support_1",
    "resistance_2", "support_2", "momentum_1m_pct", "momentum_5m_pct", "momentum_15m_pct",
    "momentum_1h_pct", "vwap_20", "macd_hist_prev_2", "macd_at_low_20", "low_20_age",
    "macd_at_high_20", "high_20_age", "bb_width_min_120_pct",
]


def nan_array(n):
    return np.full(n, np.nan)


def shifted(values, by=1):
    """values[i - by] at index i (NaN before)."""
    out = nan_array(len(values))
    out[by:] = values[:-by]
    return out


def exact_population_std(window):
    """σ of `window` (divisor n) from exact rational arithmetic, rounded once by sqrt."""
    xs = [Fraction(x) for x in window]
    mean = sum(xs) / len(xs)
    return math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_INPUT
    with open(source, newline="") as handle:
        lines = handle.read().splitlines()
    header, body = lines[0], lines[1 : ROWS + 1]
    assert header == "time,open,high,low,close,volume", header
    with open(os.path.join(HERE, "eth_btc_5m_first300.csv"), "w", newline="") as handle:
        handle.write("\n".join([header] + body) + "\n")

    data = np.array([[float(x) for x in line.split(",")] for line in body])
    t, o, h, l, c, v = data.T
    n = len(c)
    col = {"time": t, "close": c}

    for p in (20, 50, 200):
        col[f"sma_{p}"] = talib.SMA(c, p)
    for p in (9, 12, 21, 26, 50):
        col[f"ema_{p}"] = talib.EMA(c, p)
    col["rsi_14"] = talib.RSI(c, 14)
    line, signal, hist = talib.MACD(c, 12, 26, 9)
    early_line, _, _ = talib.MACD(c, 12, 26, 1)
    line[25:33] = early_line[25:33]
    col["macd"], col["macd_signal"], col["macd_hist"] = line, signal, hist
    upper, middle, lower = talib.BBANDS(c, 20, 2.0, 2.0, 0)
    col["bb_upper"], col["bb_middle"], col["bb_lower"] = upper, middle, lower
    col["bb_width_pct"] = (upper - lower) / middle * 100
    col["bb_percent_b"] = (c - lower) / (upper - lower)
    col["atr_14"] = talib.ATR(h, l, c, 14)
    col["atr_pct"] = col["atr_14"] / c * 100
    col["stddev_20"] = talib.STDDEV(c, 20, 1.0)
    col["roc_10"] = talib.ROC(c, 10)
    obv = talib.OBV(c, v)
    col["obv"], col["obv_sma_20"] = obv, talib.SMA(obv, 20)
    col["stoch_k"], col["stoch_d"] = talib.STOCH(h, l, c, 14, 3, 0, 3, 0)
    col["adx_14"] = talib.ADX(h, l, c, 14)
    col["plus_di_14"] = talib.PLUS_DI(h, l, c, 14)
    col["minus_di_14"] = talib.MINUS_DI(h, l, c, 14)
    col["cci_20"] = talib.CCI(h, l, c, 20)
    col["willr_14"] = talib.WILLR(h, l, c, 14)
    col["mfi_14"] = talib.MFI(h, l, c, v, 14)
    col["trend_slope_20_pct"] = talib.LINEARREG_SLOPE(c, 20) / c * 100
    col["volume_sma_20"] = talib.SMA(v, 20)
    col["donchian_upper_20"] = shifted(talib.MAX(h, 20))
    col["donchian_lower_20"] = shifted(talib.MIN(l, 20))
    col["high_50"] = shifted(talib.MAX(h, 50))
    col["low_50"] = shifted(talib.MIN(l, 50))

    # TA-Lib's zero fallbacks must not fire on this slice (see the module docstring).
    for period in (14, 20):
        ranges = talib.MAX(h, period) - talib.MIN(l, period)
        assert np.nanmin(ranges) > 1e-8
    assert np.nanmin(talib.TRANGE(h, l, c)[1:]) >= 0 and np.nanmin(col["atr_14"]) > 1e-8
    tp = (h + l + c) / 3
    flows = tp[1:] * v[1:]
    assert min(flows[i : i + 14].sum() for i in range(n - 14)) > 1.0
    # TA-Lib's E[x²]−E[x]² deviation agrees with the exact one to ~1e-13 here.
    exact_sd = nan_array(n)
    for i in range(19, n):
        exact_sd[i] = exact_population_std(c[i - 19 : i + 1])
    assert np.nanmax(np.abs(col["stddev_20"] - exact_sd) / exact_sd) < 1e-11

    log_returns = np.log(c[1:] / c[:-1])
    for period in (20, 100):
        out = nan_array(n)
        for i in range(period, n):
            out[i] = np.std(log_returns[i - period : i]) * 100
        col[f"volatility_{period}_pct"] = out

    vwap = nan_array(n)
    for i in range(n):
        vwap[i] = math.fsum(tp[: i + 1] * v[: i + 1]) / math.fsum(v[: i + 1])
    col["vwap"] = vwap

    vwap_20 = nan_array(n)
    for i in range(19, n):
        volume = math.fsum(v[i - 19 : i + 1])
        if volume > 0:
            vwap_20[i] = math.fsum(tp[i - 19 : i + 1] * v[i - 19 : i + 1]) / volume
    col["vwap_20"] = vwap_20

    col["macd_hist_prev_2"] = shifted(hist, 2)

    # The MACD line exists from index 25: a window of the 20 candles before index i holds
    # only candles with a line from i = 45 on.
    for name in ("macd_at_low_20", "low_20_age", "macd_at_high_20", "high_20_age"):
        col[name] = nan_array(n)
    for i in range(45, n):
        window = range(i - 20, i)
        lowest, highest = min(l[j] for j in window), max(h[j] for j in window)
        at_low = max(j for j in window if l[j] == lowest)  # the most recent on ties
        at_high = max(j for j in window if h[j] == highest)
        col["macd_at_low_20"][i], col["low_20_age"][i] = line[at_low], i - at_low
        col["macd_at_high_20"][i], col["high_20_age"][i] = line[at_high], i - at_high

    width_min = nan_array(n)
    for i in range(19 + 119, n):
        width_min[i] = np.min(col["bb_width_pct"][i - 119 : i + 1])
    col["bb_width_min_120_pct"] = width_min

    z = nan_array(n)
    for i in range(19, n):
        window = v[i - 19 : i + 1]
        z[i] = (v[i] - window.mean()) / window.std()
    col["volume_z_score"] = z

    returns = c[1:] / c[:-1] - 1
    correlation = nan_array(n)
    for i in range(20, n):
        correlation[i] = np.corrcoef(returns[i - 20 : i], v[i - 19 : i + 1])[0, 1]
    col["price_volume_correlation_20"] = correlation

    for name in ("pivot", "resistance_1", "support_1", "resistance_2", "support_2"):
        col[name] = nan_array(n)
    for i in range(PIVOT_PERIOD, n):
        block = i // PIVOT_PERIOD - 1
        start, end = block * PIVOT_PERIOD, (block + 1) * PIVOT_PERIOD
        high, low, close = h[start:end].max(), l[start:end].min(), c[end - 1]
        pivot = (high + low + close) / 3
        col["pivot"][i] = pivot
        col["resistance_1"][i] = 2 * pivot - low
        col["support_1"][i] = 2 * pivot - high
        col["resistance_2"][i] = pivot + (high - low)
        col["support_2"][i] = pivot - (high - low)

    times = list(t)
    for label, seconds in (("1m", 60), ("5m", 300), ("15m", 900), ("1h", 3600)):
        out = nan_array(n)
        for i in range(n):
            j = bisect.bisect_right(times, t[i] - seconds) - 1  # latest time <= t - window
            if j >= 0 and times[j + 1] - times[j] <= seconds:
                out[i] = (c[i] / c[j] - 1) * 100
        col[f"momentum_{label}_pct"] = out

    def cell(name, value):
        if np.isnan(value):
            return ""
        if name == "time":
            return str(int(value))
        return repr(float(value))

    with open(os.path.join(HERE, "eth_btc_5m_reference.csv"), "w", newline="") as handle:
        handle.write(",".join(COLUMNS) + "\n")
        for i in range(n):
            handle.write(",".join(cell(name, col[name][i]) for name in COLUMNS) + "\n")


if __name__ == "__main__":
    main()
