import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, swapMarket, table, TierTableError, type TierSource } from '../../liquidation/tier-source';
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
  const m = swapMarket('okx', market);
  return m.contract === 'inverse' ? `${m.base}-USD` : `${m.base}-${m.quote}`;
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
  bundled: [
    {
      venue: 'okx',
      symbol: 'BTC/USDT:USDT',
      basis: 'quantity',
      source: 'bundled:okx-btc-usdt-tier-1 (live position-tiers tier 1 recorded in 2026, day not recorded: 0–1000 contracts × 0.01 BTC)',
      asOf: recordedOn('2026-01-01'),
      tiers: [{ floor: 0, cap: 10, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 100 }],
    },
    {
      venue: 'okx',
      symbol: 'ETH/USDT:USDT',
      basis: 'quantity',
      source: 'bundled:okx-eth-usdt-tier-1 (live position-tiers tier 1 recorded in 2026, day not recorded: 0–5000 contracts × 0.1 ETH)',
      asOf: recordedOn('2026-01-01'),
      tiers: [{ floor: 0, cap: 500, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 100 }],
    },
  ],
};
