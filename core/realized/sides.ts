import type { Side } from '../types';

/**
 * The one place that decides which side was liquidated, because the venues disagree on what
 * their side field means:
 * - Binance `o.S` is the liquidation ORDER side: a SELL closes a long.
 * - Bybit `S` (allLiquidation) is the liquidated POSITION side: "Buy" means a long was liquidated.
 * - OKX `posSide` names the position (long/short) in hedge mode; in one-way mode it is "net" and
 *   `side` is the order side (sell closes a long).
 * - HTX `direction` is the order side with `offset` "close": sell+close liquidates a long.
 */
export type VenueSide =
  | { venue: 'binance'; orderSide: string }
  | { venue: 'bybit'; positionSide: string }
  | { venue: 'okx'; posSide: string; side: string }
  | { venue: 'htx'; direction: string; offset: string };

const orderSideToLiquidated = (orderSide: string): Side | null => {
  const s = orderSide.toLowerCase();
  return s === 'sell' ? 'long' : s === 'buy' ? 'short' : null;
};

/** The side of the position that was closed, or null when the message does not say. */
export function liquidatedSide(raw: VenueSide): Side | null {
  switch (raw.venue) {
    case 'binance':
      return orderSideToLiquidated(raw.orderSide);
    case 'bybit': {
      const s = raw.positionSide.toLowerCase();
      return s === 'buy' ? 'long' : s === 'sell' ? 'short' : null;
    }
    case 'okx': {
      const pos = raw.posSide.toLowerCase();
      if (pos === 'long' || pos === 'short') return pos;
      return pos === 'net' ? orderSideToLiquidated(raw.side) : null;
    }
    case 'htx':
      return raw.offset.toLowerCase() === 'close' ? orderSideToLiquidated(raw.direction) : null;
  }
}
