import { linearLiquidationPrice } from '../liquidation/math';

/**
 * Where an isolated linear position opened at leverage L liquidates, as a multiple of its entry
 * price, with maintenance rate `mmr` and no maintenance amount (tier 1 of the venue's table).
 * Computed by the liquidation engine's closed form (collateral = notional / L, entry 1, qty 1), i.e.
 *   long LP = EP·(1 − 1/L) / (1 − mmr)      short LP = EP·(1 + 1/L) / (1 + mmr).
 * Entry-independent, so the model evaluates it once per leverage bucket, not once per position.
 */
export function isolatedLiquidationRatio(side: 'long' | 'short', leverage: number, mmr: number): number {
  if (!(leverage >= 1) || !(mmr >= 0 && mmr < 1)) throw new RangeError(`bad leverage ${leverage} or mmr ${mmr}`);
  const ratio = linearLiquidationPrice(side === 'long' ? 1 : -1, 1, 1, 1 / leverage, mmr);
  // 1x long never liquidates (ratio 0): keep it at 0 so its levels fall off the grid.
  return Number.isFinite(ratio) && ratio > 0 ? ratio : 0;
}
