import type { HostLimit } from '../net/rate-limit';

/**
 * Vendor API hosts. They are optional host permissions: requested only when the user saves a key,
 * so a user who never adds a vendor grants LiqLens no access to those hosts at all.
 */
export const VENDOR_HOSTS = {
  coinglass: 'https://open-api-v4.coinglass.com/*',
  coinalyze: 'https://api.coinalyze.net/*',
  coinank: 'https://open-api.coinank.com/*',
} as const;

/**
 * Vendor request budgets: CoinGlass Hobbyist allows 30/min, Coinalyze 40/min per key. CoinAnk
 * publishes no figure (it answers code -2 "too frequent"): it gets CoinGlass's budget.
 */
export const VENDOR_HOST_LIMITS: Record<string, HostLimit> = {
  'open-api-v4.coinglass.com': { capacity: 3, perSecond: 0.4 },
  'api.coinalyze.net': { capacity: 3, perSecond: 0.6 },
  'open-api.coinank.com': { capacity: 3, perSecond: 0.4 },
};

export type VendorId = keyof typeof VENDOR_HOSTS;
export const VENDOR_IDS = Object.keys(VENDOR_HOSTS) as VendorId[];

/** How each vendor is named on screen. */
export const VENDOR_LABELS: Record<VendorId, string> = { coinglass: 'CoinGlass', coinalyze: 'Coinalyze', coinank: 'CoinAnk' };
