import type { Market, VenueId } from '../types';
import type { InstrumentInfo, MarkPrice } from '../messages/protocol';
import type { RequestSpec } from './request';

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

/** One closed bar, in the model's Bar shape (core/model/book.ts). */
export interface Kline {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Base-coin volume. */
  volume: number;
  takerBuyVolume?: number;
  quoteVolume?: number;
}

/** Open interest at `time`, in base coin and/or USD, whichever the venue reports. */
export interface OpenInterestPoint {
  time: number;
  base?: number;
  usd?: number;
}

export type BarInterval = '5m' | '15m' | '1h';

export interface VenueMarketData {
  venue: VenueId;
  /** The venue's own id for a unified symbol, or null when the venue does not list that kind. */
  venueSymbol(symbol: string): string | null;
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
