import { array, numeric, object, optional, str, unknownValue } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const row = object({
  symbol: str({ max: 40 }),
  riskLimitValue: numeric({ min: 0 }),
  maintenanceMargin: numeric({ min: 0 }),
  initialMargin: numeric({ min: 0 }),
  maxLeverage: numeric({ min: 0 }),
  mmDeduction: optional(unknownValue),
});
const result = object({ category: optional(str({ max: 20 })), list: array(row, { max: 2000 }) });
const envelope = object({ retCode: numeric(), retMsg: optional(str({ max: 500 })), result: unknownValue });

function venueSymbol(market: Market): { symbol: string; category: 'linear' | 'inverse' } {
  const symbol = tierMarketId('bybit', venue.symbols, market);
  return { symbol, category: symbol.endsWith('USD') ? 'inverse' : 'linear' };
}

/**
 * Bybit's docs example prints rates as percent ("0.5", "1") while live linear data are fractions
 * ("0.005"). Initial margin must be about 1/maxLeverage as a fraction, or 100/maxLeverage as a
 * percent: that decides the unit instead of guessing from the magnitude.
 */
function rateScale(rows: { initialMargin: number; maxLeverage: number }[]): number {
  const first = rows.find((r) => r.maxLeverage > 0 && r.initialMargin > 0);
  if (!first) return 1;
  const asFraction = Math.abs(first.initialMargin * first.maxLeverage - 1);
  const asPercent = Math.abs(first.initialMargin * first.maxLeverage - 100);
  return asPercent < asFraction ? 0.01 : 1;
}

function deduction(value: unknown, path: string): number | undefined {
  if (value === undefined || value === '' || value === null) return undefined;
  return numeric({ min: 0 })(value, path);
}

function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('bybit', () => {
    let payload: unknown = json;
    if (typeof json === 'object' && json !== null && 'retCode' in json) {
      const env = envelope(json, '');
      if (env.retCode !== 0) throw new TierTableError('bybit', `exchange error ${env.retCode}: ${env.retMsg ?? ''}`.trim());
      payload = env.result;
    }
    const { symbol } = venueSymbol(market);
    const rows = result(payload, 'result').list.filter((r) => r.symbol === symbol);
    if (rows.length === 0) throw new TierTableError('bybit', `no risk limits for ${symbol}`);
    const scale = rateScale(rows);
    const deductions = rows.map((r, i) => deduction(r.mmDeduction, `result.list[${i}].mmDeduction`));
    // Tier 1 prints "" for a zero deduction; later empty ones are filled by the continuity recurrence.
    const given = deductions.slice(1).every((d) => d !== undefined);
    const tiers = chainTiers(
      rows.map((r, i) => ({
        cap: r.riskLimitValue,
        mmr: r.maintenanceMargin * scale,
        ...(given ? { maintenanceAmount: deductions[i] ?? 0 } : {}),
        maxLeverage: r.maxLeverage,
      })),
      { recurrence: !given },
    );
    return table('bybit', market, tiers, 'notional', 'bybit:/v5/market/risk-limit', fetchedAt);
  });
}

export const tierSource: TierSource = {
  venue: 'bybit',
  request(market) {
    const { symbol, category } = venueSymbol(market);
    return { url: `https://api.bybit.com/v5/market/risk-limit?category=${category}&symbol=${symbol}` };
  },
  parse,
  bundled: [
    {
      venue: 'bybit',
      symbol: 'BTC/USDT:USDT',
      basis: 'notional',
      // Only the first two tiers were recorded. ETHUSDT was never captured, so none ships: fetch it.
      source: 'bundled:bybit-btcusdt-risk-limit-1-2 (live /v5/market/risk-limit captured 2026-09-25)',
      asOf: recordedOn('2026-09-25'),
      tiers: chainTiers([
        { cap: 300_000, mmr: 0.0033, maintenanceAmount: 0, maxLeverage: 150 },
        { cap: 2_000_000, mmr: 0.005, maintenanceAmount: 510, maxLeverage: 100 },
      ]),
    },
  ],
};
