import { array, nullable, numeric, object, optional, str } from '../../messages/schema';
import type { OpenPosition } from '../../liquidation/order';

/*
 * A `GET /api/v4/futures/{settle}/positions` answer → open positions in the engine's terms.
 * Checked against a real answer (LTC_USDT isolated long, 2024-01-12, test/fixtures/positions/gate/):
 * `margin` already holds Gate's 0.075% fee reserve on top of the initial margin, `size` counts
 * contracts (× the contract's quanto_multiplier, which the position does not carry), and
 * `leverage` "0" means cross. The tier is `maintenance_rate`; its deduction is not in the
 * payload and is taken as 0 (true in tier 1 only: pass the table for bigger positions).
 */
const n = numeric();
const row = object({
  contract: str({ max: 40 }),
  size: n,
  entry_price: numeric({ min: 0 }),
  mark_price: optional(numeric({ min: 0 })),
  leverage: numeric({ min: 0 }),
  margin: n,
  maintenance_rate: numeric({ min: 0, max: 1 }),
  liq_price: optional(nullable(numeric({ min: 0 }))),
});

export function readPositions(json: unknown, contractSize: (contract: string) => number): (OpenPosition & { contract_id: string })[] {
  return array(row, { max: 1000 })(json, '')
    .filter((r) => r.size !== 0)
    .map((r) => {
      const isolated = r.leverage > 0;
      const out: OpenPosition & { contract_id: string } = {
        venue: 'gate',
        contract_id: r.contract,
        contract: 'linear',
        marginMode: isolated ? 'isolated' : 'cross',
        side: r.size > 0 ? 'long' : 'short',
        quantity: Math.abs(r.size) * contractSize(r.contract),
        entryPrice: r.entry_price,
        tier: { mmr: r.maintenance_rate, maintenanceAmount: 0 },
        // Gate writes 0 for "no liquidation price".
        reportedLiquidationPrice: r.liq_price ? r.liq_price : null,
      };
      if (isolated) {
        out.leverage = r.leverage;
        out.margin = r.margin;
      }
      if (r.mark_price) out.markPrice = r.mark_price;
      return out;
    });
}
