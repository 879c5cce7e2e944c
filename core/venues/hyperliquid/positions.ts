import { array, nullable, numeric, object, oneOf, optional, str } from '../../messages/schema';
import type { OpenPosition } from '../../liquidation/order';
import { venue } from './venue';

/*
 * A `clearinghouseState` answer (POST /info {"type":"clearinghouseState","user":…}) → open
 * positions in the engine's terms. Checked against real answers (test/fixtures/positions/hyperliquid/):
 * - isolated: Hyperliquid reports `leverage.rawUsd`, the position's signed cash; the margin the
 *   liquidation price uses is rawUsd + szi × entryPx (the margin at entry);
 * - cross: the wallet is the cross account value − Σ unrealised PnL of the cross positions; the
 *   other positions' maintenance is positionValue / (2 × maxLeverage) each;
 * - maintenance rate 1 / (2 × maxLeverage) (half the initial margin at max leverage), tier 1 of
 *   the asset; bigger positions need the asset's margin table.
 * The 2023 answers carry no maxLeverage (and were priced by an older rule): `maxLeverageOf` may
 * supply it; without it no tier and no other-positions maintenance are given.
 */
const n = numeric();
const position = object({
  coin: str({ max: 40 }),
  szi: n,
  entryPx: optional(nullable(n)),
  leverage: object({ type: oneOf(['cross', 'isolated'] as const), value: numeric({ min: 0 }), rawUsd: optional(n) }),
  positionValue: numeric({ min: 0 }),
  unrealizedPnl: n,
  liquidationPx: optional(nullable(n)),
  maxLeverage: optional(numeric({ min: 1 })),
});
const summary = object({ accountValue: n });
const state = object({
  assetPositions: array(object({ position }), { max: 1000 }),
  crossMarginSummary: optional(summary),
  marginSummary: optional(summary),
});

export interface ReadPosition extends OpenPosition {
  coin: string;
  /** The unified symbol of the coin (ccxt style), or null for a coin the codec does not know. */
  symbol: string | null;
}

export function readPositions(json: unknown, maxLeverageOf: (coin: string) => number | undefined = () => undefined): ReadPosition[] {
  const s = state(json, '');
  const rows = s.assetPositions.map((a) => a.position).filter((p) => p.szi !== 0 && p.entryPx);
  const maxLev = (p: (typeof rows)[number]) => p.maxLeverage ?? maxLeverageOf(p.coin);
  const cross = rows.filter((p) => p.leverage.type === 'cross');
  const crossValue = (s.crossMarginSummary ?? s.marginSummary)?.accountValue;
  const crossPnl = cross.reduce((sum, p) => sum + p.unrealizedPnl, 0);
  return rows.map((p) => {
    const max = maxLev(p);
    const out: ReadPosition = {
      venue: 'hyperliquid',
      coin: p.coin,
      symbol: p.coin.includes(':') ? null : venue.symbols.fromId(p.coin),
      contract: 'linear',
      marginMode: p.leverage.type,
      side: p.szi > 0 ? 'long' : 'short',
      quantity: Math.abs(p.szi),
      entryPrice: p.entryPx!,
      leverage: p.leverage.value,
      markPrice: p.positionValue / Math.abs(p.szi),
      reportedLiquidationPrice: p.liquidationPx ?? null,
    };
    if (max !== undefined) out.tier = { mmr: 1 / (2 * max), maintenanceAmount: 0 };
    if (p.leverage.type === 'isolated') {
      if (p.leverage.rawUsd !== undefined) out.isolatedCash = p.leverage.rawUsd;
    } else {
      if (crossValue !== undefined) out.account = { value: crossValue, unrealizedPnl: crossPnl };
      const others = cross.filter((o) => o !== p);
      if (others.every((o) => maxLev(o) !== undefined)) {
        out.otherPositions = {
          maintenanceMargin: others.reduce((sum, o) => sum + o.positionValue / (2 * maxLev(o)!), 0),
          unrealizedPnl: others.reduce((sum, o) => sum + o.unrealizedPnl, 0),
        };
      }
    }
    return out;
  });
}
