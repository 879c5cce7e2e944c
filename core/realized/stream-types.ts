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
  /** Set when the venue sends at most one liquidation per market per interval (says which): totals are a lower bound. */
  sampled?: string;
  /** Turns a unified symbol (a market watched on any venue) into the id this venue's subscription wants, or null. */
  venueSymbol(symbol: string): string | null;
  /** For binary frames (HTX sends gzip): the message text, or null when unreadable. */
  decode?(data: unknown): Promise<string | null>;
  /** An answer the venue requires to a message (HTX's application-level ping), or null. */
  reply?(data: string): string | null;
}

/** One page of a venue's REST liquidation history. */
export interface HistoryPage {
  events: LiquidationEvent[];
  rejected: number;
  /**
   * Where the next (older) page starts, epoch ms, when the venue pages by time window rather than by
   * the oldest record: an empty window then does not mean the history ended. Absent: the next page
   * is older than this page's oldest event, and an empty page ends the history.
   */
  next?: number;
}

/**
 * What a venue's history.ts describes: a public REST history of recent liquidations, per instrument
 * family, that fills the last 24 h (the gap before its stream started, or all of it for a venue
 * without a stream). Present exactly when its descriptor declares `liquidationHistory: true`.
 */
export interface LiquidationHistory {
  venue: VenueId;
  families: string[];
  /** Newest first; `olderThan` (epoch ms) pages further back; `now` is the backfill's clock. */
  endpoint(family: string, olderThan: number | undefined, now: number): StreamEndpoint<HistoryPage>;
  /** Contract sizes the parser needs (sizes in contracts): loaded before a page is read. */
  contracts?: StreamEndpoint<Record<string, ContractFacts>>;
  /** Most pages read per family on one backfill, within the venue's documented limits. */
  maxPages: number;
}

export const safeJson = (data: string): unknown => {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
};
