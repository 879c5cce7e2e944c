import type { RequestSpec } from '../net/request';
import type { SymbolCodec } from '../venues/venue-types';
import { parseUnifiedSymbol, type Market, type UnifiedSymbol, type VenueId } from '../types';
import { maintenanceAmountsByRecurrence } from './math';
import type { Tier, TierBasis, TierTable } from './types';
import { validateTiers } from './validate';

/**
 * Where one venue's maintenance tiers come from: the public request the background makes, a
 * parser that distrusts the response, and dated tables that ship as a fallback.
 */
export interface TierSource {
  venue: VenueId;
  /** The venue's public tier endpoint for this market, or null when there is none we can call without a key. */
  request(market: Market): RequestSpec | null;
  /** Validates a response and normalises it; throws TierTableError saying what was wrong. */
  parse(json: unknown, market: Market, fetchedAt?: number): TierTable;
  /** Recorded tables (BTC and ETH where the numbers are known), each with its source and date. */
  bundled: readonly TierTable[];
}

/** A tier response that cannot be used: wrong shape, exchange error, no rows for the market, gaps. */
export class TierTableError extends Error {
  constructor(
    readonly venue: VenueId,
    message: string,
  ) {
    super(`${venue} tiers: ${message}`);
    this.name = 'TierTableError';
  }
}

/** Runs a venue parser and turns any schema or validation failure into one TierTableError. */
export function parsingTiers<T>(venue: VenueId, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TierTableError) throw error;
    throw new TierTableError(venue, error instanceof Error ? error.message : String(error));
  }
}

/** The venue's id for the market (its folder's symbol codec), or a TierTableError naming the market. */
export function tierMarketId(venue: VenueId, codec: SymbolCodec, market: Market): string {
  const id = codec.toId(market.symbol);
  if (!id) throw new TierTableError(venue, `not a ${venue} perpetual: ${market.symbol.slice(0, 40)}`);
  return id;
}

export function swapMarket(venue: VenueId, market: Market): UnifiedSymbol {
  const parts = parseUnifiedSymbol(market.symbol);
  if (!parts) throw new TierTableError(venue, `not a swap market symbol: ${market.symbol.slice(0, 40)}`);
  return parts;
}

/** One row as venues publish it: an upper bound (cap) and, where given, a lower bound. */
export interface TierRow {
  floor?: number;
  cap: number;
  mmr: number;
  maintenanceAmount?: number;
  maxLeverage?: number;
  adjustFactor?: number;
}

/**
 * Sorts rows by cap and chains them into half-open brackets: each floor becomes the previous cap.
 * A published floor may sit up to `integerStep` above the previous cap (HTX and OKX print integer
 * contract ranges 0–3999, 4000–…); a bigger difference is a gap and is rejected by validateTiers.
 * Missing maintenance amounts are filled by the continuity recurrence when `recurrence` is set.
 */
export function chainTiers(rows: TierRow[], opts: { integerStep?: number; recurrence?: boolean; openEnded?: boolean } = {}): Tier[] {
  const sorted = [...rows].sort((a, b) => a.cap - b.cap);
  const step = opts.integerStep ?? 0;
  const tiers: Tier[] = sorted.map((row, i) => {
    const previousCap = i === 0 ? 0 : sorted[i - 1]!.cap;
    const published = row.floor ?? previousCap;
    const floor = published >= previousCap && published - previousCap <= step * (1 + 1e-9) ? previousCap : published;
    const tier: Tier = { floor, cap: row.cap, mmr: row.mmr, maintenanceAmount: row.maintenanceAmount ?? 0 };
    if (row.maxLeverage !== undefined) tier.maxLeverage = row.maxLeverage;
    if (row.adjustFactor !== undefined) tier.adjustFactor = row.adjustFactor;
    return tier;
  });
  if (opts.openEnded && tiers.length > 0) tiers[tiers.length - 1]!.cap = Infinity;
  const result = opts.recurrence && rows.every((r) => r.maintenanceAmount === undefined) ? maintenanceAmountsByRecurrence(tiers) : tiers;
  return validateTiers(result);
}

export function table(venue: VenueId, market: Market, tiers: Tier[], basis: TierBasis, source: string, asOf: number): TierTable {
  return { venue, symbol: market.symbol, tiers, basis, source, asOf };
}

/** A bundled table's date: the day its numbers were recorded. */
export const recordedOn = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);
