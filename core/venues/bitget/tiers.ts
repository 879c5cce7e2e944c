import { array, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { productType, venue } from './venue';
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
  const symbol = tierMarketId('bitget', venue.symbols, market);
  return { symbol, productType: productType(symbol) };
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
      // All twelve levels of a live query-position-lever response (requestTime 1790358274804 =
      // 2026-09-25 17:44 UTC) pinned in a C# test fixture whose header says it was recorded from the
      // live venue that day. The index that served it does not name the repository, so the source
      // cannot be linked; the rows are what the file holds. It replaces the 2023 docs example
      // (0-50k 125x), which the venue has since widened (0-200k 150x).
      // ETHUSDT: no position-tier rows were found anywhere, so none ships for it.
      source:
        'bundled:bitget-btcusdt-levels-1-12 (third-party test fixture, not verified against Bitget: rows of GET /api/v2/mix/market/query-position-lever, requestTime 1790358274804 = 2026-09-25, in the C# test fixture Bytex.Adapters.Tests.Fixtures.BitgetPayloads.BtcUsdtPositionTiers, "recorded from the live venue on 2026-09-25"; repository not named by the code index, file id 68689403197)',
      asOf: recordedOn('2026-09-25'),
      tiers: chainTiers([
        { cap: 200_000, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 150 },
        { cap: 1_000_000, mmr: 0.005, maintenanceAmount: 0, maxLeverage: 100 },
        { cap: 5_000_000, mmr: 0.007, maintenanceAmount: 0, maxLeverage: 75 },
        { cap: 15_000_000, mmr: 0.01, maintenanceAmount: 0, maxLeverage: 50 },
        { cap: 50_000_000, mmr: 0.02, maintenanceAmount: 0, maxLeverage: 25 },
        { cap: 100_000_000, mmr: 0.03, maintenanceAmount: 0, maxLeverage: 20 },
        { cap: 150_000_000, mmr: 0.06, maintenanceAmount: 0, maxLeverage: 10 },
        { cap: 300_000_000, mmr: 0.12, maintenanceAmount: 0, maxLeverage: 5 },
        { cap: 500_000_000, mmr: 0.15, maintenanceAmount: 0, maxLeverage: 4 },
        { cap: 700_000_000, mmr: 0.2, maintenanceAmount: 0, maxLeverage: 3 },
        { cap: 900_000_000, mmr: 0.3, maintenanceAmount: 0, maxLeverage: 2 },
        { cap: 1_200_000_000, mmr: 0.6, maintenanceAmount: 0, maxLeverage: 1 },
      ]),
    },
  ],
};
