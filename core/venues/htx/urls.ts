import { parseUnifiedSymbol, type Market } from '../../types';
import { BASE, hashParams, inverse, isAllowedOrigin, linear, pathSegments } from '../../page/url-helpers';

const HOSTS = ['www.htx.com'];
const LINEAR_CODE = new RegExp(`^(${BASE})-USDT$`, 'i');
const INVERSE_CODE = new RegExp(`^(${BASE})-USD$`, 'i');

/**
 * HTX futures are hash-routed: `/{locale?}/futures/linear_swap/exchange#contract_code=BTC-USDT&contract_type=swap`
 * (USDT-M perp) and `/futures/coin_swap/exchange#contract_code=BTC-USD` (coin-M perp).
 * `contract_type=futures`, coin_future (delivery) and dated codes are null. The code is read
 * from the hash first, then the query string. Variants seen only in third-party link builders
 * (`/futures/exchange/BTCUSDT`, `/futures/BTC_USDT`) are unverified and give null.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = pathSegments(url);
  if (segments.length !== 3 || segments[0] !== 'futures' || segments[2] !== 'exchange') return null;
  const params = hashParams(url);
  const code = params.get('contract_code') ?? url.searchParams.get('contract_code');
  const contractType = params.get('contract_type') ?? url.searchParams.get('contract_type');
  if (!code || (contractType !== null && contractType !== 'swap')) return null;
  if (segments[1] === 'linear_swap') {
    const m = LINEAR_CODE.exec(code);
    return m ? linear('htx', m[1] ?? '', 'USDT') : null;
  }
  if (segments[1] === 'coin_swap') {
    const m = INVERSE_CODE.exec(code);
    return m ? inverse('htx', m[1] ?? '') : null;
  }
  return null;
}

/** HTX puts the margin mode in the hash (`type=cross|isolated`): a free, exact reading. */
export function marginModeFromUrl(url: URL): 'cross' | 'isolated' | null {
  const type = hashParams(url).get('type');
  return type === 'cross' || type === 'isolated' ? type : null;
}

/** The trading page of a market (alerts open it on a click); null for a market HTX's pages do not list. */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  if (!s) return null;
  if (s.contract === 'inverse')
    return s.quote === 'USD' ? `https://www.htx.com/futures/coin_swap/exchange#contract_code=${s.base}-USD&contract_type=swap` : null;
  return s.quote === 'USDT' ? `https://www.htx.com/futures/linear_swap/exchange#contract_code=${s.base}-USDT&contract_type=swap` : null;
}
