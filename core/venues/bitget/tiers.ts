import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, swapMarket, table, TierTableError, type TierSource } from '../../liquidation/tier-source';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const row = object({
  symbol: str({ max: 40 }),
  level: optional(numeric({ min: 0 })),
  startUnit: numeric({ min: 0 }),
  endUnit: numeric({ min: 0 }),
  leverage: optional(numeric({ min: 0 })),
  keepMarginRate: numeric({ min: 0, max: 0.99 }),
});
const response = object({ code: str({ max: 20 }), msg: optional(str({ max: 500 })), data: array(row, { max: 500 }) });

function venueSymbol(market: Market): { symbol: string; productType: string } {
  const m = swapMarket('bitget', market);
  if (m.contract === 'inverse') return { symbol: `${m.base}USD`, productType: 'COIN-FUTURES' };
  return { symbol: `${m.base}${m.quote}`, productType: m.quote === 'USDC' ? 'USDC-FUTURES' : 'USDT-FUTURES' };
}

function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('bitget', () => {
    const body = response(json, '');
    if (body.code !== '00000') throw new TierTableError('bitget', `exchange error ${body.code}: ${body.msg ?? ''}`.trim());
    const { symbol } = venueSymbol(market);
    const rows = body.data.filter((r) => r.symbol === symbol);
    if (rows.length === 0) throw new TierTableError('bitget', `no position tiers for ${symbol}`);
    // Units of startUnit/endUnit are not stated in the docs; their magnitudes match USDT notional, as ccxt reads them.
    const tiers = chainTiers(
      rows.map((r) => ({
        floor: r.startUnit,
        cap: r.endUnit,
        mmr: r.keepMarginRate,
        maintenanceAmount: 0,
        ...(r.leverage !== undefined ? { maxLeverage: r.leverage } : {}),
      })),
    );
    return table('bitget', market, tiers, 'notional', 'bitget:/api/v2/mix/market/query-position-lever', fetchedAt);
  });
}

export const tierSource: TierSource = {
  venue: 'bitget',
  request(market) {
    const { symbol, productType } = venueSymbol(market);
    return { url: `https://api.bitget.com/api/v2/mix/market/query-position-lever?symbol=${symbol}&productType=${productType}` };
  },
  parse,
  bundled: [
    {
      venue: 'bitget',
      symbol: 'BTC/USDT:USDT',
      basis: 'notional',
      // Bitget publishes no live capture we hold; its API reference shows BTCUSDT's first two tiers
      // in the query-position-lever response example (requestTime 1695796884470 = 2023-09-27).
      // ETHUSDT appears in no published example, so none ships for it.
      source:
        'bundled:bitget-btcusdt-levels-1-2 (Bitget API docs, Get Position Tier response example, requestTime 2023-09-27; mirror rosssaunders/coincise docs/bitget/future/position_Get-Query-Position-Lever.md)',
      asOf: recordedOn('2023-09-27'),
      tiers: [
        { floor: 0, cap: 50_000, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 125 },
        { floor: 50_000, cap: 200_000, mmr: 0.005, maintenanceAmount: 0, maxLeverage: 100 },
      ],
    },
  ],
};
