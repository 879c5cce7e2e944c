import { array, numeric, object, oneOf, optional, str, unknownValue } from '../../messages/schema';
import type { OpenPosition } from '../../liquidation/order';

/*
 * A `GET /api/v5/account/positions` answer → open positions in the engine's terms. Checked against
 * the one real OKX position with a liquidation price found (BTC-USD-SWAP inverse isolated long,
 * 2026-01-20, test/fixtures/positions/okx/). OKX answers every number as a string and "" for an
 * absent one. `mmr` is the maintenance margin AMOUNT (settle currency): the rate is mmr ÷ the
 * position value at mark. The fee rate is the position's own opening fee ÷ its entry value
 * (the rate actually charged, taken as the taker rate). Sizes count contracts × ctVal, which the
 * position does not carry. liqPx is OKX's number: the formula + one tick toward entry (see
 * ./liquidation.ts), so compare it with a result computed with the instrument's tickSz.
 */
const text = str({ max: 60 });
const row = object({
  instId: text,
  mgnMode: oneOf(['isolated', 'cross'] as const),
  posSide: oneOf(['long', 'short', 'net'] as const),
  pos: numeric(),
  avgPx: text,
  lever: optional(text),
  margin: optional(unknownValue),
  markPx: optional(text),
  liqPx: optional(text),
  notionalUsd: optional(unknownValue),
  mmr: optional(text),
  fee: optional(unknownValue),
});
const number = (v: unknown): number | undefined => {
  if (typeof v !== 'string' || v === '') return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

export function readPositions(json: unknown, contractSize: (instId: string) => number): OpenPosition[] {
  const data = object({ code: text, data: array(row, { max: 1000 }) })(json, '').data;
  return data
    .filter((r) => r.pos !== 0 && r.instId.endsWith('-SWAP'))
    .map((r) => {
      const inverse = /^[A-Z0-9]+-USD-SWAP$/.test(r.instId);
      const contracts = Math.abs(r.pos);
      const quantity = contracts * contractSize(r.instId);
      const entry = number(r.avgPx)!;
      const mark = number(r.markPx);
      const side = r.posSide === 'net' ? (r.pos > 0 ? 'long' : 'short') : r.posSide;
      const out: OpenPosition = {
        venue: 'okx',
        contract: inverse ? 'inverse' : 'linear',
        marginMode: r.mgnMode,
        side,
        quantity,
        entryPrice: entry,
        reportedLiquidationPrice: number(r.liqPx) ?? null,
      };
      const lever = number(r.lever);
      if (lever) out.leverage = lever;
      if (mark) out.markPrice = mark;
      const margin = number(r.margin);
      if (r.mgnMode === 'isolated' && margin) out.margin = margin;
      const mm = number(r.mmr);
      if (mm !== undefined && mark) {
        const valueAtMark = inverse ? quantity / mark : quantity * mark;
        out.tier = { mmr: Math.round((mm / valueAtMark) * 1e10) / 1e10, maintenanceAmount: 0 };
      }
      const fee = number(r.fee);
      if (fee !== undefined && fee < 0) {
        const valueAtEntry = inverse ? quantity / entry : quantity * entry;
        out.takerFeeRate = Math.round((-fee / valueAtEntry) * 1e10) / 1e10;
      }
      return out;
    });
}
