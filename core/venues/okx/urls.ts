import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

// Regional hosts (my.okx.com, app.okx.com) are left out until their routes are confirmed live.
const HOSTS = ['www.okx.com'];
const SWAP_INST_ID = new RegExp(`^(${BASE})-(USDT|USDC|USD)-SWAP$`, 'i');

/**
 * OKX `/{locale?}/trade-swap/btc-usdt-swap` (instId, any case). Some link builders put perps
 * under `/trade-futures/…-SWAP`, so a `-SWAP` instId there is a perp too; dated instIds
 * (`btc-usd-251226`) are not supported (null), nor spot, margin, options or demo routes.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments.length !== 2) return null;
  const [route, instId = ''] = segments;
  if (route !== 'trade-swap' && route !== 'trade-futures') return null;
  const m = SWAP_INST_ID.exec(instId);
  if (!m) return null;
  const base = m[1] ?? '';
  const quote = (m[2] ?? '').toUpperCase();
  return quote === 'USD' ? inverse('okx', base) : linear('okx', base, quote);
}

/** The trading page of a market (alerts open it on a click); null for a market OKX's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  const quote = s.contract === 'inverse' ? 'USD' : s.quote;
  if (!['USDT', 'USDC', 'USD'].includes(quote) || (s.contract === 'linear' && quote === 'USD')) return null;
  return `https://www.okx.com/trade-swap/${s.base.toLowerCase()}-${quote.toLowerCase()}-swap`;
}
