import { array, nullable, num, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { TierTable } from '../../liquidation/types';
import type { RequestSpec } from '../../net/request';
import type { Market } from '../../types';

/*
 * Binance's documented bracket endpoint (/fapi/v1/leverageBracket) needs a signed request. The
 * key-less source is the web endpoint behind the "Leverage & Margin" page, which returns every
 * symbol's brackets at once (one request serves all markets). It is undocumented and can lag for
 * new listings; a per-user `notionalCoef` can also scale a user's brackets, which no public feed shows.
 */
const BAPI = 'https://www.binance.com/bapi/futures/v1/friendly';

const value = numeric({ min: 0 });
const bapiBracket = object({
  bracketNotionalFloor: value,
  bracketNotionalCap: value,
  bracketMaintenanceMarginRate: numeric({ min: 0, max: 0.99 }),
  cumFastMaintenanceAmount: value,
  maxOpenPosLeverage: optional(numeric({ min: 0 })),
});
const bapiResponse = object({
  code: str({ max: 20 }),
  message: optional(nullable(str({ max: 500 }))),
  data: optional(
    nullable(
      object({
        brackets: array(object({ symbol: str({ max: 40 }), updateTime: optional(num()), riskBrackets: array(bapiBracket, { max: 100 }) }), { max: 5000 }),
      }),
    ),
  ),
});
/** The signed /fapi/v1/leverageBracket shape (and ccxt's string copy of it); COIN-M uses qtyFloor/qtyCap. */
const fapiBracket = object({
  notionalFloor: optional(value),
  notionalCap: optional(value),
  qtyFloor: optional(value),
  qtyCap: optional(value),
  maintMarginRatio: numeric({ min: 0, max: 0.99 }),
  cum: value,
  initialLeverage: optional(numeric({ min: 0 })),
});
const fapiEntry = object({ symbol: str({ max: 40 }), brackets: array(fapiBracket, { max: 100 }) });

function venueSymbol(market: Market): { id: string; inverse: boolean } {
  const id = tierMarketId('binance', venue.symbols, market);
  return { id, inverse: id.endsWith('_PERP') };
}

function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('binance', () => {
    const { id } = venueSymbol(market);
    if (Array.isArray(json) || (typeof json === 'object' && json !== null && 'brackets' in json)) {
      const list = array(fapiEntry, { max: 5000 })(Array.isArray(json) ? json : [json], '');
      const entry = list.find((e) => e.symbol === id);
      if (!entry) throw new TierTableError('binance', `no brackets for ${id}`);
      const tiers = chainTiers(
        entry.brackets.map((b) => ({
          floor: b.notionalFloor ?? b.qtyFloor ?? 0,
          cap: b.notionalCap ?? b.qtyCap ?? NaN,
          mmr: b.maintMarginRatio,
          maintenanceAmount: b.cum,
          ...(b.initialLeverage !== undefined ? { maxLeverage: b.initialLeverage } : {}),
        })),
      );
      return table('binance', market, tiers, 'notional', 'binance:/fapi/v1/leverageBracket', fetchedAt);
    }
    const response = bapiResponse(json, '');
    if (response.code !== '000000' || !response.data) throw new TierTableError('binance', `exchange error ${response.code}: ${response.message ?? 'no data'}`);
    const entry = response.data.brackets.find((b) => b.symbol === id);
    if (!entry) throw new TierTableError('binance', `no brackets for ${id}`);
    const tiers = chainTiers(
      entry.riskBrackets.map((b) => ({
        floor: b.bracketNotionalFloor,
        cap: b.bracketNotionalCap,
        mmr: b.bracketMaintenanceMarginRate,
        maintenanceAmount: b.cumFastMaintenanceAmount,
        ...(b.maxOpenPosLeverage !== undefined ? { maxLeverage: b.maxOpenPosLeverage } : {}),
      })),
    );
    // updateTime is when Binance last changed this symbol's brackets, not when we fetched them: a
    // table fetched today showed "471 d ago". The table's age is the fetch time.
    const fetched = table('binance', market, tiers, 'notional', 'binance:bapi/friendly/common/brackets', fetchedAt);
    return entry.updateTime !== undefined ? { ...fetched, changedAt: entry.updateTime } : fetched;
  });
}

/**
 * The key-less bracket request (host permission https://www.binance.com/bapi/futures/* only; the
 * background sends it with credentials omitted, so the trader's Binance session never rides along).
 */
export function binanceBracketsRequest(market: Market): RequestSpec {
  const { inverse } = venueSymbol(market);
  return { url: `${BAPI}/${inverse ? 'delivery' : 'future'}/common/brackets`, method: 'POST', body: {} };
}

export const tierSource: TierSource = {
  venue: 'binance',
  request: binanceBracketsRequest,
  parse,
  bundled: [
    {
      venue: 'binance',
      symbol: 'BTC/USDT:USDT',
      basis: 'notional',
      // First four of BTCUSDT's twelve brackets; bigger positions get a "beyond the table" assumption.
      source: 'bundled:binance-btcusdt-brackets-1-4 (public bapi response captured 2026-08-02)',
      asOf: recordedOn('2026-08-02'),
      tiers: chainTiers([
        { cap: 300_000, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 150 },
        { cap: 800_000, mmr: 0.005, maintenanceAmount: 300, maxLeverage: 100 },
        { cap: 3_000_000, mmr: 0.0065, maintenanceAmount: 1_500, maxLeverage: 75 },
        { cap: 12_000_000, mmr: 0.01, maintenanceAmount: 12_000, maxLeverage: 50 },
      ]),
    },
    {
      venue: 'binance',
      symbol: 'ETH/USDT:USDT',
      basis: 'notional',
      source: 'bundled:binance-ethusdt-bracket-1 (public bapi response captured 2026-08-02; only bracket 1 was recorded)',
      asOf: recordedOn('2026-08-02'),
      tiers: chainTiers([{ cap: 50_000, mmr: 0.0075, maintenanceAmount: 0, maxLeverage: 100 }]),
    },
  ],
};
