/**
 * URL → market. Each venue's rule checks its own exact hosts, so dispatching by trying every
 * venue is safe (a URL can satisfy at most one); a malformed URL is null, never an exception.
 */
import type { Market } from '../types';
import { VENUE_PAGES } from './adapters';

export function marketFromUrl(url: string): Market | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const venue of Object.values(VENUE_PAGES)) {
    const market = venue.parseMarketUrl(parsed);
    if (market) return market;
  }
  return null;
}
