import type { VenueId } from '../types';
import type { LiquidationEvent } from './types';
import type { RequestSpec } from '../net/request';

/** What one contract is worth, for venues that count liquidations in contracts. */
export interface ContractFacts {
  ctVal: number;
  inverse: boolean;
}

/** Contract facts a stream parser needs when sizes come in contracts. */
export interface StreamContext {
  contract(venueSymbol: string): ContractFacts | undefined;
}

/** A public request and its parser, as the stream's extras are described. */
export interface StreamEndpoint<T> {
  source: string;
  request: RequestSpec;
  parse(json: unknown, context: StreamContext): T;
}

/** What a venue's streams.ts describes: where to connect, what to send, how to read messages. */
export interface LiquidationStream {
  venue: VenueId;
  url: string;
  /** Messages to send once connected; `symbols` are venue ids of markets someone is watching. */
  subscribe(symbols: string[]): string[];
  /** Application-level keepalive the venue requires (and that keeps an MV3 worker awake). */
  keepalive: { message: string; everyMs: number } | null;
  /** Events in a message; [] for acks, pongs and other channels. Throws nothing on junk. */
  parse(data: string, context: StreamContext): { events: LiquidationEvent[]; rejected: number };
  /** Default markets followed when nobody is watching a specific one (venue ids). */
  defaultSymbols: string[];
  /** Contract sizes the parser needs (sizes in contracts): loaded before events are read or backfilled. */
  contracts?: StreamEndpoint<Record<string, ContractFacts>>;
  /**
   * A public REST history of recent liquidations, per instrument family, to fill the gap before the
   * stream started: newest first, `olderThan` (epoch ms) pages further back.
   */
  history?: { families: string[]; endpoint(family: string, olderThan?: number): StreamEndpoint<{ events: LiquidationEvent[]; rejected: number }> };
  /** Set when the venue sends at most one liquidation per market per interval (says which): totals are a lower bound. */
  sampled?: string;
  /** Turns a unified symbol (a market watched on any venue) into the id this venue's subscription wants, or null. */
  venueSymbol(symbol: string): string | null;
  /** For binary frames (HTX sends gzip): the message text, or null when unreadable. */
  decode?(data: unknown): Promise<string | null>;
  /** An answer the venue requires to a message (HTX's application-level ping), or null. */
  reply?(data: string): string | null;
}

export const safeJson = (data: string): unknown => {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
};
