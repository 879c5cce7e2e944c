/**
 * Keeps the page reading fresh at almost no cost to the trading page:
 * - `input`/`change` events (capture, passive) inside the order form schedule a read;
 * - a MutationObserver on the order form only (never the order book) catches values the page sets
 *   without events (order-book click, % slider, tab switches);
 * - a MutationObserver on <head> catches title price updates;
 * - a 250 ms URL check notices SPA market switches (pushState fires no event in an isolated world),
 *   plus `hashchange`/`popstate`; every 4th tick re-reads for inputs whose value attribute is not synced.
 * All reads are coalesced to one per animation frame, and reads use no layout-forcing APIs.
 *
 * Reads reuse the elements located before (ResolutionCache): a keystroke costs a few `value` and
 * `textContent` reads, not every fallback chain. The located elements are thrown away, and every
 * probe chain runs again, when the form's structure changes (nodes added or removed, or an attribute
 * other than `value` changes: a tab, `hidden`, a class), when a located element leaves the page,
 * on a market switch, on `refresh()`, and every 4 s on the slow re-read (which reads every field's
 * value each second).
 */
import type { Market } from '../types';
import type { VenuePageAdapter } from './adapter-types';
import { marketFromUrl } from './market-from-url';
import { ResolutionCache } from './dom';
import { fieldsTypedInto, findOrderForm, readPage } from './read-page';
import type { PageReading } from './types';

/** The slice of `window` the watcher uses, passed in so core/ has no globals. */
export interface WatchWindow {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  MutationObserver: typeof MutationObserver;
  location: { href: string };
  addEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
}

export type WatchCause = 'start' | 'input' | 'mutation' | 'title' | 'poll' | 'navigation';

/** `reading: null` = the page is (now) not a market this adapter reads: hide the order overlay. */
export type ReadingListener = (reading: PageReading | null, cause: WatchCause) => void;

export interface WatchOptions {
  resolveMarket?: (url: string) => Market | null;
  urlCheckMs?: number;
  /** Re-read every N URL checks even without events (values set silently by the page). */
  rereadEveryTicks?: number;
  /**
   * Every N URL checks the re-read also locates every field again from scratch (a decoy or an
   * earlier hook that appeared through text changes alone). Structure changes in the form do that
   * at once; this bounds how long a text-only change outside them can go unnoticed.
   */
  relocateEveryTicks?: number;
  now?: () => number;
}

export interface PageWatch {
  stop(): void;
  /** Force a read on the next frame (e.g. when the overlay opens). */
  refresh(): void;
}

const FORM_ATTRIBUTES = ['value', 'aria-selected', 'aria-pressed', 'aria-checked', 'class', 'hidden', 'style', 'disabled', 'data-state'];

function changesStructure(record: MutationRecord): boolean {
  return record.type === 'childList' || (record.type === 'attributes' && record.attributeName !== 'value');
}

export function watchPage(doc: Document, win: WatchWindow, adapter: VenuePageAdapter, onReading: ReadingListener, options: WatchOptions = {}): PageWatch {
  const resolveMarket = options.resolveMarket ?? marketFromUrl;
  const rereadEvery = options.rereadEveryTicks ?? 4;
  const relocateEvery = options.relocateEveryTicks ?? 16;
  let url = win.location.href;
  let market = marketFor(url);
  let form: Element | null = null;
  let frame: number | null = null;
  let pendingCause: WatchCause | null = null;
  /** What the trader typed into since the last read; null once anything else asked for a read. */
  let typedInto: Set<Node> | null = null;
  let everyField = false;
  let last: PageReading | null = null;
  let lastKey = '';
  let ticks = 0;
  let stopped = false;
  const cache = new ResolutionCache();

  function marketFor(href: string): Market | null {
    const m = resolveMarket(href);
    return m && m.venue === adapter.venue ? m : null;
  }

  const formObserver = new win.MutationObserver((records) => {
    // Text and value changes keep the located elements (their values are read fresh); anything
    // that can add, remove, reveal or re-select an element makes every field be located again.
    if (records.some(changesStructure)) cache.clear();
    schedule('mutation');
  });
  const headObserver = new win.MutationObserver(() => schedule('title'));

  function observeForm(): void {
    formObserver.disconnect();
    cache.clear();
    form = findOrderForm(doc, adapter, cache);
    if (form) formObserver.observe(form, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: FORM_ATTRIBUTES });
  }

  function emit(cause: WatchCause, targets: Set<Node> | null = null): void {
    if (stopped) return;
    if (!market) {
      if (lastKey !== 'none') {
        lastKey = 'none';
        onReading(null, cause);
      }
      return;
    }
    // Typing re-reads only the field typed into (plus prices); anything else reads every field.
    const only = targets && last ? fieldsTypedInto(adapter, cache, targets) : null;
    const reading = readPage(doc, adapter, market, { url, now: options.now, cache, ...(only && last ? { only, previous: last } : {}) });
    last = reading;
    const key = `${market.symbol}|${JSON.stringify(reading.fields)}`;
    if (key === lastKey) return;
    lastKey = key;
    onReading(reading, cause);
  }

  function schedule(cause: WatchCause, target?: Node): void {
    if (stopped) return;
    pendingCause ??= cause;
    if (target && !everyField) (typedInto ??= new Set()).add(target);
    else {
      everyField = true;
      typedInto = null;
    }
    if (frame !== null) return;
    frame = win.requestAnimationFrame(() => {
      frame = null;
      const c = pendingCause ?? cause;
      const targets = typedInto;
      pendingCause = null;
      typedInto = null;
      everyField = false;
      if (form && !form.isConnected) observeForm();
      emit(c, targets);
    });
  }

  function checkUrl(): void {
    const href = win.location.href;
    if (href === url) return;
    url = href;
    const next = marketFor(href);
    const switched = next?.symbol !== market?.symbol;
    market = next;
    if (switched) lastKey = '';
    observeForm();
    // A market switch is reported at once, not on the next frame: rAF does not run in hidden tabs.
    emit('navigation');
  }

  const onInput = (event: Event) => {
    const target = event.target as Node | null;
    if (!form) schedule('input');
    else if (target && form.contains(target)) schedule('input', target);
  };

  const tick = () => {
    checkUrl();
    ticks += 1;
    if (ticks % rereadEvery !== 0 || doc.hidden) return;
    if (!form || !form.isConnected || ticks % relocateEvery === 0) observeForm();
    schedule('poll');
  };

  doc.addEventListener('input', onInput, { capture: true, passive: true });
  doc.addEventListener('change', onInput, { capture: true, passive: true });
  win.addEventListener('hashchange', checkUrl);
  win.addEventListener('popstate', checkUrl);
  if (doc.head) headObserver.observe(doc.head, { subtree: true, childList: true, characterData: true });
  const interval = win.setInterval(tick, options.urlCheckMs ?? 250);
  observeForm();
  emit('start');

  return {
    stop() {
      stopped = true;
      formObserver.disconnect();
      headObserver.disconnect();
      doc.removeEventListener('input', onInput, { capture: true });
      doc.removeEventListener('change', onInput, { capture: true });
      win.removeEventListener('hashchange', checkUrl);
      win.removeEventListener('popstate', checkUrl);
      win.clearInterval(interval);
      if (frame !== null) win.cancelAnimationFrame(frame);
    },
    refresh() {
      lastKey = '';
      cache.clear();
      schedule('poll');
    },
  };
}
