import { browser } from 'wxt/browser';
/**
 * The one place the overlay meets the page reader (core/page) and the engine's order builder
 * (core/liquidation/order.ts, through core/overlay/page-order.ts). Everything the content script
 * needs from them goes through here, except the URL → market rule (core/page/market-from-url.ts).
 */
import type { VenueId } from '@/core/types';
import { pageAdapterFor } from '@/core/page/adapters';
import { findOrderForm } from '@/core/page/read-page';
import { watchPage as watchReadings, type PageWatch, type WatchWindow } from '@/core/page/watch-page';
import { isFound, type PageReading } from '@/core/page/types';
import type { Rect } from '@/core/overlay/position';
import { orderFromReading, readingToInputs } from '@/core/overlay/page-order';
import type { OverlaySession } from '@/core/overlay/session';
import type { StartEnv } from '@/core/overlay/start';
import { healthOf, sameHealth } from '@/core/overlay/health';
import type { Market } from '@/core/types';
import { capturePage, type PageCapture } from '@/core/overlay/report-capture';
import { selfChecks } from '@/core/overlay/self-check';
import { computeLiquidation } from '@/core/liquidation/engine';

export type { PageWatch } from '@/core/page/watch-page';

/** The order form's box, read once when the overlay is first placed (one layout read, at start). */
export function orderFormRect(doc: Document, venue: VenueId): Rect | null {
  const form = findOrderForm(doc, pageAdapterFor(venue));
  if (!form) return null;
  const r = form.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
}

/** The page's own price: last traded, else the title's (the header says "last"). */
function pagePrice(reading: PageReading): number | null {
  const f = reading.fields;
  if (isFound(f.lastPrice)) return f.lastPrice.value;
  if (isFound(f.titlePrice)) return f.titlePrice.value;
  return null;
}

/**
 * Feeds the session from the page: market switches, the page price, and the order being typed.
 * The order is rebuilt when the page changes and when facts it depends on arrive (tier table,
 * contract size, mark price, the facts settling); memoization downstream makes an unchanged order
 * free. Until the market's facts are settled the session shows the order as being priced.
 */
const SELF_CHECK_PAUSE_MS = 200;

export function connectPage(doc: Document, win: WatchWindow, venue: VenueId, session: OverlaySession): PageWatch & { lastReading(): PageReading | null } {
  let last: PageReading | null = null;
  /** Disagreements already kept this page visit: each is written once, not on every keystroke. */
  const kept = new Set<string>();
  let pending: ReturnType<typeof setTimeout> | undefined;
  /** The exchange's own figures on the page, checked against LiqLens's; only ever compared. */
  const check = () => {
    const ctx = session.context();
    if (!last || !ctx || !session.factsSettled.get()) return;
    const checks = selfChecks(last, ctx, computeLiquidation, session.order.get(), session.data.get().snapshot?.mark?.price ?? null);
    if (JSON.stringify(checks) === JSON.stringify(session.selfChecks.get())) return;
    session.selfChecks.set(checks);
    for (const c of checks) {
      const key = `${c.what}|${c.exchange}|${c.ours}`;
      if (c.agrees || kept.has(key)) continue;
      if (kept.size > 50) kept.clear();
      kept.add(key);
      session.keepDisagreement(c);
    }
  };
  // Off the keystroke path: the check runs once typing pauses (200 ms after the last rebuild). One
  // timer re-arms itself for the rest of the pause, so a keystroke costs no clearTimeout/setTimeout pair.
  let lastRebuild = 0;
  const checkWhenPaused = () => {
    const wait = lastRebuild + SELF_CHECK_PAUSE_MS - Date.now();
    if (wait > 0) {
      pending = setTimeout(checkWhenPaused, wait);
      return;
    }
    pending = undefined;
    check();
  };
  const rebuild = () => {
    if (!last) return;
    session.setOrder(orderFromReading(last, session.context(), readingToInputs));
    lastRebuild = Date.now();
    if (pending === undefined) pending = setTimeout(checkWhenPaused, SELF_CHECK_PAUSE_MS);
  };
  const watch = watchReadings(doc, win, pageAdapterFor(venue), (reading) => {
    last = reading;
    session.setMarket(reading ? reading.market : null);
    if (!reading) return;
    session.setPagePrice(pagePrice(reading));
    const health = healthOf(reading);
    if (!sameHealth(health, session.health.get())) session.health.set(health);
    rebuild();
  });
  // Which price the order is priced from, and whether it is the page's: a change reprices the order.
  const markOf = () => {
    const c = session.context();
    return c ? `${c.markPrice}|${c.markFrom}|${c.markMissing?.reason ?? ''}` : null;
  };
  let mark = markOf();
  const unsubscribe = [
    session.tiers.subscribe(rebuild),
    session.instrument.subscribe(rebuild),
    session.factsSettled.subscribe(rebuild),
    session.priceFromPage.subscribe(rebuild),
    session.data.subscribe(() => {
      const next = markOf();
      if (next !== mark) {
        mark = next;
        rebuild();
      }
    }),
  ];
  return {
    stop() {
      watch.stop();
      clearTimeout(pending);
      pending = undefined;
      for (const u of unsubscribe) u();
    },
    refresh: () => watch.refresh(),
    lastReading: () => last,
  };
}

/**
 * WXT stops a content script when a "content script started" CustomEvent with its name reaches the
 * document, and any page script can dispatch one. While this extension is alive no newer copy of
 * this script can be starting, so the event stops at the window (capture runs before WXT's listener
 * on the document); after an extension reload (runtime gone) it passes, as WXT meant.
 */
export function guardScriptStartedEvent(
  ctx: { addEventListener: (target: Window, type: 'message', fn: (e: Event) => void, options?: AddEventListenerOptions) => void; constructor: unknown },
  win: Window,
): void {
  const started = (ctx.constructor as { SCRIPT_STARTED_MESSAGE_TYPE?: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  if (started) ctx.addEventListener(win, started as 'message', (event) => browser.runtime?.id && event.stopImmediatePropagation(), { capture: true });
}

/** The page copy a page report is made from (on the trader's click; see core/overlay/report-capture.ts). */
export function pageForReport(doc: Document, venue: VenueId, market: Market | null): PageCapture | null {
  return market ? capturePage(doc, findOrderForm(doc, pageAdapterFor(venue)), market) : null;
}

/** Everything start-up reads from the page, for one venue's page (core/overlay/start.ts). */
export function pageHooks(
  doc: Document,
  win: WatchWindow,
  venue: VenueId,
  session: OverlaySession,
): Pick<StartEnv, 'orderFormRect' | 'watchPage' | 'capturePage'> {
  return {
    orderFormRect: () => orderFormRect(doc, venue),
    watchPage: () => connectPage(doc, win, venue, session),
    capturePage: () => pageForReport(doc, venue, session.data.get().market),
  };
}
