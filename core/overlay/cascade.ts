/**
 * The cascade warning: a liquidation price inside a dense band, or just past its far edge, is
 * reached when that band's positions are liquidated and push the price through it. Only bands
 * on the same side matter: longs are liquidated below the price, and a long cascade drives the
 * price down towards a long's liquidation.
 */
import type { Band } from '../model/types';
import type { Side } from '../types';
import { formatUsdCompact, formatUsdRangeShort, type NumberStyle } from '../format/display';
import type { Translate } from '../i18n/i18n';

export interface CascadeWarning {
  kind: 'inside' | 'beyond';
  band: Band;
  side: Side;
  liquidationPrice: number;
}

export interface CascadeOptions {
  /** How far past the far edge still counts as "just beyond", in % of the current price. */
  beyondPct: number;
  /** A band smaller than this share of the side's largest band is not dense enough to warn about. */
  minShareOfLargest: number;
}

export const DEFAULT_CASCADE: CascadeOptions = { beyondPct: 1, minShareOfLargest: 0.2 };

/** Returns the nearest same-side band that would carry the price to the liquidation, if any. */
export function cascadeWarning(
  side: Side,
  liquidationPrice: number | null,
  currentPrice: number,
  bands: readonly Band[],
  options: CascadeOptions = DEFAULT_CASCADE,
): CascadeWarning | null {
  if (liquidationPrice === null || !Number.isFinite(liquidationPrice) || liquidationPrice <= 0) return null;
  if (!Number.isFinite(currentPrice) || currentPrice <= 0) return null;
  // A long liquidates below the price; if it sits above, it is liquidated already: nothing to warn of here.
  if (side === 'long' ? liquidationPrice >= currentPrice : liquidationPrice <= currentPrice) return null;
  const sameSide = bands.filter((b) => b.side === side && b.usd > 0 && Number.isFinite(b.near) && Number.isFinite(b.far));
  const largest = sameSide.reduce((m, b) => Math.max(m, b.usd), 0);
  const dense = sameSide
    .filter((b) => b.usd >= largest * options.minShareOfLargest)
    .sort((a, b) => Math.abs(a.near - currentPrice) - Math.abs(b.near - currentPrice));
  const beyond = (options.beyondPct / 100) * currentPrice;
  for (const band of dense) {
    const lo = Math.min(band.near, band.far);
    const hi = Math.max(band.near, band.far);
    if (liquidationPrice >= lo && liquidationPrice <= hi) return { kind: 'inside', band, side, liquidationPrice };
    const pastFar = side === 'long' ? lo - liquidationPrice : liquidationPrice - hi;
    if (pastFar > 0 && pastFar <= beyond) return { kind: 'beyond', band, side, liquidationPrice };
  }
  return null;
}

/** "A cascade through $80.0–79.2k reaches your liquidation at $79.1k". */
/** `short`: the compact overlay's one-line form (the price is on the line above it). */
export function cascadeSentence(t: Translate, warning: CascadeWarning, style: NumberStyle, short = false): string {
  const params = {
    range: formatUsdRangeShort(warning.band.near, warning.band.far, style),
    price: formatUsdCompact(warning.liquidationPrice, style),
  };
  if (short) return t(warning.kind === 'inside' ? 'warningInsideShort' : 'warningBeyondShort', params);
  return t(warning.kind === 'inside' ? 'warningInside' : 'warningBeyond', params);
}
