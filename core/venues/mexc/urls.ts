import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

const FUTURES_HOST = 'futures.mexc.com';
const MAIN_HOSTS = ['www.mexc.com'];
/** MEXC symbols are always `BASE_QUOTE`; the concatenated `BTCUSDT` 404s on the site. */
const CONTRACT = new RegExp(`^(${BASE})_(USDT|USDC|USD)$`, 'i');

function contract(code: string): Market | null {
  const m = CONTRACT.exec(code);
  if (!m) return null;
  const quote = (m[2] ?? '').toUpperCase();
  return quote === 'USD' ? inverse('mexc', m[1] ?? '') : linear('mexc', m[1] ?? '', quote);
}

/**
 * The MEXC trap: `/exchange/BTC_USDT` is a **futures** page on futures.mexc.com but **spot** on
 * www.mexc.com. Futures also live at `www.mexc.com/{locale?}/futures/BTC_USDT`; event and
 * prediction futures, spot and the testnet host give null.
 */
export function parseMarketUrl(url: URL): Market | null {
  const segments = pathSegments(url);
  if (segments.length !== 2) return null;
  const [route, code = ''] = segments;
  if (isAllowedOrigin(url, [FUTURES_HOST])) return route === 'exchange' ? contract(code) : null;
  if (isAllowedOrigin(url, MAIN_HOSTS)) return route === 'futures' ? contract(code) : null;
  return null;
}

/** The trading page of a market (alerts open it on a click); null for a market MEXC's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  const quote = s.contract === 'inverse' ? 'USD' : s.quote;
  if (!['USDT', 'USDC', 'USD'].includes(quote) || (s.contract === 'linear' && quote === 'USD')) return null;
  return `https://futures.mexc.com/exchange/${s.base}_${quote}`;
}
