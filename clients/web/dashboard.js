// CRYPTO AUTOENGINE dashboard: plain JavaScript, no build step, no framework.
//
// Coin states are pushed by the server as Server-Sent Events on /api/coinstate/stream: one
// `snapshot` event (every coin) per connection, then one `update` event per engine tick with the
// coins that changed. Each event's data is the proto3 JSON of a CoinStateUpdate (lowerCamelCase
// names, enums by name, fields at their default value omitted). The table is updated in place.
// Status cards are read from /api/system/status and /api/trading, refreshed every few seconds and
// whenever /api/trading/events pushes a trade event. State-changing buttons ask for the API token
// and send it as `Authorization: Bearer <token>`.
'use strict';

const STATUS_REFRESH_MS = 5000;
const TOKEN_KEY = 'autoengine.apiToken';
const MAX_TICKS = 120;

const state = {
  coins: new Map(),      // symbol → latest CoinState (proto3 JSON object)
  rows: new Map(),       // symbol → { row, cells }
  ticks: new Map(),      // symbol → prices received since the page opened (at most MAX_TICKS)
  selected: null,        // symbol shown in the detail panel
  strategiesFor: null,   // `${symbol} ${evaluatedAt}` whose strategies are shown
  connected: false,      // whether the coin-state stream has ever opened
  reconnects: 0,         // times the stream re-opened after a drop
  lastSequence: 0,
  lastEventAt: null,
  source: null,
  retryTimer: null,
  retryDelay: 1000,
  pendingAction: null,   // { path, label } waiting for the token dialog
};

const $ = (id) => document.getElementById(id);

// ---- formatting -----------------------------------------------------------------------------

/** Short action name: "ACTION_BUY" → "BUY"; missing (not evaluated) → "—". */
function actionName(action) {
  return action ? action.replace(/^ACTION_/, '') : '—';
}

function exchangeName(exchange) {
  return { EXCHANGE_COINBASE: 'Coinbase', EXCHANGE_BINANCE_US: 'Binance.US' }[exchange] || exchange || '—';
}

/** A decimal-string price with digits that suit its size. */
function formatPrice(text) {
  if (text === undefined || text === '') return '—';
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (value >= 1000) return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (value >= 1) return value.toFixed(4);
  return value.toPrecision(4);
}

/** A percentage with its sign, e.g. "+1.23 %"; "—" when absent. */
function formatPct(value, digits = 2) {
  if (value === undefined || value === null || !Number.isFinite(Number(value))) return '—';
  const number = Number(value);
  return `${number > 0 ? '+' : ''}${number.toFixed(digits)} %`;
}

/** A large quantity in compact form, e.g. "12.3M". */
function formatCompact(text) {
  if (text === undefined || text === '') return '—';
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  return value.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 2 });
}

function formatNumber(value, digits = 4) {
  if (value === undefined || value === null) return '—';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  return Math.abs(number) >= 1000 ? number.toFixed(2) : Number(number.toPrecision(digits)).toString();
}

function formatSigned(text) {
  if (text === undefined || text === '') return '—';
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  return `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
}

function signClass(value) {
  const number = Number(value);
  if (!Number.isFinite(number) || number === 0) return '';
  return number > 0 ? 'up' : 'down';
}

function formatTime(timestamp) {
  if (!timestamp) return '—';
  return new Date(timestamp).toLocaleTimeString();
}

function formatDuration(seconds) {
  const s = Math.floor(Number(seconds) || 0);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

/** Sets an element's text and class only when they change (no needless layout). */
function setCell(cell, text, className) {
  if (cell.textContent !== text) cell.textContent = text;
  if (className !== undefined && cell.className !== className) cell.className = className;
}

/** Fills a <dl> from [term, value] pairs. */
function fillList(list, pairs) {
  list.replaceChildren(...pairs.flatMap(([term, value, className]) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (className) dd.className = className;
    return [dt, dd];
  }));
}

// ---- the coin table -------------------------------------------------------------------------

const COLUMNS = ['coin', 'exchange', 'price', 'change', 'volume', 'action', 'strength', 'confidence', 'position', 'pnl'];
const NUMERIC = new Set(['price', 'change', 'volume', 'strength', 'confidence', 'position', 'pnl']);
const OPTIONAL = new Set(['exchange', 'volume', 'strength', 'confidence', 'position']);

function rowFor(symbol) {
  let entry = state.rows.get(symbol);
  if (entry) return entry;
  const row = document.createElement('tr');
  row.dataset.symbol = symbol;
  row.tabIndex = 0;
  const cells = {};
  for (const column of COLUMNS) {
    const cell = document.createElement('td');
    cell.className = [column, NUMERIC.has(column) ? 'num' : '', OPTIONAL.has(column) ? 'opt' : ''].join(' ').trim();
    cell.dataset.base = cell.className;
    row.appendChild(cell);
    cells[column] = cell;
  }
  const name = document.createElement('span');
  name.className = 'symbol';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = 'stale';
  badge.hidden = true;
  cells.coin.append(name, badge);
  cells.name = name;
  cells.badge = badge;
  row.addEventListener('click', () => openDetail(symbol));
  row.addEventListener('keydown', (event) => { if (event.key === 'Enter') openDetail(symbol); });
  $('coins').tBodies[0].appendChild(row);
  entry = { row, cells };
  state.rows.set(symbol, entry);
  return entry;
}

function renderRow(coin, previous) {
  const { cells } = rowFor(coin.symbol);
  const signal = coin.signal || {};
  const trading = coin.trading || {};
  const freshness = coin.freshness || {};
  setCell(cells.name, coin.symbol);
  cells.badge.hidden = !freshness.stale;
  cells.badge.title = freshness.staleReason || '';
  setCell(cells.exchange, exchangeName(coin.exchange));
  setCell(cells.price, formatPrice(coin.price));
  if (previous && previous.price && coin.price && previous.price !== coin.price) {
    const direction = Number(coin.price) > Number(previous.price) ? 'flash-up' : 'flash-down';
    cells.price.classList.remove('flash-up', 'flash-down');
    void cells.price.offsetWidth; // restart the animation
    cells.price.classList.add(direction);
  }
  setCell(cells.change, formatPct(coin.change24hPct), `${cells.change.dataset.base} ${signClass(coin.change24hPct)}`);
  setCell(cells.volume, formatCompact(coin.quoteVolume24h));
  const action = actionName(signal.action);
  setCell(cells.action, action, `${cells.action.dataset.base} action-${action}`);
  setCell(cells.strength, signal.action ? (signal.strength || 0).toFixed(2) : '—');
  setCell(cells.confidence, signal.action ? (signal.confidence || 0).toFixed(2) : '—');
  const quantity = trading.positionQuantity && Number(trading.positionQuantity) !== 0 ? trading.positionQuantity : '';
  setCell(cells.position, quantity ? formatNumber(quantity, 6) : '—');
  const pnl = quantity ? `${formatSigned(trading.unrealizedPnl)} (${formatPct(trading.unrealizedPnlPct)})` : '—';
  setCell(cells.pnl, pnl, `${cells.pnl.dataset.base} ${quantity ? signClass(trading.unrealizedPnl) : ''}`);
}

/** Keeps the last MAX_TICKS prices each coin's updates carried (the sparkline of a new server). */
function recordTick(coin) {
  const price = Number(coin.price);
  if (!Number.isFinite(price) || price <= 0) return;
  const ticks = state.ticks.get(coin.symbol) || [];
  if (ticks[ticks.length - 1] !== price) ticks.push(price);
  if (ticks.length > MAX_TICKS) ticks.shift();
  state.ticks.set(coin.symbol, ticks);
}

function applyStates(states, snapshot) {
  if (snapshot) {
    const present = new Set(states.map((coin) => coin.symbol));
    for (const [symbol, entry] of state.rows) {
      if (!present.has(symbol)) { entry.row.remove(); state.rows.delete(symbol); state.coins.delete(symbol); }
    }
  }
  for (const coin of states) {
    const previous = state.coins.get(coin.symbol);
    state.coins.set(coin.symbol, coin);
    recordTick(coin);
    renderRow(coin, previous);
  }
  if (state.selected && states.some((coin) => coin.symbol === state.selected)) renderDetail();
}

// ---- the coin-state stream ------------------------------------------------------------------

function setConnection(kind, text) {
  const indicator = $('connection');
  indicator.className = `connection ${kind}`;
  $('connection-text').textContent = text;
}

function describeLive() {
  const reconnects = state.reconnects === 1 ? '1 reconnect' : `${state.reconnects} reconnects`;
  const last = state.lastEventAt ? ` · last ${state.lastEventAt.toLocaleTimeString()}` : '';
  setConnection('live', `live · #${state.lastSequence}${last} · ${reconnects}`);
}

function onStreamMessage(event, snapshot) {
  let update;
  try { update = JSON.parse(event.data); } catch (error) { console.error('bad stream message', error); return; }
  state.lastSequence = Number(update.sequence || 0);
  state.lastEventAt = new Date();
  applyStates(update.states || [], snapshot);
  describeLive();
}

function connect() {
  clearTimeout(state.retryTimer);
  if (state.source) state.source.close();
  const source = new EventSource('/api/coinstate/stream');
  state.source = source;
  source.addEventListener('snapshot', (event) => onStreamMessage(event, true));
  source.addEventListener('update', (event) => onStreamMessage(event, false));
  source.onopen = () => {
    if (state.connected) state.reconnects += 1;
    state.connected = true;
    state.retryDelay = 1000;
    describeLive();
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. an error status): retry ourselves with backoff up to 10 s.
      setConnection('down', `disconnected · retrying in ${Math.round(state.retryDelay / 1000)} s · ${state.reconnects} reconnects`);
      state.retryTimer = setTimeout(connect, state.retryDelay);
      state.retryDelay = Math.min(state.retryDelay * 2, 10000);
    } else {
      setConnection('reconnecting', `reconnecting… · ${state.reconnects} reconnects so far`);
    }
  };
}

// ---- the detail panel -----------------------------------------------------------------------

function openDetail(symbol) {
  state.selected = symbol;
  state.strategiesFor = null;
  for (const [name, entry] of state.rows) entry.row.classList.toggle('selected', name === symbol);
  $('detail').hidden = false;
  renderDetail();
  if (window.matchMedia('(max-width: 760px)').matches) $('detail').scrollIntoView({ behavior: 'smooth' });
}

function closeDetail() {
  state.selected = null;
  $('detail').hidden = true;
  for (const entry of state.rows.values()) entry.row.classList.remove('selected');
}

function drawSparkline(canvas, prices) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 360;
  const height = canvas.clientHeight || 90;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  canvas.dataset.points = String(prices ? prices.length : 0);
  if (!prices || prices.length < 2) {
    context.fillStyle = '#8995a3';
    context.font = '12px system-ui, sans-serif';
    context.fillText('collecting price history…', 10, height / 2);
    return;
  }
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const span = high - low || 1;
  const pad = 6;
  const x = (index) => pad + (index / (prices.length - 1)) * (width - 2 * pad);
  const y = (price) => height - pad - ((price - low) / span) * (height - 2 * pad);
  const rising = prices[prices.length - 1] >= prices[0];
  context.strokeStyle = rising ? '#3fb950' : '#f85149';
  context.lineWidth = 1.5;
  context.beginPath();
  prices.forEach((price, index) => (index === 0 ? context.moveTo(x(index), y(price)) : context.lineTo(x(index), y(price))));
  context.stroke();
  context.lineTo(x(prices.length - 1), height);
  context.lineTo(x(0), height);
  context.closePath();
  context.fillStyle = rising ? 'rgba(63, 185, 80, .12)' : 'rgba(248, 81, 73, .12)';
  context.fill();
}

const INDICATORS = [
  ['RSI 14', 'rsi14'], ['MACD', 'macd'], ['MACD signal', 'macdSignal'], ['MACD hist', 'macdHist'],
  ['SMA 20', 'sma20'], ['EMA 12', 'ema12'], ['EMA 26', 'ema26'], ['BB upper', 'bbUpper'], ['BB lower', 'bbLower'],
  ['ATR 14', 'atr14'], ['Volatility %', 'volatilityPct'], ['ROC 10', 'roc10'], ['Stoch %K', 'stochK'],
  ['Stoch %D', 'stochD'], ['ADX 14', 'adx14'], ['CCI 20', 'cci20'], ['Williams %R', 'willr14'], ['MFI 14', 'mfi14'],
  ['VWAP', 'vwap'], ['Volume z', 'volumeZscore'], ['Pivot', 'pivot'], ['Support 1', 'support1'],
  ['Resistance 1', 'resistance1'],
];

function renderDetail() {
  const coin = state.coins.get(state.selected);
  if (!coin) return;
  const signal = coin.signal || {};
  const summary = coin.priceSummary || {};
  const indicators = coin.indicators || {};
  const momentum = coin.momentum || {};
  const trading = coin.trading || {};
  const freshness = coin.freshness || {};
  $('detail-symbol').textContent = `${coin.symbol} · ${exchangeName(coin.exchange)}`;
  $('detail-summary').textContent =
    `${formatPrice(coin.price)} ${coin.quoteAsset || ''} · 24 h ${formatPct(coin.change24hPct)} · ` +
    `volume ${formatCompact(coin.volume24h)} ${coin.baseAsset || ''}` +
    (freshness.stale ? ` · STALE: ${freshness.staleReason || ''}` : ` · price at ${formatTime(freshness.priceUpdatedAt)}`);
  // The server's history (up to 60 prices over the last hour) once it has two prices; before
  // that (a freshly started server), the prices this page has received since it opened.
  const history = summary.sparkline || [];
  const ticks = state.ticks.get(coin.symbol) || [];
  const points = history.length >= 2 ? history : ticks;
  drawSparkline($('sparkline'), points);
  const span = history.length >= 2
    ? `${history.length} prices over ${Math.round((summary.sparklineSeconds || 0) / 60)} min`
    : `${ticks.length} prices received since this page opened`;
  $('sparkline-caption').textContent = `${span} · 1 h high ${formatNumber(summary.high1h, 6)} · low ${formatNumber(summary.low1h, 6)}`;
  $('detail-signal').textContent = signal.action
    ? `${actionName(signal.action)} · strength ${(signal.strength || 0).toFixed(2)} · confidence ${(signal.confidence || 0).toFixed(2)} · score ${formatNumber(signal.score || 0, 3)} · ` +
      `${signal.buyCount || 0} buy / ${signal.sellCount || 0} sell / ${signal.holdCount || 0} hold (${signal.missingInputCount || 0} lacking inputs)`
    : 'not evaluated yet';
  fillList($('detail-indicators'), INDICATORS.map(([label, key]) => [label, formatNumber(indicators[key])]));
  fillList($('detail-momentum'), [
    ['1 min', formatPct(momentum.m1Pct), signClass(momentum.m1Pct)], ['5 min', formatPct(momentum.m5Pct), signClass(momentum.m5Pct)],
    ['15 min', formatPct(momentum.m15Pct), signClass(momentum.m15Pct)], ['1 h', formatPct(momentum.h1Pct), signClass(momentum.h1Pct)],
  ]);
  const held = trading.positionQuantity && Number(trading.positionQuantity) !== 0;
  fillList($('detail-position'), [
    ['quantity', held ? trading.positionQuantity : 'none'], ['entry', trading.averageEntryPrice || '—'],
    ['unrealised', held ? `${formatSigned(trading.unrealizedPnl)} (${formatPct(trading.unrealizedPnlPct)})` : '—', signClass(trading.unrealizedPnl)],
    ['realised today', formatSigned(trading.realizedPnlToday)], ['open orders', String(trading.openOrders || 0)],
    ['cooldown until', formatTime(trading.cooldownUntil)],
  ]);
  const key = `${coin.symbol} ${signal.evaluatedAt || ''}`;
  if (state.strategiesFor !== key) {
    state.strategiesFor = key;
    loadStrategies(coin.symbol, key);
  }
}

/** The strategies of `symbol` that fired (action other than HOLD), with their reasons. */
async function loadStrategies(symbol, key) {
  const list = $('detail-strategies');
  try {
    const response = await fetch(`/api/strategies/${encodeURIComponent(symbol)}`, { cache: 'no-store' });
    const body = await response.json();
    if (state.strategiesFor !== key) return; // another coin or a newer evaluation took over
    if (!response.ok) throw new Error(`${body.code}: ${body.message}`);
    const fired = (body.signals || []).filter((signal) => signal.action && signal.action !== 'ACTION_HOLD');
    if (fired.length === 0) {
      const item = document.createElement('li');
      item.textContent = 'none: every strategy says HOLD';
      list.replaceChildren(item);
      return;
    }
    list.replaceChildren(...fired.map((signal) => {
      const item = document.createElement('li');
      item.className = 'fired';
      const head = document.createElement('span');
      const action = actionName(signal.action);
      const strong = document.createElement('strong');
      strong.className = `action-${action}`;
      strong.textContent = `${signal.strategyId} ${action}`;
      head.append(strong, ` ${signal.name} · strength ${(signal.strength || 0).toFixed(2)} · confidence ${(signal.confidence || 0).toFixed(2)}`);
      const reason = document.createElement('span');
      reason.className = 'reason';
      reason.textContent = signal.reason || '';
      item.append(head, reason);
      return item;
    }));
  } catch (error) {
    if (state.strategiesFor !== key) return;
    const item = document.createElement('li');
    item.textContent = `could not load the strategies: ${error.message}`;
    list.replaceChildren(item);
  }
}

// ---- status cards ---------------------------------------------------------------------------

async function readJSON(path) {
  const response = await fetch(path, { cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${body.code || response.status}: ${body.message || response.statusText}`);
  return body;
}

async function refreshStatus() {
  try {
    const status = await readJSON('/api/system/status');
    fillList($('system-status'), [
      ['state', status.running ? 'running' : 'stopped', status.running ? 'up' : 'down'],
      ['market', (status.marketSource || '').replace(/^MARKET_SOURCE_/, '').toLowerCase() || '—'],
      ['coins', `${status.coinsEnabled || 0} enabled, ${status.coinsStale || 0} stale`],
      ['exchange calls', `${formatNumber(status.callsPerMinute || 0, 3)} / min`],
      ['subscribers', String((status.streams && status.streams.subscribers) || 0)],
      ['uptime', formatDuration(status.uptimeSeconds)], ['version', status.version || '—'],
    ]);
  } catch (error) {
    fillList($('system-status'), [['error', error.message, 'down']]);
  }
  try {
    const trading = await readJSON('/api/trading');
    const totals = trading.totals || {};
    fillList($('trading-status'), [
      ['autobuy', trading.autobuyRunning ? 'running' : 'stopped', trading.autobuyRunning ? 'up' : ''],
      ['mode', (trading.mode || '').replace(/^TRADING_MODE_/, '').toLowerCase() || '—'],
      ['positions', String((trading.positions || []).length)], ['open orders', String((trading.openOrders || []).length)],
      ['trades', `${totals.tradesSucceeded || 0} filled, ${totals.tradesRefused || 0} refused, ${totals.tradesFailed || 0} failed`],
      ['realised P&L', formatSigned(totals.realizedPnl || '0'), signClass(totals.realizedPnl)],
      ['unrealised P&L', formatSigned(totals.unrealizedPnl || '0'), signClass(totals.unrealizedPnl)],
      ...(trading.killSwitchActive ? [['kill switch', trading.killSwitchReason || 'active', 'down']] : []),
    ]);
  } catch (error) {
    fillList($('trading-status'), [['error', error.message, 'down']]);
  }
}

/** Refreshes the trading card when a trade event is pushed (debounced to one read per second). */
function watchTradeEvents() {
  let pending = null;
  const source = new EventSource('/api/trading/events');
  const refresh = () => { if (!pending) pending = setTimeout(() => { pending = null; refreshStatus(); }, 1000); };
  for (const name of ['order', 'fill', 'decision', 'position', 'autobuy', 'message']) source.addEventListener(name, refresh);
}

// ---- state-changing actions -----------------------------------------------------------------

function showResult(text, isError) {
  const result = $('action-result');
  result.hidden = false;
  result.className = `action-result${isError ? ' error' : ''}`;
  result.textContent = text;
}

/** Asks for the token (pre-filled when remembered), then sends the action. */
function askToken(path, label) {
  state.pendingAction = { path, label };
  $('token-title').textContent = `API token to ${label}`;
  const remembered = sessionStorage.getItem(TOKEN_KEY) || '';
  $('token-input').value = remembered;
  $('token-remember').checked = remembered !== '';
  $('token-dialog').showModal();
  $('token-input').focus();
}

async function sendAction(path, label, token) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  try {
    const response = await fetch(path, { method: 'POST', headers, cache: 'no-store' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      showResult(`Could not ${label}: ${body.code || response.status}: ${body.message || response.statusText}`, true);
    } else {
      const detail = body.message || (body.cancelled ? `${body.cancelled.length} orders cancelled` : 'done');
      showResult(`${label}: ${detail}`, false);
    }
  } catch (error) {
    showResult(`Could not ${label}: ${error.message}`, true);
  }
  refreshStatus();
}

function setUpActions() {
  for (const button of document.querySelectorAll('#status button[data-path]')) {
    button.addEventListener('click', () => askToken(button.dataset.path, button.dataset.label));
  }
  $('btn-cancel-coin').addEventListener('click', () => {
    if (state.selected) askToken(`/api/trading/cancel/${encodeURIComponent(state.selected)}`, `cancel the open orders of ${state.selected}`);
  });
  $('token-dialog').addEventListener('close', () => {
    const action = state.pendingAction;
    state.pendingAction = null;
    if (!action || $('token-dialog').returnValue !== 'send') return;
    const token = $('token-input').value.trim();
    if ($('token-remember').checked && token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
    sendAction(action.path, action.label, token);
  });
  $('detail-close').addEventListener('click', closeDetail);
}

// ---- start ----------------------------------------------------------------------------------

function start() {
  setUpActions();
  connect();
  refreshStatus();
  setInterval(refreshStatus, STATUS_REFRESH_MS);
  watchTradeEvents();
  window.addEventListener('resize', () => { if (state.selected) renderDetail(); });
}

document.addEventListener('DOMContentLoaded', start);
