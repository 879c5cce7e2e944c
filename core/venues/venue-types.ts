import type { ErrorEnvelopeSpec } from '../net/errors';
import type { HostLimit } from '../net/rate-limit';

/** The venue's market id for a ccxt unified symbol and back: the one place a venue's names are spelled. */
export interface SymbolCodec {
  /** `BTC/USDT:USDT` → the venue's id (`BTCUSDT`, `BTC-USDT-SWAP`, …), or null when the venue lists no such perpetual. */
  toId(symbol: string): string | null;
  /** The venue's id → the unified symbol, or null for anything that is not one of its perpetuals. */
  fromId(id: string): string | null;
}

/** A capability the venue has, or the reason it has not (shown to developers, kept honest by the venue meta-test). */
export type Capability = true | { absent: string };

/**
 * The facts every context needs, the content script included (kept apart so that the trading page
 * carries no venue's request budgets, codecs or capabilities): id, name, trading pages, API origins.
 */
export interface VenueBasics<Id extends string = string> {
  id: Id;
  label: string;
  /** Match patterns for the content script: trading pages only. */
  pageMatches: readonly string[];
  /** Login, account, API-key and withdrawal pages that a broad pattern could reach. */
  pageExcludes: readonly string[];
  /** Host permission patterns for the public API the background calls. */
  apiOrigins: readonly string[];
  /** Modelled key-less by default (the default set must cover the venues that carry most open interest). */
  modelledByDefault: boolean;
}

/**
 * Everything about one exchange that is a fact rather than a parser: its basics, how fast we may
 * call its hosts, how it reports errors, how it names markets, and what it publishes. ccxt keeps the
 * same facts in one `describe()`.
 */
export interface VenueDescriptor<Id extends string = string> {
  basics: VenueBasics<Id>;
  api: {
    /** Request budget per API host: a burst of `capacity`, refilled at `perSecond`. */
    limits: Record<string, HostLimit>;
    /** How the venue reports an error inside a JSON body (the first shape that matches). */
    errorEnvelope: readonly ErrorEnvelopeSpec[];
  };
  symbols: SymbolCodec;
  capabilities: {
    /** Public open-interest history + klines: the key-less model can read this venue. */
    openInterestHistory: Capability;
    /** A public market-wide liquidation stream (`streams.ts`). */
    liquidationStream: Capability;
    /** A public REST history of liquidations to backfill from (`streams.ts`). */
    liquidationHistory: Capability;
  };
  /** The venue's name at each vendor, where the vendor covers it. */
  vendorNames: { coinglass?: string; coinalyze?: string; coinank?: string };
}
