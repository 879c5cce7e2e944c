import type { HostLimit } from '../net/rate-limit';

/**
 * Vendor API hosts. They are optional host permissions: requested only when the user saves a key,
 * so a user who never adds a vendor grants LiqLens no access to those hosts at all.
 */
export const VENDOR_HOSTS = {
  coinglass: 'https://open-api-v4.coinglass.com/*',
  coinalyze: 'https://api.coinalyze.net/*',
} as const;

/** Vendor request budgets: CoinGlass Hobbyist allows 30/min, Coinalyze 40/min per key. */
export const VENDOR_HOST_LIMITS: Record<string, HostLimit> = {
  'open-api-v4.coinglass.com': { capacity: 3, perSecond: 0.4 },
  'api.coinalyze.net': { capacity: 3, perSecond: 0.6 },
};

export type VendorId = keyof typeof VENDOR_HOSTS;
export const VENDOR_IDS = Object.keys(VENDOR_HOSTS) as VendorId[];
