import type { Side } from '../types';

/**
 * Venues disagree on what their side field means, so each venue's streams.ts says which of these
 * readings applies (and tests it): the side of the liquidation ORDER, or of the liquidated POSITION.
 */

/** An order side: a SELL closes a long, so a long was liquidated. */
export function sideClosedByOrder(orderSide: string): Side | null {
  const s = orderSide.toLowerCase();
  return s === 'sell' ? 'long' : s === 'buy' ? 'short' : null;
}

/** A position side named Buy/Sell: "Buy" is the long position itself. */
export function sideOfPosition(positionSide: string): Side | null {
  const s = positionSide.toLowerCase();
  return s === 'buy' || s === 'long' ? 'long' : s === 'sell' || s === 'short' ? 'short' : null;
}
