/**
 * Vocabulary shared by every part of LiqLens. Pure types and tiny helpers only:
 * no extension, page or network globals may be imported from `core/`.
 */

/** A venue's id: the name of its folder under core/venues/, listed once in core/venues/registry.ts. */
export type { VenueId } from './venues/registry';
import type { VenueId } from './venues/registry';

export type Side = 'long' | 'short';
export type ContractKind = 'linear' | 'inverse';
export type MarginMode = 'isolated' | 'cross';
export type PositionMode = 'one-way' | 'hedge';

/** A derivatives market named the ccxt way: `BTC/USDT:USDT` (linear), `BTC/USD:BTC` (inverse). */
export interface Market {
  venue: VenueId;
  symbol: string;
}

export interface UnifiedSymbol {
  base: string;
  quote: string;
  settle: string;
  /** Inverse when the contract settles in the base coin (`BTC/USD:BTC`). */
  contract: ContractKind;
}

const UNIFIED_SYMBOL = /^([A-Z0-9]{1,20})\/([A-Z0-9]{2,10}):([A-Z0-9]{1,20})$/;

/** Parses a ccxt unified swap symbol; returns null for anything else (spot, options, junk). */
export function parseUnifiedSymbol(symbol: string): UnifiedSymbol | null {
  const match = UNIFIED_SYMBOL.exec(symbol);
  if (!match) return null;
  const [, base, quote, settle] = match as unknown as [string, string, string, string];
  if (settle !== quote && settle !== base) return null;
  return { base, quote, settle, contract: settle === base && settle !== quote ? 'inverse' : 'linear' };
}

export function unifiedSymbol(base: string, quote: string, settle = quote): string {
  return `${base.toUpperCase()}/${quote.toUpperCase()}:${settle.toUpperCase()}`;
}

export function sameMarket(a: Market | null | undefined, b: Market | null | undefined): boolean {
  return !!a && !!b && a.venue === b.venue && a.symbol === b.symbol;
}

/** Where a number came from and how old it is: every figure on screen carries one. */
export interface Provenance {
  /** e.g. "<venue>:openInterestHist", "coinglass:aggregated-history", "model:liqlens-oi-delta". */
  source: string;
  /** Estimate (model output) or a measurement (realized feed, exchange-published value). */
  kind: 'estimate' | 'realized' | 'published';
  /** Key-less public data or a vendor the user has a key for. */
  access: 'keyless' | 'vendor';
  /** Epoch ms of the newest data point the figure is built from. */
  dataTime: number;
  /** Epoch ms when LiqLens fetched or computed it. */
  fetchedAt: number;
}
