import { array, nullable, numeric, object, optional, str } from '../../messages/schema';
import { chainTiers, parsingTiers, TierTableError, type TierSource, tierMarketId } from '../../liquidation/tier-source';
import { venue } from './venue';
import type { Tier, TierTable } from '../../liquidation/types';
import type { Market } from '../../types';

/** Contract sizes (base coin per contract for USDT-M, USD for coin-M); others come from swap_contract_info. */
export const HTX_CONTRACT_SIZES: Readonly<Record<string, number>> = {
  'BTC-USDT': 0.001,
  'ETH-USDT': 0.01,
  'BTC-USD': 100,
  'ETH-USD': 10,
};

const ladder = object({
  ladder: optional(numeric({ min: 0 })),
  min_size: numeric({ min: 0 }),
  max_size: optional(nullable(numeric({ min: 0 }))),
  adjust_factor: numeric({ min: 0, max: 100 }),
});
const response = object({
  status: str({ max: 20 }),
  err_msg: optional(nullable(str({ max: 500 }))),
  data: optional(
    array(
      object({
        contract_code: str({ max: 40 }),
        margin_mode: optional(str({ max: 20 })),
        list: array(object({ lever_rate: numeric({ min: 0 }), ladders: array(ladder, { max: 100 }) }), { max: 200 }),
      }),
      { max: 2000 },
    ),
  ),
});

function contractCode(market: Market): { code: string; inverse: boolean } {
  const code = tierMarketId('htx', venue.symbols, market);
  return { code, inverse: code.endsWith('-USD') };
}

/**
 * One ladder per leverage: a tier's maintenance rate is its adjustment factor ÷ that leverage,
 * brackets are net position in contracts, converted to the engine's quantity unit.
 */
function parse(json: unknown, market: Market, fetchedAt = Date.now(), contractSize?: number): TierTable {
  return parsingTiers('htx', () => {
    const body = response(json, '');
    if (body.status !== 'ok' || !body.data) throw new TierTableError('htx', `exchange error: ${body.err_msg ?? body.status}`);
    const { code } = contractCode(market);
    const size = contractSize ?? HTX_CONTRACT_SIZES[code];
    if (size === undefined) throw new TierTableError('htx', `contract size of ${code} unknown: pass it from swap_contract_info`);
    const entry = body.data.find((d) => d.contract_code === code);
    if (!entry || entry.list.length === 0) throw new TierTableError('htx', `no adjustment factors for ${code}`);
    const leverageLadders = entry.list
      .map(({ lever_rate: leverage, ladders }) => {
        if (!(leverage > 0)) throw new TierTableError('htx', `lever_rate must be > 0, got ${leverage}`);
        const tiers: Tier[] = chainTiers(
          ladders.map((l) => ({
            floor: l.min_size * size,
            cap: l.max_size == null ? Infinity : (l.max_size + 1) * size,
            mmr: l.adjust_factor / leverage,
            adjustFactor: l.adjust_factor,
          })),
          { integerStep: size },
        );
        return { leverage, tiers };
      })
      .sort((a, b) => a.leverage - b.leverage);
    return {
      venue: 'htx',
      symbol: market.symbol,
      basis: 'quantity',
      tiers: leverageLadders[0]!.tiers,
      leverageLadders,
      source: 'htx:/linear-swap-api/v1/swap_adjustfactor',
      asOf: fetchedAt,
    };
  });
}

export const tierSource: TierSource = {
  venue: 'htx',
  request(market) {
    const { code, inverse } = contractCode(market);
    return {
      url: inverse
        ? `https://api.hbdm.com/swap-api/v1/swap_adjustfactor?contract_code=${code}`
        : `https://api.hbdm.com/linear-swap-api/v1/swap_adjustfactor?contract_code=${code}`,
    };
  },
  parse,
  // HTX factors depend on the leverage chosen; no recorded table for BTC or ETH exists beyond the
  // docs' lever-1 sample, which would be wrong at any other leverage. Fetch it.
  bundled: [],
};
