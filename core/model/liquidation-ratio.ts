/**
 * Where an isolated linear position opened at leverage L liquidates, as a multiple of its entry
 * price, with maintenance rate `mmr` and no maintenance amount (tier 1 of every venue's table):
 *   long  LP = EP·(1 − 1/L) / (1 − mmr)      short LP = EP·(1 + 1/L) / (1 + mmr)
 * Entry-independent, so the model computes it once per leverage bucket, not per position.
 * Kept in one small function so the venue-exact engine in core/liquidation can replace it.
 */
export function isolatedLiquidationRatio(side: 'long' | 'short', leverage: number, mmr: number): number {
  if (!(leverage >= 1) || !(mmr >= 0 && mmr < 1)) throw new RangeError(`bad leverage ${leverage} or mmr ${mmr}`);
  return side === 'long' ? (1 - 1 / leverage) / (1 - mmr) : (1 + 1 / leverage) / (1 + mmr);
}
