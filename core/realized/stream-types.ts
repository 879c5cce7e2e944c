import type { VenueId } from '../types';
import type { LiquidationEvent } from './types';

/** Contract facts a stream parser needs when sizes come in contracts (OKX). */
export interface StreamContext {
  contract(venueSymbol: string): { ctVal: number; inverse: boolean } | undefined;
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
  /** Turns a unified symbol into the id the subscription wants, or null. */
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
