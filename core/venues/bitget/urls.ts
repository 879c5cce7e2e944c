import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

const HOSTS = ['www.bitget.com'];
const USDT_PERP = new RegExp(`^(${BASE})USDT$`, 'i');
/** Bitget USDC-M perps are named `BTCPERP`; accept `BTCUSDC` too. */
const USDC_PERP = new RegExp(`^(${BASE}?)(?:PERP|USDC)$`, 'i');
const COIN_PERP = new RegExp(`^(${BASE})USD$`, 'i');

/**
 * Bitget `/{locale?}/futures/usdt/BTCUSDT`, `/futures/usdc/BTCPERP`, `/futures/coin/BTCUSD`.
 * Demo (`/futures/susdt/SBTCSUSDT`), legacy `/mix/…`, spot and the margin-less
 * `/futures/BTCUSDT` seen only in link builders give null.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments.length !== 3 || segments[0] !== 'futures') return null;
  const [, product = '', code = ''] = segments;
  switch (product.toLowerCase()) {
    case 'usdt': {
      const m = USDT_PERP.exec(code);
      return m ? linear('bitget', m[1] ?? '', 'USDT') : null;
    }
    case 'usdc': {
      const m = USDC_PERP.exec(code);
      return m && m[1] ? linear('bitget', m[1], 'USDC') : null;
    }
    case 'coin': {
      const m = COIN_PERP.exec(code);
      return m ? inverse('bitget', m[1] ?? '') : null;
    }
    default:
      return null;
  }
}

/** The trading page of a market (alerts open it on a click); null for a market Bitget's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  if (s.contract === 'inverse') return s.quote === 'USD' ? `https://www.bitget.com/futures/coin/${s.base}USD` : null;
  if (s.quote === 'USDT') return `https://www.bitget.com/futures/usdt/${s.base}USDT`;
  return s.quote === 'USDC' ? `https://www.bitget.com/futures/usdc/${s.base}PERP` : null;
}
