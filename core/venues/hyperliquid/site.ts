import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'hyperliquid',
  label: 'Hyperliquid',
  pageMatches: ['https://app.hyperliquid.xyz/trade', 'https://app.hyperliquid.xyz/trade?*', 'https://app.hyperliquid.xyz/trade/*'],
  pageExcludes: [],
  apiHosts: ['https://api.hyperliquid.xyz/*'],
};
