import type { LiquidationEvent } from './types';

/**
 * A stable id per liquidation, so the same order seen twice (a reconnect replays it, a REST
 * backfill overlaps the stream) counts once: the venue's order id where it publishes one, else
 * venue + market + time + price + size + side, the fields every sighting of it carries alike.
 */
export function liquidationId(e: LiquidationEvent): string {
  if (e.orderId) return `${e.venue}|id|${e.orderId}`;
  return `${e.venue}|${e.symbol}|${e.time}|${e.price}|${e.quantity}|${e.side}`;
}
