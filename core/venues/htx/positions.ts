import { array, nullable, numeric, object, oneOf, optional, str } from '../../messages/schema';
import type { OpenPosition } from '../../liquidation/order';

/*
 * A USDT-M `swap_position_info` / `swap_cross_position_info` (v1) answer → open positions in the
 * engine's terms. UNVERIFIED: no real HTX position with a liquidation price has been found (the
 * one real v1 answer, test/fixtures/positions/htx/, is a cross long with liquidation_price null).
 * The mapping follows HTX's documented liquidation terms: the entry is `cost_hold` (the holding
 * price, reset at each settlement), not `cost_open`; the margin is the account's `margin_static`
 * (from swap_account_info, passed in), and the position's `position_margin` (margin at the last
 * price) only when that is not given. volume counts contracts (× contract_size).
 */
const n = numeric();
const row = object({
  contract_code: str({ max: 40 }),
  volume: numeric({ min: 0 }),
  cost_open: numeric({ min: 0 }),
  cost_hold: numeric({ min: 0 }),
  lever_rate: numeric({ min: 0 }),
  position_margin: n,
  direction: oneOf(['buy', 'sell'] as const),
  margin_mode: oneOf(['isolated', 'cross'] as const),
  liquidation_price: optional(nullable(n)),
});

export function readPositions(json: unknown, contractSize: (code: string) => number, marginStatic?: number): OpenPosition[] {
  const data = object({ status: str({ max: 10 }), data: array(row, { max: 1000 }) })(json, '').data;
  return data
    .filter((r) => r.volume > 0)
    .map((r) => {
      const out: OpenPosition = {
        venue: 'htx',
        contract: 'linear',
        marginMode: r.margin_mode,
        side: r.direction === 'buy' ? 'long' : 'short',
        quantity: r.volume * contractSize(r.contract_code),
        entryPrice: r.cost_hold,
        leverage: r.lever_rate,
        reportedLiquidationPrice: r.liquidation_price != null && r.liquidation_price > 0 ? r.liquidation_price : null,
      };
      if (r.margin_mode === 'isolated') out.margin = marginStatic ?? r.position_margin;
      else if (marginStatic !== undefined) out.walletBalance = marginStatic;
      return out;
    });
}
