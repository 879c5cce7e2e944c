import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'htx',
  label: 'HTX',
  // HTX routes the contract through location.hash; the path only says "futures exchange".
  pageMatches: [
    'https://www.htx.com/futures/*',
    'https://www.htx.com/*/futures/*',
  ],
  pageExcludes: ['https://www.htx.com/*/user/*', 'https://www.htx.com/user/*'],
  apiHosts: ['https://api.hbdm.com/*'],
};
