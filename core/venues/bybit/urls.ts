import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

const HOSTS = ['www.bybit.com'];
const USDT_PERP = new RegExp(`^(${BASE})USDT$`, 'i');
/** Bybit names USDC perps `BTCPERP` (URL form `BTC-PERP`); newer listings use `BTCUSDC`. */
const USDC_PERP = new RegExp(`^(${BASE}?)(?:-?PERP|USDC)$`, 'i');
const INVERSE_PERP = new RegExp(`^(${BASE})USD$`, 'i');

/**
 * Bybit `/{locale?}/trade/usdt/BTCUSDT`, `/trade/usdc/BTCPERP`, `/trade/futures/usdc/BTC-PERP`,
 * `/trade/futures/usdt/BTCUSDT`, `/trade/inverse/BTCUSD`. A symbol with a delivery date
 * (`BTCUSDT-25SEP26`, `BTCUSDH26`) is not a perpetual (null); spot and options are null.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments[0] !== 'trade') return null;
  const rest = segments[1] === 'futures' ? segments.slice(2) : segments.slice(1);
  if (rest.length !== 2) return null;
  const [settle = '', code = ''] = rest;
  switch (settle.toLowerCase()) {
    case 'usdt': {
      const m = USDT_PERP.exec(code);
      return m ? linear('bybit', m[1] ?? '', 'USDT') : null;
    }
    case 'usdc': {
      const m = USDC_PERP.exec(code);
      return m && m[1] ? linear('bybit', m[1], 'USDC') : null;
    }
    case 'inverse': {
      if (segments[1] === 'futures') return null;
      const m = INVERSE_PERP.exec(code);
      return m ? inverse('bybit', m[1] ?? '') : null;
    }
    default:
      return null;
  }
}

/** The trading page of a market (alerts open it on a click); null for a market Bybit's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  if (s.contract === 'inverse') return s.quote === 'USD' ? `https://www.bybit.com/trade/inverse/${s.base}USD` : null;
  if (s.quote === 'USDT') return `https://www.bybit.com/trade/usdt/${s.base}USDT`;
  return s.quote === 'USDC' ? `https://www.bybit.com/trade/usdc/${s.base}PERP` : null;
}
