import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'bybit',
  label: 'Bybit',
  pageMatches: [
    'https://www.bybit.com/trade/usdt/*',
    'https://www.bybit.com/*/trade/usdt/*',
    'https://www.bybit.com/trade/usdc/*',
    'https://www.bybit.com/*/trade/usdc/*',
    'https://www.bybit.com/trade/inverse/*',
    'https://www.bybit.com/*/trade/inverse/*',
    'https://www.bybit.com/trade/futures/*',
    'https://www.bybit.com/*/trade/futures/*',
  ],
  pageExcludes: ['https://www.bybit.com/*/user/*', 'https://www.bybit.com/user/*'],
  apiHosts: ['https://api.bybit.com/*'],
};
