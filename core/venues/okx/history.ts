import type { LiquidationHistory } from '../../realized/stream-types';
import { contractsEndpoint } from './market-data';
import { liquidationOrdersEndpoint } from './streams';

/** REST /public/liquidation-orders: 100 orders a page, `after` pages back (the same details[] as the stream). */
export const liquidationHistory: LiquidationHistory = {
  venue: 'okx',
  families: ['BTC-USDT', 'ETH-USDT'],
  endpoint: liquidationOrdersEndpoint,
  contracts: contractsEndpoint(),
  // 100 orders a page: 1000 per family per backfill, at 5 requests per 2 s per the descriptor's budget.
  maxPages: 10,
};
