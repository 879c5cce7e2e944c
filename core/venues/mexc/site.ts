import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'mexc',
  label: 'MEXC',
  // /exchange/ is futures on futures.mexc.com but spot on www.mexc.com: only the former is matched.
  pageMatches: [
    'https://futures.mexc.com/exchange/*',
    'https://www.mexc.com/futures/*',
    'https://www.mexc.com/*/futures/*',
  ],
  pageExcludes: ['https://www.mexc.com/*/user/*', 'https://futures.mexc.com/*/assets/*'],
  apiHosts: ['https://contract.mexc.com/*'],
};
