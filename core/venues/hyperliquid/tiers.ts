import { array, num, numeric, object, optional, str, unknownValue } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const asset = object({ name: str({ max: 40 }), maxLeverage: num({ min: 1, max: 1000 }), marginTableId: optional(num({ min: 0, integer: true })) });
const marginTable = object({
  description: optional(str({ max: 200 })),
  marginTiers: array(object({ lowerBound: numeric({ min: 0 }), maxLeverage: num({ min: 1, max: 1000 }) }), { max: 50 }),
});
const meta = object({ universe: array(asset, { max: 5000 }), marginTables: optional(array(unknownValue, { max: 1000 })) });

/**
 * Maintenance rate of a tier = 1 / (2 · its max leverage) ("half of the initial margin at max
 * leverage"); deductions by the margin-tiers recurrence. Margin-table ids below 50 are a single
 * tier whose max leverage is the id; pre-2024 responses have no tables and use the asset's maxLeverage.
 */
function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('hyperliquid', () => {
    // metaAndAssetCtxs answers [meta, ctxs]; meta answers the object.
    const body = meta(Array.isArray(json) ? json[0] : json, 'meta');
    const coin = tierMarketId('hyperliquid', venue.symbols, market);
    const entry = body.universe.find((a) => a.name === coin);
    if (!entry) throw new TierTableError('hyperliquid', `${coin} not in the universe`);
    let steps = [{ lowerBound: 0, maxLeverage: entry.maxLeverage }];
    const id = entry.marginTableId;
    if (id !== undefined && id < 50) steps = [{ lowerBound: 0, maxLeverage: id }];
    else if (id !== undefined) {
      const found = (body.marginTables ?? []).find((t) => Array.isArray(t) && t[0] === id) as [number, unknown] | undefined;
      if (!found) throw new TierTableError('hyperliquid', `margin table ${id} missing from the response`);
      steps = marginTable(found[1], `marginTables[${id}]`).marginTiers;
    }
    if (steps.length === 0) throw new TierTableError('hyperliquid', 'empty margin table');
    const sorted = [...steps].sort((a, b) => a.lowerBound - b.lowerBound);
    const tiers = chainTiers(
      sorted.map((s, i) => ({
        floor: s.lowerBound,
        cap: i + 1 < sorted.length ? sorted[i + 1]!.lowerBound : Infinity,
        mmr: 1 / (2 * s.maxLeverage),
        maxLeverage: s.maxLeverage,
      })),
      { recurrence: true },
    );
    return table('hyperliquid', market, tiers, 'notional', 'hyperliquid:/info meta', fetchedAt);
  });
}

const mainnet2026 = recordedOn('2026-01-01');

export const tierSource: TierSource = {
  venue: 'hyperliquid',
  request(market) {
    if (!venue.symbols.toId(market.symbol)) return null;
    return { url: 'https://api.hyperliquid.xyz/info', method: 'POST', body: { type: 'meta' } };
  },
  parse,
  bundled: [
    {
      venue: 'hyperliquid',
      symbol: 'BTC/USDC:USDC',
      basis: 'notional',
      source: 'bundled:hyperliquid-margin-table-56 "tiered 40x" (mainnet meta recorded in 2026, day not recorded)',
      asOf: mainnet2026,
      tiers: chainTiers([
        { cap: 150_000_000, mmr: 1 / 80, maintenanceAmount: 0, maxLeverage: 40 },
        { cap: Infinity, mmr: 1 / 40, maintenanceAmount: 1_875_000, maxLeverage: 20 },
      ]),
    },
    {
      venue: 'hyperliquid',
      symbol: 'ETH/USDC:USDC',
      basis: 'notional',
      source: 'bundled:hyperliquid-margin-table-55 "tiered 25x" (mainnet meta recorded in 2026, day not recorded)',
      asOf: mainnet2026,
      tiers: chainTiers([
        { cap: 100_000_000, mmr: 1 / 50, maintenanceAmount: 0, maxLeverage: 25 },
        { cap: Infinity, mmr: 1 / 30, maintenanceAmount: 100_000_000 * (1 / 30 - 1 / 50), maxLeverage: 15 },
      ]),
    },
  ],
};
