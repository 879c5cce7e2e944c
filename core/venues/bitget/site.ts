import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'bitget',
  label: 'Bitget',
  pageMatches: ['https://www.bitget.com/futures/*', 'https://www.bitget.com/*/futures/*'],
  pageExcludes: ['https://www.bitget.com/*/account/*', 'https://www.bitget.com/account/*'],
  apiHosts: ['https://api.bitget.com/*'],
};
