import { array, object } from '../../messages/schema';
import { qs } from '../../net/market-data';
import type { HistoryPage, LiquidationHistory, StreamEndpoint } from '../../realized/stream-types';
import { eventsOfRows, liquidationRow } from './streams';

/** HTX's documented widest query window for v3 `swap_liquidation_orders`: 2 hours. */
export const WINDOW_MS = 2 * 3_600_000;

/**
 * USDT-margined `GET /linear-swap-api/v3/swap_liquidation_orders` (public, no signature): the
 * liquidation orders of one contract within [start_time, end_time] (ms), newest first
 * (`direct=prev`). `olderThan` ends the window (else `now`); the next page starts at the oldest
 * order read, or at the window's start when it held nothing older: an empty window is not the end
 * of the history. Rows are validated one by one; an envelope that is not {code, data[]} throws.
 */
export function liquidationOrdersEndpoint(contract: string, olderThan: number | undefined, now: number): StreamEndpoint<HistoryPage> {
  const end = Math.floor(olderThan ?? now);
  const start = end - WINDOW_MS;
  const params = { contract, trade_type: 0, start_time: start, end_time: end, direct: 'prev' };
  return {
    source: 'htx:swap_liquidation_orders',
    request: { url: `https://api.hbdm.com/linear-swap-api/v3/swap_liquidation_orders?${qs(params)}` },
    parse(json) {
      const body = object({ data: array((v) => v, { max: 1000 }) })(json, '');
      const rows = [];
      let rejected = 0;
      for (const raw of body.data) {
        try {
          rows.push(liquidationRow(raw, ''));
        } catch {
          rejected++;
        }
      }
      const page = eventsOfRows(rows);
      const older = rows.map((r) => r.created_at).filter((t) => t < end);
      return { events: page.events, rejected: page.rejected + rejected, next: older.length ? Math.min(...older) : start };
    },
  };
}

export const liquidationHistory: LiquidationHistory = {
  venue: 'htx',
  families: ['BTC-USDT', 'ETH-USDT'],
  endpoint: liquidationOrdersEndpoint,
  // 24 h is twelve 2-hour windows, each one request or more: 30 pages per contract, well inside
  // HTX's 240 requests per 3 s (the descriptor's budget is 5 a second).
  maxPages: 30,
};
