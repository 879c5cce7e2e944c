/**
 * Each venue's market → trading-page URL (core/venues/<venue>/urls.ts `tradingPageUrl`): what a
 * clicked alert opens. The inverse of the URL rules in url-rules.ts, held to it by a round-trip test.
 */
import type { Market } from '../types';
import { fromVenueFolders } from '../venues/registry';

export type TradingPageUrl = (market: Market) => string | null;

const BUILDERS = fromVenueFolders('urls.ts', import.meta.glob<TradingPageUrl>('../venues/*/urls.ts', { eager: true, import: 'tradingPageUrl' }), (m) => m);

/** The market's trading page on its venue, or null when that venue lists no such page. */
export function tradingPageUrl(market: Market): string | null {
  return BUILDERS[market.venue]?.(market) ?? null;
}
