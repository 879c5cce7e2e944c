import type { Bar } from './book';
import type { OiPoint } from './heatmap';

/** A CSV that does not have what the model needs; the message says which file part is wrong. */
export class CsvFormatError extends Error {}

export interface RealizedPoint {
  time: number;
  longUsd: number;
  shortUsd: number;
}

/** ms when a timestamp looks like µs (data.binance.vision switched spot files to µs in 2025) or s. */
export function toMs(value: number): number {
  if (value > 1e17) return Math.floor(value / 1e6);
  if (value > 1e14) return Math.floor(value / 1e3);
  if (value < 1e11) return value * 1000;
  return value;
}

function lines(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(',').map((c) => c.trim()));
}

function num(cell: string | undefined): number {
  if (cell === undefined || cell === '') return NaN;
  return Number(cell);
}

/**
 * data.binance.vision klines: `open_time,open,high,low,close,volume,close_time,quote_volume,count,
 * taker_buy_volume,taker_buy_quote_volume,ignore`, with or without a header row, open_time in ms or µs.
 */
export function parseKlinesCsv(text: string, name = 'klines'): Bar[] {
  const rows = lines(text);
  if (rows.length === 0) throw new CsvFormatError(`${name}: empty file`);
  let col = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, quoteVolume: 7, takerBuy: 9 };
  let start = 0;
  if (!Number.isFinite(Number(rows[0]![0]))) {
    const header = rows[0]!.map((h) => h.toLowerCase());
    const find = (...names: string[]) => header.findIndex((h) => names.includes(h));
    col = {
      time: find('open_time', 'open_time_us', 'open_time_ms', 'timestamp'),
      open: find('open'),
      high: find('high'),
      low: find('low'),
      close: find('close'),
      volume: find('volume'),
      quoteVolume: find('quote_volume', 'quote_asset_volume'),
      takerBuy: find('taker_buy_volume', 'taker_buy_base_asset_volume'),
    };
    const missing = Object.entries(col)
      .filter(([k, v]) => v < 0 && k !== 'quoteVolume' && k !== 'takerBuy')
      .map(([k]) => k);
    if (missing.length) throw new CsvFormatError(`${name}: not a kline CSV, missing column(s) ${missing.join(', ')}`);
    start = 1;
  } else if (rows[0]!.length < 6) {
    throw new CsvFormatError(`${name}: not a kline CSV (expected ≥ 6 columns, got ${rows[0]!.length})`);
  }
  const bars: Bar[] = [];
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    const bar: Bar = {
      time: toMs(num(row[col.time])),
      open: num(row[col.open]),
      high: num(row[col.high]),
      low: num(row[col.low]),
      close: num(row[col.close]),
      volume: num(row[col.volume]),
    };
    const quote = col.quoteVolume >= 0 ? num(row[col.quoteVolume]) : NaN;
    const taker = col.takerBuy >= 0 ? num(row[col.takerBuy]) : NaN;
    if (Number.isFinite(quote)) bar.quoteVolume = quote;
    if (Number.isFinite(taker)) bar.takerBuyVolume = taker;
    if (![bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume].every(Number.isFinite)) {
      throw new CsvFormatError(`${name}: row ${r + 1} is not a kline (${row.slice(0, 6).join(',')})`);
    }
    bars.push(bar);
  }
  return bars;
}

function headerIndex(rows: string[][], name: string, wanted: string[][]): number[] {
  if (rows.length === 0) throw new CsvFormatError(`${name}: empty file`);
  const header = rows[0]!.map((h) => h.toLowerCase());
  return wanted.map((alternatives) => {
    const i = header.findIndex((h) => alternatives.map((a) => a.toLowerCase()).includes(h));
    if (i < 0) {
      throw new CsvFormatError(`${name}: missing column ${alternatives.join(' or ')} (header: ${rows[0]!.slice(0, 8).join(',')})`);
    }
    return i;
  });
}

/** OI CSV read by header: `timestamp` (ms, interval open) and `oi_close` (USD at the interval's end). Empty cells are gaps. */
export function parseOiCsv(text: string, name = 'oi'): OiPoint[] {
  const rows = lines(text);
  const [t, v] = headerIndex(rows, name, [['timestamp'], ['oi_close']]) as [number, number];
  const out: OiPoint[] = [];
  for (let r = 1; r < rows.length; r++) {
    const time = num(rows[r]![t]);
    const usd = num(rows[r]![v]);
    if (!Number.isFinite(time)) throw new CsvFormatError(`${name}: row ${r + 1} has no timestamp`);
    if (Number.isFinite(usd) && usd >= 0) out.push({ time: toMs(time), usd });
  }
  return out;
}

/** Realized liquidations: `timestamp` (ms, interval open), `longUsd`,`shortUsd` (or liquidation_long_usd/_short_usd). */
export function parseLiquidationsCsv(text: string, name = 'liquidations'): RealizedPoint[] {
  const rows = lines(text);
  const [t, l, s] = headerIndex(rows, name, [['timestamp'], ['longUsd', 'liquidation_long_usd'], ['shortUsd', 'liquidation_short_usd']]) as [
    number,
    number,
    number,
  ];
  const out: RealizedPoint[] = [];
  for (let r = 1; r < rows.length; r++) {
    const time = num(rows[r]![t]);
    const longUsd = num(rows[r]![l]);
    const shortUsd = num(rows[r]![s]);
    if (!Number.isFinite(time)) throw new CsvFormatError(`${name}: row ${r + 1} has no timestamp`);
    if (Number.isFinite(longUsd) && Number.isFinite(shortUsd)) out.push({ time: toMs(time), longUsd, shortUsd });
  }
  return out;
}
