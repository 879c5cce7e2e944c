import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'okx',
  label: 'OKX',
  pageMatches: [
    'https://www.okx.com/trade-swap/*',
    'https://www.okx.com/*/trade-swap/*',
    'https://www.okx.com/trade-futures/*',
    'https://www.okx.com/*/trade-futures/*',
  ],
  pageExcludes: ['https://www.okx.com/*/account/*', 'https://www.okx.com/account/*'],
  // OKX serves its public REST API from the same host as the site.
  apiHosts: ['https://www.okx.com/api/*'],
};
