import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

/**
 * OKX position tiers count the position in contracts (minSz/maxSz), so the table is converted to
 * the engine's quantity unit (base coin for USDT swaps, USD for coin-margined swaps) with ctVal.
 * ctVal comes from /api/v5/public/instruments; the values below cover the bundled markets.
 */
export const OKX_CONTRACT_VALUES: Readonly<Record<string, number>> = {
  'BTC-USDT': 0.01,
  'ETH-USDT': 0.1,
  'BTC-USD': 100,
  'ETH-USD': 10,
};

const row = object({
  instFamily: optional(str({ max: 40 })),
  uly: optional(str({ max: 40 })),
  tier: optional(str({ max: 10 })),
  minSz: numeric({ min: 0 }),
  maxSz: numeric({ min: 0 }),
  mmr: numeric({ min: 0, max: 0.99 }),
  maxLever: optional(numeric({ min: 0 })),
});
const response = object({ code: str({ max: 20 }), msg: optional(str({ max: 500 })), data: array(row, { max: 500 }) });

function family(market: Market): string {
  // The instrument family is the instId without its -SWAP suffix (BTC-USDT-SWAP → BTC-USDT).
  return tierMarketId('okx', venue.symbols, market).replace(/-SWAP$/, '');
}

function parse(json: unknown, market: Market, fetchedAt = Date.now(), contractValue?: number): TierTable {
  return parsingTiers('okx', () => {
    const body = response(json, '');
    if (body.code !== '0') throw new TierTableError('okx', `exchange error ${body.code}: ${body.msg ?? ''}`.trim());
    const fam = family(market);
    const ctVal = contractValue ?? OKX_CONTRACT_VALUES[fam];
    if (ctVal === undefined) throw new TierTableError('okx', `contract value of ${fam} unknown: pass it from /api/v5/public/instruments`);
    const rows = body.data.filter((r) => (r.instFamily ?? r.uly) === fam);
    if (rows.length === 0) throw new TierTableError('okx', `no tiers for ${fam}`);
    const tiers = chainTiers(
      rows.map((r) => ({
        floor: r.minSz * ctVal,
        cap: r.maxSz * ctVal,
        mmr: r.mmr,
        ...(r.maxLever !== undefined ? { maxLeverage: r.maxLever } : {}),
      })),
      { integerStep: ctVal },
    );
    return table('okx', market, tiers, 'quantity', 'okx:/api/v5/public/position-tiers', fetchedAt);
  });
}

export const tierSource: TierSource & { parse: typeof parse } = {
  venue: 'okx',
  request(market) {
    const fam = family(market);
    return { url: `https://www.okx.com/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=${fam}` };
  },
  parse,
  // Sizes are contracts × ctVal (BTC-USDT 0.01 BTC, ETH-USDT 0.1 ETH), so these tables are in base
  // coin, basis 'quantity', like the parser's output. Tier 1 of both is the one row a live
  // capture of 2026-09-25 (C# test fixture OkxPayloads, repository not named by the code index)
  // shows. BTC tiers 2-15 come from a fuller, undated position-tiers response whose repository's
  // other fixtures were recorded 2026-09-11..14 (asOf is the last of those days); its tier 1 is the
  // same as the dated capture's. It continues +0.5% per 20,000 contracts past tier 15; shipping
  // stops at 2,600 BTC and the engine says when a position runs past that. No ETH tier 2+ was found.
  bundled: [
    {
      venue: 'okx',
      symbol: 'BTC/USDT:USDT',
      basis: 'quantity',
      source:
        'bundled:okx-btc-usdt-tiers-1-15 (third-party test fixtures, not verified against OKX: GET /api/v5/public/position-tiers rows, 0-260,000 contracts × 0.01 BTC; tier 1 as in a live capture of 2026-09-25, tiers 2-15 from a response captured ≈ mid-Sept 2026, undated: belyjelli/ai-rates packages/adapters/__fixtures__/okx/position-tiers.json @0f3bdf77)',
      asOf: recordedOn('2026-09-14'),
      tiers: chainTiers([
        { cap: 10, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 100 },
        { cap: 50, mmr: 0.005, maintenanceAmount: 0, maxLeverage: 66.66 },
        { cap: 200, mmr: 0.0075, maintenanceAmount: 0, maxLeverage: 50 },
        { cap: 400, mmr: 0.0125, maintenanceAmount: 0, maxLeverage: 40 },
        { cap: 600, mmr: 0.0175, maintenanceAmount: 0, maxLeverage: 33.33 },
        { cap: 800, mmr: 0.0225, maintenanceAmount: 0, maxLeverage: 28.57 },
        { cap: 1_000, mmr: 0.0275, maintenanceAmount: 0, maxLeverage: 25 },
        { cap: 1_200, mmr: 0.0325, maintenanceAmount: 0, maxLeverage: 22.22 },
        { cap: 1_400, mmr: 0.0375, maintenanceAmount: 0, maxLeverage: 20 },
        { cap: 1_600, mmr: 0.0425, maintenanceAmount: 0, maxLeverage: 18.18 },
        { cap: 1_800, mmr: 0.0475, maintenanceAmount: 0, maxLeverage: 16.66 },
        { cap: 2_000, mmr: 0.0525, maintenanceAmount: 0, maxLeverage: 15.38 },
        { cap: 2_200, mmr: 0.0575, maintenanceAmount: 0, maxLeverage: 14.28 },
        { cap: 2_400, mmr: 0.0625, maintenanceAmount: 0, maxLeverage: 13.33 },
        { cap: 2_600, mmr: 0.0675, maintenanceAmount: 0, maxLeverage: 12.5 },
      ]),
    },
    {
      venue: 'okx',
      symbol: 'ETH/USDT:USDT',
      basis: 'quantity',
      source:
        'bundled:okx-eth-usdt-tier-1 (third-party test fixture, not verified against OKX: GET /api/v5/public/position-tiers tier 1, 0-5000 contracts × 0.1 ETH, as in a live capture of 2026-09-25: C# test fixture OkxPayloads, repository not named by the code index)',
      asOf: recordedOn('2026-09-25'),
      tiers: chainTiers([{ cap: 500, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 100 }]),
    },
  ],
};
