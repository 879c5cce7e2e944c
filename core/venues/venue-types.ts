import type { ErrorEnvelope } from '../net/errors';
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
 * Everything about one exchange that is a fact rather than a parser: where its trading pages are,
 * which API hosts we call and how fast, how it reports errors, how it names markets, and what it
 * publishes. ccxt keeps the same facts in one `describe()`.
 */
export interface VenueDescriptor<Id extends string = string> {
  id: Id;
  label: string;
  site: {
    /** Match patterns for the content script: trading pages only. */
    pageMatches: string[];
    /** Login, account, API-key and withdrawal pages that a broad pattern could reach. */
    pageExcludes: string[];
  };
  api: {
    /** Host permission patterns for the public API the background calls. */
    origins: string[];
    /** Request budget per API host: a burst of `capacity`, refilled at `perSecond`. */
    limits: Record<string, HostLimit>;
    /** How the venue reports an error inside a JSON body. */
    errorEnvelope: ErrorEnvelope;
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
  /** Modelled key-less by default (the default set must cover the venues that carry most open interest). */
  modelledByDefault: boolean;
  /** The venue's name at each vendor, where the vendor covers it. */
  vendorNames: { coinglass?: string; coinalyze?: string };
}

export const defineVenue = <const Id extends string>(venue: VenueDescriptor<Id>): VenueDescriptor<Id> => venue;
