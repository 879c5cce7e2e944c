import { array, bool, nullable, num, numeric, object, optional, oneOf, str } from '../../messages/schema';
import { chainTiers, parsingTiers, recordedOn, table, TierTableError, type TierSource, type TierRow, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

const customLevel = object({
  level: num({ min: 1, max: 200, integer: true }),
  maxVol: numeric({ min: 0 }),
  mmr: numeric({ min: 0, max: 0.99 }),
  maxLeverage: optional(numeric({ min: 0 })),
});
const detail = object({
  symbol: str({ max: 40 }),
  contractSize: numeric({ min: 0 }),
  maintenanceMarginRate: numeric({ min: 0, max: 0.99 }),
  initialMarginRate: optional(numeric({ min: 0 })),
  maxLeverage: optional(numeric({ min: 0 })),
  riskBaseVol: optional(numeric({ min: 0 })),
  riskIncrVol: optional(numeric({ min: 0 })),
  riskIncrMmr: optional(numeric({ min: 0, max: 0.99 })),
  riskLevelLimit: optional(num({ min: 1, max: 200, integer: true })),
  riskLimitType: optional(oneOf(['BY_VOLUME', 'BY_VALUE'] as const)),
  // null is read as absent: an INCREASE-mode contract may carry empty CUSTOM fields.
  riskLimitMode: optional(nullable(str({ max: 20 }))),
  riskLimitCustom: optional(nullable(array(customLevel, { max: 200 }))),
});
const response = object({ success: bool, code: optional(num()), message: optional(str({ max: 500 })), data: optional(detail) });
type Detail = NonNullable<ReturnType<typeof response>['data']>;

function venueSymbol(market: Market): string {
  return tierMarketId('mexc', venue.symbols, market);
}

/**
 * CUSTOM mode: MEXC lists every level (maxVol = the level's upper bound). The INCREASE-rule fields
 * beside it then describe one level only (riskIncrVol 0, riskLevelLimit 1), so reading them instead
 * would give one rate for every size. Each level is checked here because a reordered, repeated or
 * shrinking level would silently move positions into the wrong rate.
 */
function customRows(d: Detail, unit: number): TierRow[] {
  const levels = d.riskLimitCustom;
  if (!levels || levels.length === 0) throw new TierTableError('mexc', 'riskLimitMode is CUSTOM but data.riskLimitCustom has no levels');
  const rows = levels.map((l, i) => {
    const at = `data.riskLimitCustom[${i}]`;
    if (l.level !== i + 1) throw new TierTableError('mexc', `${at}.level: expected level ${i + 1} (levels ascending from 1), got ${l.level}`);
    if (!(l.mmr > 0)) throw new TierTableError('mexc', `${at}.mmr: expected a rate in (0, 1), got ${l.mmr}`);
    const previous = i > 0 ? levels[i - 1]! : null;
    if (!(l.maxVol > (previous?.maxVol ?? 0)))
      throw new TierTableError('mexc', `${at}.maxVol: ${l.maxVol} must be above the previous level's ${previous?.maxVol ?? 0}`);
    if (previous && l.mmr < previous.mmr)
      throw new TierTableError('mexc', `${at}.mmr: ${l.mmr} is below the previous level's ${previous.mmr} (rates never fall with size)`);
    return { cap: l.maxVol * unit, mmr: l.mmr, ...(l.maxLeverage !== undefined ? { maxLeverage: l.maxLeverage } : {}) };
  });
  // The docs example's list ended at riskBaseVol; the live answer of 2025-12-31 (GCT recording) ends
  // at 8.5M contracts with riskBaseVol 11.5M. So riskBaseVol is not the list's end and is not
  // checked: a position past the last level is priced at that level's rate, and the engine says so.
  // The first level is the contract's own rate: a list that disagrees with it is mixed up.
  if (Math.abs(levels[0]!.mmr - d.maintenanceMarginRate) > 1e-12) {
    throw new TierTableError('mexc', `data.riskLimitCustom[0].mmr ${levels[0]!.mmr} differs from data.maintenanceMarginRate ${d.maintenanceMarginRate}`);
  }
  return rows;
}

/**
 * INCREASE mode (and responses without riskLimitMode): tier k (from 0) holds positions up to
 * riskBaseVol + k·riskIncrVol at maintenanceMarginRate + k·riskIncrMmr, for riskLevelLimit tiers.
 */
function increaseRuleRows(d: Detail, unit: number): TierRow[] {
  const { riskBaseVol, riskIncrVol, riskIncrMmr, riskLevelLimit } = d;
  if (riskBaseVol === undefined || riskIncrVol === undefined || riskIncrMmr === undefined || riskLevelLimit === undefined) {
    throw new TierTableError('mexc', 'data.riskBaseVol, riskIncrVol, riskIncrMmr and riskLevelLimit are required without riskLimitCustom');
  }
  if (!(riskBaseVol > 0)) throw new TierTableError('mexc', 'riskBaseVol must be > 0');
  const rows: TierRow[] = [];
  for (let k = 0; k < riskLevelLimit; k++) {
    rows.push({ cap: (riskBaseVol + k * riskIncrVol) * unit, mmr: d.maintenanceMarginRate + k * riskIncrMmr });
  }
  return rows;
}

/** MEXC risk tiers from the contract detail. BY_VOLUME counts contracts (converted with contractSize); BY_VALUE counts notional. */
function parse(json: unknown, market: Market, fetchedAt = Date.now()): TierTable {
  return parsingTiers('mexc', () => {
    const body = response(json, '');
    if (!body.success || !body.data) throw new TierTableError('mexc', `exchange error ${body.code ?? ''}: ${body.message ?? 'no data'}`);
    const d = body.data;
    if (d.symbol !== venueSymbol(market)) throw new TierTableError('mexc', `response is for ${d.symbol}, not ${venueSymbol(market)}`);
    const byValue = d.riskLimitType === 'BY_VALUE';
    const unit = byValue ? 1 : d.contractSize;
    // Listed levels win whenever they are there: the INCREASE fields beside them then describe
    // one level only. A mode this parser does not know is refused rather than guessed.
    const mode = d.riskLimitMode ?? undefined;
    if (mode !== undefined && mode !== 'CUSTOM' && mode !== 'INCREASE') throw new TierTableError('mexc', `data.riskLimitMode: unknown mode "${mode}"`);
    const listed = (d.riskLimitCustom?.length ?? 0) > 0;
    const rows = mode === 'CUSTOM' || listed ? customRows(d, unit) : increaseRuleRows(d, unit);
    return table('mexc', market, chainTiers(rows), byValue ? 'notional' : 'quantity', 'mexc:/api/v1/contract/detail', fetchedAt);
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
      // MEXC's live contract detail of 2025-12-31 (recorded by GoCryptoTrader's mock recorder, PR
      // #1897): newer than, and replacing, the docs example (≈ 2025-10-31) this table was built from.
      // It lists five levels up to 8.5M contracts (850 BTC); a larger position is priced at the last
      // level and says so. Whether the live table has moved since is unknown: the live endpoint is
      // always preferred.
      source:
        'bundled:mexc-btc-usdt-custom-levels-1-5 (MEXC GET /api/v1/contract/detail?symbol=BTC_USDT, riskLimitMode CUSTOM, recorded live 2025-12-31 by thrasher-corp/gocryptotrader PR #1897 @dbe544a; maxVol in contracts × contractSize 0.0001 BTC)',
      asOf: recordedOn('2025-12-31'),
      tiers: chainTiers([
        { cap: 5, mmr: 0.001, maintenanceAmount: 0, maxLeverage: 500 },
        { cap: 12, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 200 },
        { cap: 25, mmr: 0.005, maintenanceAmount: 0, maxLeverage: 100 },
        { cap: 200, mmr: 0.01, maintenanceAmount: 0, maxLeverage: 50 },
        { cap: 850, mmr: 0.02, maintenanceAmount: 0, maxLeverage: 20 },
      ]),
    },
    {
      venue: 'mexc',
      symbol: 'ETH/USDT:USDT',
      basis: 'quantity',
      // The same recording's contract list (GET /api/v1/contract/detail without a symbol), ETH_USDT's
      // entry: five levels up to 2.5M contracts (25,000 ETH); riskBaseVol 3.5M, as BTC's lies past its list.
      source:
        'bundled:mexc-eth-usdt-custom-levels-1-5 (MEXC GET /api/v1/contract/detail, ETH_USDT entry, riskLimitMode CUSTOM, recorded live 2025-12-31 by thrasher-corp/gocryptotrader PR #1897 @dbe544a; maxVol in contracts × contractSize 0.01 ETH)',
      asOf: recordedOn('2025-12-31'),
      tiers: chainTiers([
        { cap: 190, mmr: 0.001, maintenanceAmount: 0, maxLeverage: 500 },
        { cap: 450, mmr: 0.004, maintenanceAmount: 0, maxLeverage: 200 },
        { cap: 900, mmr: 0.005, maintenanceAmount: 0, maxLeverage: 100 },
        { cap: 6_000, mmr: 0.01, maintenanceAmount: 0, maxLeverage: 50 },
        { cap: 25_000, mmr: 0.02, maintenanceAmount: 0, maxLeverage: 20 },
      ]),
    },
  ],
};
