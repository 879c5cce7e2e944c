import type { VenueSite } from '../site-types';

export const site: VenueSite = {
  venue: 'gate',
  label: 'Gate',
  // gate.io moved to gate.com; both hosts still serve the trading pages.
  pageMatches: [
    'https://www.gate.com/futures/*',
    'https://www.gate.com/*/futures/*',
    'https://www.gate.io/futures/*',
    'https://www.gate.io/*/futures/*',
  ],
  pageExcludes: ['https://www.gate.com/*/myaccount/*', 'https://www.gate.io/*/myaccount/*'],
  apiHosts: ['https://api.gateio.ws/*'],
};
