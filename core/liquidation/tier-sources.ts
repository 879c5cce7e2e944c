import type { Market } from '../types';
import { fromVenueFolders } from '../venues/registry';
import type { TierSource } from './tier-source';
import type { Tier, TierBasis, TierTable } from './types';

/** Every venue's tier source: the background fetches `request`, validates with `parse`, caches the table. */
export const TIER_SOURCES = fromVenueFolders('tiers.ts', import.meta.glob<TierSource>('../venues/*/tiers.ts', { eager: true, import: 'tierSource' }), (m) => m);

/** The dated table that ships with LiqLens for this market, or null (then the live table is required). */
export function bundledTiers(market: Market): TierTable | null {
  return TIER_SOURCES[market.venue].bundled.find((t) => t.symbol === market.symbol) ?? null;
}

/**
 * The tiers and their unit to hand to computeLiquidation. HTX publishes one ladder per leverage:
 * the ladder of the chosen leverage is used; when the venue has none for it, the nearest higher
 * one (HTX factors grow with leverage, so maintenance is overstated rather than understated and
 * the price errs towards entry), with a note saying so. Null when the leverage is needed but absent.
 */
export function tiersFor(
  table: TierTable,
  leverage?: number,
): { tiers: Tier[]; tierBasis: TierBasis; table: { source: string; asOf: number }; note?: string } | null {
  const base = { tierBasis: table.basis ?? 'notional', table: { source: table.source, asOf: table.asOf } } as const;
  const ladders = table.leverageLadders;
  if (!ladders || ladders.length === 0) return { tiers: table.tiers, ...base };
  if (leverage === undefined) return null;
  const exact = ladders.find((l) => l.leverage === leverage);
  if (exact) return { tiers: exact.tiers, ...base };
  const higher = ladders.find((l) => l.leverage > leverage) ?? ladders[ladders.length - 1]!;
  return { tiers: higher.tiers, ...base, note: `No adjustment factors published for ${leverage}x: used the ${higher.leverage}x ladder.` };
}
