/**
 * Replays recorded exchange API responses for the E2E tests, the demo and the benches.
 *
 * The background worker fetches the real exchange URLs; the browser harness intercepts them
 * and asks this table for an answer. Every answer is built from a file in test/fixtures/replay/
 * (see PROVENANCE.md there). Anything the table does not know gets a 404 and is logged, so a
 * missing fixture is visible instead of silently empty.
 *
 * Time: recorded series end months ago, and the product treats old data as stale. Each series is
 * shifted as a whole so that its last bar is the bar open "now" (shape and prices untouched);
 * request times (startTime/endTime) are shifted back before they index the recording.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPLAY_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/replay');

export interface ReplayRequest {
  method: string;
  url: URL;
  body: string | null;
}

export interface ReplayResponse {
  status: number;
  body: string;
  contentType: string;
  /** The fixture file(s) the body was built from, for logs. */
  fixture: string;
}

interface Rule {
  /** For logs and the README table. */
  name: string;
  method: 'GET' | 'POST';
  host: string;
  path: string;
  respond: (request: ReplayRequest, clock: () => number) => ReplayResponse | null;
}

const HOUR = 3_600_000;
const INTERVAL_MS: Record<string, number> = { '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': HOUR, '2h': 2 * HOUR, '4h': 4 * HOUR };

const cache = new Map<string, unknown>();
function memo<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

function readCsv(file: string): Record<string, string>[] {
  return memo(`csv:${file}`, () => {
    const [header, ...lines] = fs.readFileSync(path.join(REPLAY_DIR, file), 'utf8').trim().split(/\r?\n/);
    const names = header!.split(',');
    return lines.map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
    });
  });
}

const json = (status: number, value: unknown, fixture: string): ReplayResponse => ({
  status,
  body: JSON.stringify(value),
  contentType: 'application/json',
  fixture,
});

/** A recorded series with a timestamp per row, replayed as if its last row were the current bar. */
interface Series<Row> {
  fixture: string;
  intervalMs: number;
  rows: Row[];
  time: (row: Row) => number;
}

function shiftFor<Row>(series: Series<Row>, now: number): number {
  const last = series.time(series.rows[series.rows.length - 1]!);
  return Math.floor(now / series.intervalMs) * series.intervalMs - last;
}

/** Binance-style window selection: startTime/endTime (shifted back), then `limit` newest rows. */
function selectWindow<Row>(series: Series<Row>, params: URLSearchParams, now: number, defaultLimit: number, maxLimit: number) {
  const shift = shiftFor(series, now);
  const limit = Math.min(Math.max(Number(params.get('limit') ?? defaultLimit) || defaultLimit, 1), maxLimit);
  const start = params.has('startTime') ? Number(params.get('startTime')) - shift : -Infinity;
  const end = params.has('endTime') ? Number(params.get('endTime')) - shift : Infinity;
  const inRange = series.rows.filter((r) => series.time(r) >= start && series.time(r) <= end);
  // With a startTime Binance returns the oldest `limit` rows from there; otherwise the newest.
  const rows = params.has('startTime') ? inRange.slice(0, limit) : inRange.slice(-limit);
  return { rows, shift };
}

/**
 * The recorded bar replayed as "now": 2026-01-31 00:00 UTC, close 84,028.1, which matches the
 * price on the page reader's Binance fixture (84,012.3), so page, mark and model agree. The
 * recordings go on past it (the early-February slide); those rows are not served.
 */
export const SCENE_END = Date.UTC(2026, 0, 31, 0);

const KLINE_FILES: Record<string, Record<string, string[]>> = {
  BTCUSDT: { '1h': ['binance/binance_um_BTCUSDT-1h-2025-12.csv', 'binance/binance_um_BTCUSDT-1h-2026-01.csv'] },
};

function klineSeries(symbol: string, interval: string): Series<Record<string, string>> | null {
  const files = KLINE_FILES[symbol]?.[interval];
  if (!files) return null;
  return memo(`klines:${symbol}:${interval}`, () => ({
    fixture: files.join(' + '),
    intervalMs: INTERVAL_MS[interval]!,
    rows: files.flatMap(readCsv).filter((r) => Number(r.open_time) <= SCENE_END),
    time: (r: Record<string, string>) => Number(r.open_time),
  }));
}

const OI_FILE = 'binance/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv';

/**
 * Open interest as Binance reports it: the value at `timestamp`. The CoinGlass file stamps each
 * hour's open and gives `oi_close`, the value at the hour's end, so rows are stamped at the end.
 * Rows are cut so the last stamp is the current bar's open, and shifted with the klines.
 */
function oiSeries(symbol: string, period: string): Series<Record<string, string>> | null {
  if (symbol !== 'BTCUSDT' || period !== '1h') return null;
  return memo('oi:BTCUSDT:1h', () => ({
    fixture: OI_FILE,
    intervalMs: HOUR,
    rows: readCsv(OI_FILE).filter((r) => Number(r.timestamp) + HOUR <= SCENE_END),
    time: (r: Record<string, string>) => Number(r.timestamp) + HOUR,
  }));
}

const PREMIUM_FILE = 'binance/binance_fapi_v1_premiumIndex_all_2024-11-27.json';

/**
 * premiumIndex: the recorded 2024 response for every symbol, except that symbols replayed from
 * klines get their mark and index price from the replayed bar open now (its close), so the mark
 * matches the chart and the model's price grid. Funding for BTCUSDT comes from the same bar of
 * the recorded CoinGlass regime file (percent → fraction).
 */
function premiumIndex(request: ReplayRequest, now: number): ReplayResponse {
  const recorded = memo(PREMIUM_FILE, () => JSON.parse(fs.readFileSync(path.join(REPLAY_DIR, PREMIUM_FILE), 'utf8')) as Record<string, unknown>[]);
  const rows = recorded.map((row) => {
    const symbol = String(row.symbol);
    const series = klineSeries(symbol, '1h');
    if (!series) return row;
    const bar = series.rows[series.rows.length - 1]!;
    const oiBar = oiSeries(symbol, '1h')?.rows.at(-1);
    const price = Number(bar.close).toFixed(8);
    return {
      ...row,
      markPrice: price,
      indexPrice: price,
      estimatedSettlePrice: price,
      lastFundingRate: oiBar ? (Number(oiBar.funding_close) / 100).toFixed(8) : row.lastFundingRate,
      nextFundingTime: Math.ceil((now + 1) / (8 * HOUR)) * 8 * HOUR,
      time: now,
    };
  });
  const symbol = request.url.searchParams.get('symbol');
  if (symbol === null) return json(200, rows, PREMIUM_FILE);
  const one = rows.find((r) => r.symbol === symbol);
  return one ? json(200, one, PREMIUM_FILE) : json(400, { code: -1121, msg: 'Invalid symbol.' }, PREMIUM_FILE);
}

function klines(request: ReplayRequest, now: number): ReplayResponse | null {
  const params = request.url.searchParams;
  const series = klineSeries(params.get('symbol') ?? '', params.get('interval') ?? '');
  if (!series) return null;
  const { rows, shift } = selectWindow(series, params, now, 500, 1500);
  // Binance's array layout; numbers that Binance sends as strings stay strings.
  const body = rows.map((r) => [
    Number(r.open_time) + shift,
    r.open,
    r.high,
    r.low,
    r.close,
    r.volume,
    Number(r.close_time) + shift,
    r.quote_volume,
    Number(r.count),
    r.taker_buy_volume,
    r.taker_buy_quote_volume,
    '0',
  ]);
  return json(200, body, series.fixture);
}

function openInterestHist(request: ReplayRequest, now: number): ReplayResponse | null {
  const params = request.url.searchParams;
  const symbol = params.get('symbol') ?? '';
  const series = oiSeries(symbol, params.get('period') ?? '');
  const bars = klineSeries(symbol, '1h');
  if (!series || !bars) return null;
  const closeAt = memo(`closeAt:${symbol}`, () => new Map(bars.rows.map((b) => [Number(b.open_time) + HOUR, Number(b.close)])));
  const { rows, shift } = selectWindow(series, params, now, 30, 500);
  const body = rows.map((r) => {
    const at = series.time(r);
    const value = Number(r.oi_close);
    return {
      symbol,
      // CoinGlass recorded the value in USD; the coin amount is derived with that hour's kline close.
      sumOpenInterest: (value / (closeAt.get(at) ?? Number(r.price_close))).toFixed(8),
      sumOpenInterestValue: value.toFixed(8),
      timestamp: at + shift,
    };
  });
  return json(200, body, series.fixture);
}

const EXCHANGE_INFO = 'binance/exchangeInfo_BTCUSDT-ETHUSDT_BUILT-FROM-DOCS.json';

function verbatim(file: string): ReplayResponse {
  return {
    status: 200,
    body: memo(`file:${file}`, () => fs.readFileSync(path.join(REPLAY_DIR, file), 'utf8')),
    contentType: 'application/json',
    fixture: file,
  };
}

const HL_META = 'hyperliquid/hyperliquid_info_meta_2023.json';

function hyperliquidInfo(request: ReplayRequest): ReplayResponse | null {
  let body: { type?: unknown } | null = null;
  try {
    body = JSON.parse(request.body ?? 'null') as { type?: unknown } | null;
  } catch {
    return json(422, { error: 'Failed to deserialize the JSON body' }, HL_META);
  }
  if (body?.type !== 'meta') return null;
  return verbatim(HL_META);
}

/**
 * Binance's key-less bracket endpoint (behind the "Leverage & Margin" page). No recording exists:
 * the file is BUILT FROM the response shape and BTCUSDT brackets 1–4 published in an observed
 * capture of 2026-08-02 (see PROVENANCE.md). The real endpoint returns every symbol for a POST `{}`
 * (or a GET); the file holds only BTCUSDT, the one symbol the replay scenes trade.
 */
const BAPI_BRACKETS = 'binance/bapi_friendly_future_common_brackets_BTCUSDT-1-4.from-docs.json';
const OKX_INSTRUMENTS = '../api/okx/instruments_SWAP_3-rows_2025.recorded.json';
const OKX_LIQUIDATION_ORDERS = '../api/okx/liquidation-orders_SWAP.from-docs.json';

/**
 * CoinAnk (a vendor: asked only once a key is saved and its host granted). No recording exists: the
 * documented ETH example of `/api/liquidation/allExchange/intervals`, renamed to BTC (see PROVENANCE.md).
 */
const COINANK_INTERVALS_BTC = 'coinank/coinank_liquidation_allExchange_intervals_BTC.from-docs.json';
/** The documented ETH example itself, for views that ask for BTC and ETH. */
const COINANK_INTERVALS_ETH = '../api/coinank/coin-intervals_ETH.from-docs.json';

export const RULES: Rule[] = [
  { name: 'Binance mark price', method: 'GET', host: 'fapi.binance.com', path: '/fapi/v1/premiumIndex', respond: (r, clock) => premiumIndex(r, clock()) },
  { name: 'Binance klines', method: 'GET', host: 'fapi.binance.com', path: '/fapi/v1/klines', respond: (r, clock) => klines(r, clock()) },
  {
    name: 'Binance open interest history',
    method: 'GET',
    host: 'fapi.binance.com',
    path: '/futures/data/openInterestHist',
    respond: (r, clock) => openInterestHist(r, clock()),
  },
  {
    name: 'Binance exchange info (built from docs)',
    method: 'GET',
    host: 'fapi.binance.com',
    path: '/fapi/v1/exchangeInfo',
    respond: () => verbatim(EXCHANGE_INFO),
  },
  {
    name: 'Binance bapi brackets (built from docs)',
    method: 'POST',
    host: 'www.binance.com',
    path: '/bapi/futures/v1/friendly/future/common/brackets',
    respond: () => verbatim(BAPI_BRACKETS),
  },
  {
    name: 'Binance bapi brackets (built from docs)',
    method: 'GET',
    host: 'www.binance.com',
    path: '/bapi/futures/v1/friendly/future/common/brackets',
    respond: () => verbatim(BAPI_BRACKETS),
  },
  { name: 'Hyperliquid meta', method: 'POST', host: 'api.hyperliquid.xyz', path: '/info', respond: (r) => hyperliquidInfo(r) },
  {
    name: 'CoinAnk coin liquidation totals (built from docs)',
    method: 'GET',
    host: 'open-api.coinank.com',
    path: '/api/liquidation/allExchange/intervals',
    respond: (r) => {
      const coin = r.url.searchParams.get('baseCoin');
      return coin === 'BTC' ? verbatim(COINANK_INTERVALS_BTC) : coin === 'ETH' ? verbatim(COINANK_INTERVALS_ETH) : null;
    },
  },
  // OKX's stream facts and history, asked for when the background collects with the default venues
  // (before a test switches OKX off): a recorded 3-row instruments answer and the documented
  // liquidation-orders example (its 2023 orders lie outside any 24 h backfill, so none is counted).
  { name: 'OKX swap instruments (recorded)', method: 'GET', host: 'www.okx.com', path: '/api/v5/public/instruments', respond: () => verbatim(OKX_INSTRUMENTS) },
  {
    name: 'OKX liquidation orders (built from docs)',
    method: 'GET',
    host: 'www.okx.com',
    path: '/api/v5/public/liquidation-orders',
    respond: () => verbatim(OKX_LIQUIDATION_ORDERS),
  },
];

/** The recorded answer for a request, or null when no fixture covers it. */
export function replay(request: ReplayRequest, clock: () => number = Date.now): ReplayResponse | null {
  for (const rule of RULES) {
    if (rule.method !== request.method || rule.host !== request.url.hostname || rule.path !== request.url.pathname) continue;
    const answer = rule.respond(request, clock);
    if (answer) return answer;
  }
  return null;
}

/** What an unknown API request gets: a 404 whose body says which fixture is missing. */
export function missingFixture(request: ReplayRequest): ReplayResponse {
  return json(404, { error: 'liqlens-replay: no recorded response for this request', method: request.method, url: request.url.href }, '(none)');
}
