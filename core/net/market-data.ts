import type { Market, VenueId } from '../types';
import type { InstrumentInfo, MarkPrice } from '../messages/protocol';
import type { RequestSpec } from './request';
import type { Bar } from '../model/book';
import { array, numeric, SchemaError, unknownValue } from '../messages/schema';

/**
 * What every venue folder's market-data.ts exposes: public endpoints as RequestSpecs, each with
 * a parser that treats the response as hostile JSON (schemas from core/messages/schema.ts).
 */
export interface Endpoint<T> {
  /** e.g. "binance:premiumIndex": shown with the figure and in source status. */
  source: string;
  request: RequestSpec;
  parse(json: unknown): T;
}

/** One closed bar: exactly the model's Bar (core/model/book.ts), so venue parsers feed the model as is. */
export type Kline = Bar;

/**
 * The row shape Bybit and Bitget share: [open time, open, high, low, close, base volume, quote volume, …],
 * numbers as strings. Each field is checked; a short or non-numeric row names its index.
 */
export const ohlcvQuoteRow = (v: unknown, p: string): Kline => {
  const r = array(unknownValue, { max: 10 })(v, p);
  if (r.length < 7) throw new SchemaError(p, 'a candle row of 7 fields');
  const at = (i: number) => numeric({ min: 0 })(r[i], `${p}[${i}]`);
  return { time: at(0), open: at(1), high: at(2), low: at(3), close: at(4), volume: at(5), quoteVolume: at(6) };
};

/** Open interest at `time`, in base coin and/or USD, whichever the venue reports. */
export interface OpenInterestPoint {
  time: number;
  base?: number;
  usd?: number;
}

export type BarInterval = '5m' | '15m' | '1h';

export interface VenueMarketData {
  venue: VenueId;
  mark(symbol: string): Endpoint<MarkPrice>;
  instrument(symbol: string): Endpoint<Omit<InstrumentInfo, 'asOf'>>;
  markets(): Endpoint<Market[]>;
  /** Closed bars only (a still-open last bar is dropped), oldest first. */
  klines?(symbol: string, interval: BarInterval, limit: number, now: number): Endpoint<Kline[]>;
  /** Oldest first. */
  openInterestHistory?(symbol: string, interval: BarInterval, limit: number): Endpoint<OpenInterestPoint[]>;
  /** Taker buy volume (base coin) per bar open time, for venues whose klines lack it. */
  takerBuyVolume?(symbol: string, interval: BarInterval, limit: number): Endpoint<{ time: number; buy: number; sell: number }[]>;
}

/** Adds taker buy volume to bars that lack it, matched by bar open time. */
export function withTakerVolume(bars: Kline[], taker: readonly { time: number; buy: number }[]): Kline[] {
  const byTime = new Map(taker.map((t) => [t.time, t.buy]));
  return bars.map((b) => {
    const buy = byTime.get(b.time);
    return b.takerBuyVolume === undefined && buy !== undefined && buy <= b.volume * 1.0001 ? { ...b, takerBuyVolume: Math.min(buy, b.volume) } : b;
  });
}

export class UnsupportedMarket extends Error {
  constructor(venue: VenueId, symbol: string) {
    super(`${venue} has no public market for ${symbol}.`);
    this.name = 'UnsupportedMarket';
  }
}

export const qs = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

/** Sorts by time and drops duplicate times, so parsers return a clean series whatever the order. */
export function byTime<T extends { time: number }>(rows: T[]): T[] {
  const seen = new Map<number, T>();
  for (const r of rows) seen.set(r.time, r);
  return [...seen.values()].sort((a, b) => a.time - b.time);
}
