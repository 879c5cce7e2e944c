import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

/** gate.io moved to gate.com; both still serve the trading pages. */
const HOSTS = ['www.gate.com', 'www.gate.io'];
const CONTRACT = new RegExp(`^(${BASE})_(USDT|USD)$`, 'i');

/**
 * Gate `/{locale?}/futures/USDT/BTC_USDT` (settle segment in any case) and coin-M
 * `/futures/BTC/BTC_USD` (unverified live). The settle segment must agree with the contract.
 * Delivery (`/futures-delivery/usdt/SOL_USDT_20260710`), legacy `/futures_trade/…` and spot
 * `/trade/BTC_USDT` give null.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments.length !== 3 || segments[0] !== 'futures') return null;
  const settle = (segments[1] ?? '').toUpperCase();
  const m = CONTRACT.exec(segments[2] ?? '');
  if (!m) return null;
  const base = (m[1] ?? '').toUpperCase();
  const quote = (m[2] ?? '').toUpperCase();
  if (quote === 'USDT' && settle === 'USDT') return linear('gate', base, 'USDT');
  if (quote === 'USD' && settle === base) return inverse('gate', base);
  return null;
}

/** The trading page of a market (alerts open it on a click); null for a market Gate's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  if (s.contract === 'inverse') return s.quote === 'USD' ? `https://www.gate.com/futures/${s.base}/${s.base}_USD` : null;
  return s.quote === 'USDT' ? `https://www.gate.com/futures/USDT/${s.base}_USDT` : null;
}
