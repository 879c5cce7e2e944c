/**
 * The one place the overlay meets the page reader (core/page) and the engine's order builder
 * (core/liquidation/order.ts). Everything the content script needs from them goes through here,
 * so swapping or upgrading either touches this file only.
 */
import type { Market, VenueId } from '@/core/types';
import { SITES } from '@/core/venues/sites';
import type { Rect } from '@/core/overlay/position';
import type { OrderBuild } from '@/core/overlay/page-order';
import type { MarketContext } from '@/core/overlay/session';

export interface PageWatch {
  stop(): void;
}

export interface PageCallbacks {
  onMarket(market: Market | null): void;
  onPrice(price: number | null): void;
  onOrder(build: OrderBuild): void;
}

/** The venue whose trading pages live on this host (the content script only runs on those). */
export function venueForHost(hostname: string): VenueId | null {
  for (const site of Object.values(SITES)) {
    for (const pattern of site.pageMatches) {
      const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
      if (host === hostname) return site.venue;
    }
  }
  return null;
}

/** Market of the page from its URL. Pending: core/page marketFromUrl. */
export function marketOf(_url: string): Market | null {
  return null;
}

/** The order form's box, read once when the overlay is first placed. Pending: the adapter's formRoot. */
export function orderFormRect(_doc: Document, _venue: VenueId): Rect | null {
  return null;
}

/** Starts watching the page: market switches, price, and the order being typed. Pending: core/page watchPage. */
export function watchPage(_doc: Document, _market: Market, _context: () => MarketContext | null, _callbacks: PageCallbacks): PageWatch {
  return { stop() {} };
}
