/** Each venue's page adapter (core/venues/<venue>/page.ts) with its URL rule. */
import type { Market, VenueId } from '../types';
import type { VenuePageAdapter } from './adapter-types';
import { MARKET_URL_RULES } from './url-rules';
import { fromVenueFolders } from '../venues/registry';

export interface VenuePage {
  parseMarketUrl: (url: URL) => Market | null;
  adapter: VenuePageAdapter;
}

export const VENUE_PAGES = fromVenueFolders(
  'page.ts',
  import.meta.glob<VenuePageAdapter>('../venues/*/page.ts', { eager: true, import: 'adapter' }),
  (adapter, venue): VenuePage => ({ parseMarketUrl: MARKET_URL_RULES[venue], adapter }),
);

export function pageAdapterFor(venue: VenueId): VenuePageAdapter {
  return VENUE_PAGES[venue].adapter;
}
