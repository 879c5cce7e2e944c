import { num, numeric, object, optional, oneOf, str, bool } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, swapMarket, table, TierTableError, type TierSource, type TierRow } from '../../liquidation/tier-source';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const detail = object({
  symbol: str({ max: 40 }),
  contractSize: numeric({ min: 0 }),
  maintenanceMarginRate: numeric({ min: 0, max: 0.99 }),
  initialMarginRate: optional(numeric({ min: 0 })),
  maxLeverage: optional(numeric({ min: 0 })),
  riskBaseVol: numeric({ min: 0 }),
  riskIncrVol: numeric({ min: 0 }),
  riskIncrMmr: numeric({ min: 0, max: 0.99 }),
  riskLevelLimit: num({ min: 1, max: 200, integer: true }),
  riskLimitType: optional(oneOf(['BY_VOLUME', 'BY_VALUE'] as const)),
});
const response = object({ success: bool, code: optional(num()), message: optional(str({ max: 500 })), data: optional(detail) });

function venueSymbol(market: Market): string {
  const m = swapMarket('mexc', market);
  return m.contract === 'inverse' ? `${m.base}_USD` : `${m.base}_${m.quote}`;
}

/**
 * MEXC publishes its risk tiers as a rule in the contract detail: tier k (from 0) holds positions
 * up to riskBaseVol + k·riskIncrVol with maintenance rate maintenanceMarginRate + k·riskIncrMmr,
 * for riskLevelLimit tiers. BY_VOLUME counts contracts (converted with contractSize); BY_VALUE counts notional.
 */
function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('mexc', () => {
    const body = response(json, '');
    if (!body.success || !body.data) throw new TierTableError('mexc', `exchange error ${body.code ?? ''}: ${body.message ?? 'no data'}`);
    const d = body.data;
    if (d.symbol !== venueSymbol(market)) throw new TierTableError('mexc', `response is for ${d.symbol}, not ${venueSymbol(market)}`);
    if (!(d.riskBaseVol > 0)) throw new TierTableError('mexc', 'riskBaseVol must be > 0');
    const byValue = d.riskLimitType === 'BY_VALUE';
    const unit = byValue ? 1 : d.contractSize;
    const rows: TierRow[] = [];
    for (let k = 0; k < d.riskLevelLimit; k++) {
      rows.push({ cap: (d.riskBaseVol + k * d.riskIncrVol) * unit, mmr: d.maintenanceMarginRate + k * d.riskIncrMmr });
    }
    const tiers = chainTiers(rows);
    return table('mexc', market, tiers, byValue ? 'notional' : 'quantity', 'mexc:/api/v1/contract/detail', fetchedAt);
  });
}

export const tierSource: TierSource = {
  venue: 'mexc',
  request(market) {
    return { url: `https://contract.mexc.com/api/v1/contract/detail?symbol=${venueSymbol(market)}` };
  },
  parse,
  bundled: [
    {
      venue: 'mexc',
      symbol: 'BTC/USDT:USDT',
      basis: 'quantity',
      // MEXC's own contract API docs (v1, released 2021-01-15 per their update log) show BTC_USDT's
      // detail: contractSize 0.0001, maintenanceMarginRate 0.004, riskBaseVol = riskIncrVol = 150000
      // contracts, riskIncrMmr 0.004, riskLevelLimit 5 — expanded here by the rule in parse().
      // Old (2021) and a docs example, not a live capture; ETH_USDT appears in no published example.
      source:
        'bundled:mexc-btc-usdt-contract-detail-rule (MEXC contract API docs v1 of 2021-01-15, contract/detail response example for BTC_USDT; repository mexcdevelop/apidocs source/index.html.md)',
      asOf: recordedOn('2021-01-15'),
      tiers: [
        { floor: 0, cap: 15, mmr: 0.004, maintenanceAmount: 0 },
        { floor: 15, cap: 30, mmr: 0.008, maintenanceAmount: 0 },
        { floor: 30, cap: 45, mmr: 0.012, maintenanceAmount: 0 },
        { floor: 45, cap: 60, mmr: 0.016, maintenanceAmount: 0 },
        { floor: 60, cap: 75, mmr: 0.02, maintenanceAmount: 0 },
      ],
    },
  ],
};
