import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, swapMarket, table, TierTableError, type TierSource } from '../../liquidation/tier-source';
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
  // No recorded Bitget table exists (only the API docs' two-row example, whose symbol is not stated): fetch it.
  bundled: [],
};
