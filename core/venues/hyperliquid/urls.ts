import { parseUnifiedSymbol, type Market } from '../../types';
import { isAllowedOrigin, linear } from '../../page/url-helpers';

const HOSTS = ['app.hyperliquid.xyz'];
const COIN = /^[A-Za-z0-9]{1,20}$/;

/**
 * Hyperliquid `/trade/BTC` is the native USDC-collateral perp `BTC/USDC:USDC` (coin names are
 * upper-cased: `kPEPE` → `KPEPE/USDC:USDC`; the venue code maps back for API calls).
 *
 * HIP-3 builder-deployed perps (`/trade/xyz:TSLA`) give null on purpose: each builder dex has
 * its own oracle, collateral and margin table that LiqLens's Hyperliquid data and liquidation
 * rule do not cover, so showing native-dex numbers there would be wrong without saying so.
 * Spot (`/trade/HYPE/USDC`, `/trade/@107`), bare `/trade` (the market is not in the URL) and the
 * testnet host give null.
 */
export function parseMarketUrl(url: URL): Market | null {
  if (!isAllowedOrigin(url, HOSTS)) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length !== 2 || segments[0] !== 'trade') return null;
  const coin = segments[1] ?? '';
  return COIN.test(coin) ? linear('hyperliquid', coin, 'USDC') : null;
}

/**
 * The trading page of a market (alerts open it on a click). Coin names are upper-cased in LiqLens's
 * symbols; the site's own spelling of mixed-case coins (`kPEPE`) is not restored here.
 */
export function tradingPageUrl(market: Market): string | null {
  const s = parseUnifiedSymbol(market.symbol);
  return s && s.contract === 'linear' && s.quote === 'USDC' ? `https://app.hyperliquid.xyz/trade/${s.base}` : null;
}
