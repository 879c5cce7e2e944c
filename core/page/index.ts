/** The page reader's public API (content script, overlay UI). */
export { marketFromUrl } from './market-from-url';
export { VENUE_PAGES, pageAdapterFor, type VenuePage } from './adapters';
export { readPage, findOrderForm, type ReadOptions } from './read-page';
export { watchPage, type WatchWindow, type WatchOptions, type WatchCause, type ReadingListener, type PageWatch } from './watch-page';
export { choosePagePrice, crossCheckPrice, type PagePrice, type PagePriceSource, type PriceCheck } from './price';
export { healthLines, fieldLabel } from './health';
export { isSensitiveElement } from './privacy';
export { isFound } from './types';
export type * from './types';
export type { VenuePageAdapter, Probe, SideRule, PositionRule } from './adapter-types';
