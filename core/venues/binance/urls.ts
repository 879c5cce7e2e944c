import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

// Only hosts the manifest injects into (core/venues/binance/site.ts); the bare host redirects to www.
const HOSTS = ['www.binance.com'];
/** USDⓈ-M perpetual: `BTCUSDT`, `1000PEPEUSDT`, `ETHUSDC`. Dated (`BTCUSDT_251226`) never matches. */
const USDM_PERP = new RegExp(`^(${BASE})(USDT|USDC)$`, 'i');
/** COIN-M perpetual: `BTCUSD_PERP` or the older `btcusd_perpetual`. */
const COINM_PERP = new RegExp(`^(${BASE})USD_PERP(?:ETUAL)?$`, 'i');

/**
 * Binance USDⓈ-M `/{locale?}/futures/BTCUSDT` and COIN-M `/{locale?}/delivery/BTCUSD_PERP`.
 * Dated quarterlies, spot `/trade/…`, options `/eoptions/…`, calculators, funding history and
 * `/my/…` account pages are not markets (null). demo.binance.com is not the live venue (null).
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments.length !== 2) return null;
  const [product, code = ''] = segments;
  if (product === 'futures') {
    const m = USDM_PERP.exec(code);
    return m ? linear('binance', m[1] ?? '', m[2] ?? '') : null;
  }
  if (product === 'delivery') {
    const m = COINM_PERP.exec(code);
    return m ? inverse('binance', m[1] ?? '') : null;
  }
  return null;
}

/** The trading page of a market (alerts open it on a click); null for a market Binance's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  if (s.contract === 'inverse') return s.quote === 'USD' ? `https://www.binance.com/en/delivery/${s.base}USD_PERP` : null;
  return s.quote === 'USDT' || s.quote === 'USDC' ? `https://www.binance.com/en/futures/${s.base}${s.quote}` : null;
}
