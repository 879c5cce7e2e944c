/**
 * What a trading page may make the background do for a market. A content script's market must be
 * its own page's (the browser-set sender URL, through the venues' URL rules); one tab may bring up
 * at most MARKETS_PER_TAB_PER_MINUTE different markets a minute (a page rewriting its address
 * cannot turn the trader's IP budget and disk into a crawler); and keyed vendor calls are made only
 * for a market the trader stayed on (shown STAY_MS in one tab, or asked for from our own pages).
 */
import type { Market } from '../types';
import type { SenderKind } from '../messages/protocol';
import type { SenderInfo } from '../messages/router';
import { UserFacingError } from '../messages/router';
import { marketKey } from './data';

export const MARKETS_PER_TAB_PER_MINUTE = 10;
/** How long a market must stay on screen in one tab before a vendor key is spent on it. */
export const STAY_MS = 10_000;
const MINUTE = 60_000;
/** Tabs remembered at once: older ones are forgotten first (a closed tab sends nothing more). */
const MAX_TABS = 200;

export interface MarketGuardOptions {
  now: () => number;
  marketOfUrl: (url: string) => Market | null;
  perTabPerMinute?: number;
  stayMs?: number;
}

interface TabMarkets {
  /** Market key → when this tab last asked for it. */
  recent: Map<string, number>;
  /** The market this tab shows now and since when. */
  current: string;
  since: number;
}

export function createMarketGuard(options: MarketGuardOptions) {
  const limit = options.perTabPerMinute ?? MARKETS_PER_TAB_PER_MINUTE;
  const stayMs = options.stayMs ?? STAY_MS;
  const tabs = new Map<number, TabMarkets>();

  /**
   * Admits one request naming `market`, or throws a UserFacingError the overlay shows.
   * Returns whether the trader stayed on it long enough for keyed vendor calls.
   */
  function admit(market: Market, sender: { kind: SenderKind; info: SenderInfo }): { stayed: boolean } {
    // Our own pages (popup, options) ask on the trader's click.
    if (sender.kind === 'extension') return { stayed: true };
    const own = sender.info.url ? options.marketOfUrl(sender.info.url) : null;
    if (!own || own.venue !== market.venue || own.symbol !== market.symbol) throw new UserFacingError("Refused: that is not this page's market.", 'forbidden');
    const now = options.now();
    const key = marketKey(market);
    const tabId = sender.info.tabId ?? -1;
    let tab = tabs.get(tabId);
    if (tab) tabs.delete(tabId);
    tab ??= { recent: new Map(), current: key, since: now };
    for (const [k, at] of tab.recent) if (now - at >= MINUTE) tab.recent.delete(k);
    if (!tab.recent.has(key) && tab.recent.size >= limit) {
      tabs.set(tabId, tab);
      throw new UserFacingError(
        `This tab opened more than ${limit} different markets within a minute, so LiqLens loads no new market for it until a minute has passed (a page that keeps rewriting its address can cause this).`,
        'forbidden',
      );
    }
    tab.recent.set(key, now);
    if (tab.current !== key) {
      tab.current = key;
      tab.since = now;
    }
    // Re-inserted: the Map's order is recency, the oldest tab is forgotten first.
    tabs.set(tabId, tab);
    if (tabs.size > MAX_TABS) tabs.delete(tabs.keys().next().value as number);
    return { stayed: now - tab.since >= stayMs };
  }

  return { admit };
}

export type MarketGuard = ReturnType<typeof createMarketGuard>;
