/**
 * URL → market. Each venue's rule checks its own exact hosts, so dispatching by trying every
 * venue is safe (a URL can satisfy at most one); a malformed URL is null, never an exception.
 */
import type { Market } from '../types';
import { MARKET_URL_RULES } from './url-rules';

export function marketFromUrl(url: string): Market | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const rule of Object.values(MARKET_URL_RULES)) {
    const market = rule(parsed);
    if (market) return market;
  }
  return null;
}
