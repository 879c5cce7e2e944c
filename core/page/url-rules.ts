/**
 * Each venue's URL → market rule (core/venues/<venue>/urls.ts), and nothing else from the venue
 * folders: the background needs only these (to check a sender's page and to know which market it
 * shows), so keeping this registry free of page readers keeps them out of the service worker.
 */
import type { Market } from '../types';
import { fromVenueFolders } from '../venues/registry';

export type MarketUrlRule = (url: URL) => Market | null;

export const MARKET_URL_RULES = fromVenueFolders(
  'urls.ts',
  import.meta.glob<MarketUrlRule>('../venues/*/urls.ts', { eager: true, import: 'parseMarketUrl' }),
  (m) => m,
);
