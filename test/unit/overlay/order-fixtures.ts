/**
 * The order the popup, the side panel and the alerts tests recompute: an isolated long limit order,
 * 0.5 BTC at 80,000, 20x, on Binance BTC/USDT:USDT, priced with one tier at 0.4 %.
 */
import type { OrderReport } from '@/core/overlay/popup-order';
import type { TierTable } from '@/core/liquidation/types';
import type { Market } from '@/core/types';

export const BTC: Market = { venue: 'binance', symbol: 'BTC/USDT:USDT' };

/** One tier, mmr 0.4 %, no maintenance amount. */
export function oneTierTable(market: Market = BTC): TierTable {
  return { venue: market.venue, symbol: market.symbol, tiers: [{ floor: 0, cap: 1e9, mmr: 0.004, maintenanceAmount: 0 }], source: 'test-table', asOf: 1 };
}

/** The tab's order report; `overlay` is what the page's overlay said (hostile input to the recomputation). */
export function orderReport(
  market: Market = BTC,
  fields: Partial<OrderReport['fields']> = {},
  overlay: OrderReport['overlay'] = { kind: 'computed', figures: [] },
): OrderReport {
  return {
    market,
    fields: {
      side: 'long',
      orderType: 'limit',
      limitPrice: 80_000,
      size: { amount: 0.5, unit: 'coin', unitLabel: 'BTC' },
      leverage: 20,
      marginMode: 'isolated',
      position: null,
      ...fields,
    },
    overlay,
  };
}

// Isolated, one tier at 0.4 %: long liq = entry × (1 − 1/L) / (1 − mmr); short liq = entry × (1 + 1/L) / (1 + mmr).
export const LONG_LIQ = (80_000 * (1 - 1 / 20)) / (1 - 0.004);
export const SHORT_LIQ = (80_000 * (1 + 1 / 20)) / (1 + 0.004);
