import { num, numeric, object, optional, oneOf, str, bool } from '../../messages/schema';
import { chainTiers, parsingTiers, swapMarket, table, TierTableError, type TierSource, type TierRow } from '../../liquidation/tier-source';
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
  // No dated, current MEXC table was found. MEXC's own API docs (2021-01-15) show a BTC_USDT rule
  // (0.4% to 15 BTC, +0.4% per 15 BTC), but a later real contract-detail payload in
  // thrasher-corp/gocryptotrader (exchanges/mexc/mexc_test.go, capture undated) shows a different one
  // (0.15% to 1.5 BTC, +0.5% per 20 BTC), so the docs table is known stale and would understate
  // maintenance at some sizes; the undated payload cannot be given an asOf. Fetch it.
  bundled: [],
};
