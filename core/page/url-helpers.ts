/**
 * Small shared pieces for the per-venue URL rules in core/venues/<venue>/urls.ts.
 * Every rule fails closed: an unknown shape is `null`, never a best guess.
 */
import { unifiedSymbol, type Market, type VenueId } from '../types';

/** `en`, `zh-CN`, `zh-hans`, `en-us`, `es-419`, `pt_BR`: an optional first path segment. */
const LOCALE_SEGMENT = /^[a-z]{2,3}(?:[-_](?:[A-Za-z]{2,4}|[0-9]{3}))?$/;

/**
 * The venue's trading-page URL, if it is one we may read: https only, exact host from the
 * allow-list (so `binance.com.evil.io` and `evil-binance.com` are rejected), no credentials.
 */
export function isAllowedOrigin(url: URL, hosts: readonly string[]): boolean {
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && hosts.includes(url.hostname.toLowerCase());
}

/** Path segments without the empty ones, URI-decoded, with a leading locale segment removed. */
export function pathSegments(url: URL): string[] {
  const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
  return segments.length > 0 && LOCALE_SEGMENT.test(segments[0] ?? '') ? segments.slice(1) : segments;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parameters of a hash route such as `#contract_code=BTC-USDT&type=cross` or `#/?a=b`. */
export function hashParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#\/?\??/, ''));
}

/** `BTC`: what a base coin may look like on a venue (letters/digits, e.g. 1000PEPE). */
export const BASE = '[A-Z0-9]{1,20}';

export function linear(venue: VenueId, base: string, quote: string): Market {
  return { venue, symbol: unifiedSymbol(base, quote, quote) };
}

/** Coin-margined: quoted in USD, settled in the base coin (ccxt `BTC/USD:BTC`). */
export function inverse(venue: VenueId, base: string): Market {
  return { venue, symbol: unifiedSymbol(base, 'USD', base) };
}
