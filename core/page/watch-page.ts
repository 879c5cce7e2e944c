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
 * probe chain runs again, when a structure change in the form can touch what the probes find
 * (`structureChange` below: nodes added or removed, or an attribute other than `value` changed, that
 * show a hook selector or label word, sit under a parent holding a located element, or detached one),
 * on a market switch, on `refresh()`, and every 4 s on the slow re-read (which reads every field's
 * value each second). Changes that touch none of that (a spinner, an animation, a toast inside the
 * form) cost a few `matches`/`contains` calls and no read at all.
 */
import { withMeaning } from './meaning';
import type { Market } from '../types';
import type { Probe, VenuePageAdapter } from './adapter-types';
import { marketFromUrl } from './market-from-url';
import { ResolutionCache } from './dom';
import { fieldsTypedInto, findOrderForm, readPage } from './read-page';
import { sameData } from './same-reading';
import type { PageFields, PageReading } from './types';
import { LABELS, normaliseLabel } from './vocabulary';

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

/** What any of an adapter's probes can look for: one selector list and every label word. */
interface Hooks {
  selector: string;
  words: string[];
  /** Selectors of text-matched probes (`button` showing `20x`): a text change inside one can make a second match. */
  textSelector: string | null;
  /** Attributes a probe or the reader looks at, to observe in the form. */
  attributes: string[];
  /** The probe chains bounded by the order form (no document scope, no `within`): mutation vetting covers them. */
  formChains: Set<readonly Probe[]>;
  /** A probe this module cannot vet (sibling or :has selectors, an unknown probe key): every structure change relocates. */
  unvetted: boolean;
}

const PROBE_KEYS = new Set(['hook', 'css', 'label', 'scope', 'within', 'attr', 'ancestorContaining', 'textMatches', 'relativeTo']);

export function hooksOf(adapter: VenuePageAdapter): Hooks {
  // Every input and button can become a label-probe or text-matched hit, so they always count.
  const selectors = new Set(['input', 'textarea', 'select', 'button', 'label']);
  const textSelectors = new Set<string>();
  // Labels, visibility and privacy checks read these besides whatever the selectors name.
  const attributes = new Set([
    ...FORM_ATTRIBUTES,
    'id',
    'name',
    'type',
    'role',
    'for',
    'aria-label',
    'aria-labelledby',
    'placeholder',
    'aria-hidden',
    'inert',
    'autocomplete',
  ]);
  const words = new Set<string>(Object.values(LABELS).flat().map(normaliseLabel));
  let unvetted = false;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Probe).hook === 'string') {
      const probe = value as Probe;
      if (Object.keys(probe).some((k) => !PROBE_KEYS.has(k))) unvetted = true;
      for (const css of [probe.css, probe.within, probe.ancestorContaining, probe.relativeTo?.css, probe.relativeTo?.closest]) if (css) selectors.add(css);
      for (const w of probe.label ?? []) words.add(normaliseLabel(w));
      if (probe.textMatches && probe.css) textSelectors.add(probe.css);
      if (probe.attr) attributes.add(probe.attr);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(adapter);
  const selector = [...selectors].join(', ');
  if (/[~+]|:has\(/.test(selector)) unvetted = true;
  for (const m of selector.matchAll(/\[\s*([\w-]+)/g)) attributes.add(m[1]!.toLowerCase());
  const { side } = adapter;
  const fieldChains = [
    adapter.orderType,
    side.openCloseTab,
    side.selected,
    side.longButton,
    side.shortButton,
    adapter.limitPrice,
    adapter.size,
    adapter.sizeUnit,
    adapter.leverage,
    adapter.marginMode,
    adapter.availableBalance,
  ];
  // The reader resolves the meaning-augmented chains (core/page/meaning.ts): those are the ones it relocates.
  const meaning = withMeaning(adapter);
  const meaningChains = [
    meaning.orderType,
    meaning.side.openCloseTab,
    meaning.side.selected,
    meaning.side.longButton,
    meaning.side.shortButton,
    meaning.limitPrice,
    meaning.size,
    meaning.sizeUnit,
    meaning.leverage,
    meaning.marginMode,
    meaning.availableBalance,
    meaning.estLiqPrice,
  ];
  // A selected tab or pressed button found by meaning is checked by its text, like a text-matched hook.
  for (const chain of meaningChains) for (const probe of chain ?? []) if (probe.textMatches && probe.css) textSelectors.add(probe.css);
  const formChains = new Set(
    [...fieldChains, ...meaningChains].filter((chain): chain is readonly Probe[] => !!chain && chain.every((p) => p.scope !== 'document' && !p.within)),
  );
  return {
    selector,
    words: [...words].filter(Boolean),
    textSelector: textSelectors.size ? [...textSelectors].join(', ') : null,
    attributes: [...attributes],
    formChains,
    unvetted,
  };
}

/** A text change that could make a second text-matched or labelled element (caught by the next relocation, as before). */
function suspectText(parent: Node | null, text: string | null, hooks: Hooks): boolean {
  if (hooks.unvetted || startsWithWord(text, hooks.words)) return true;
  const element = parent && parent.nodeType === 1 ? (parent as Element) : (parent?.parentElement ?? null);
  if (!element || !hooks.textSelector) return false;
  try {
    return !!element.closest(hooks.textSelector);
  } catch {
    return true;
  }
}

function startsWithWord(text: string | null, words: string[]): boolean {
  const t = text ? normaliseLabel(text) : '';
  return !!t && words.some((w) => t.startsWith(w));
}

function ownTextShowsWord(element: Element, words: string[]): boolean {
  let own = '';
  for (const child of Array.from(element.childNodes)) if (child.nodeType === 3) own += child.textContent ?? '';
  return startsWithWord(own, words);
}

/**
 * Attributes that can change whether text already in the page counts as a label hit: visibility as
 * the reader sees it (`isHidden`) and the privacy check's naming attributes. Any other attribute
 * (a class, `aria-selected`) changes only which selectors match, so its text need not be scanned.
 */
const TEXT_ATTRIBUTES = new Set(['hidden', 'inert', 'aria-hidden', 'style', 'name', 'id', 'autocomplete', 'aria-label', 'placeholder', 'data-testid', 'type']);

/** Whether a node (and its subtree) shows anything a probe looks for: a hook selector's match, or text starting with a label word. */
function showsHooks(node: Node, hooks: Hooks, scanText = true): boolean {
  if (node.nodeType === 3) return startsWithWord(node.textContent, hooks.words);
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  try {
    if (element.matches(hooks.selector) || element.querySelector(hooks.selector)) return true;
  } catch {
    return true; // a selector this engine rejects: fail closed
  }
  if (!scanText) return false;
  if (ownTextShowsWord(element, hooks.words)) return true;
  for (const inner of Array.from(element.querySelectorAll('*'))) if (ownTextShowsWord(inner, hooks.words)) return true;
  return false;
}

/**
 * What a batch of form mutations asks for:
 * - `relocate`: run every probe chain again, as the structure may now answer differently — a node
 *   added or removed (or an element whose attributes changed) shows a hook selector or label word,
 *   the changed parent/element holds a located element (a new neighbour can relabel an input, a tab
 *   or `hidden` flip can hide or select it), or a located element has left the page;
 * - `read`: the located elements hold, but text changed, possibly inside one of them;
 * - `none`: nothing a probe can see or a located element shows changed (one toggled spinner in a
 *   big form): no read at all.
 */
export function structureChange(
  records: readonly MutationRecord[],
  cache: ResolutionCache,
  form: Element | null,
  hooks: Hooks,
): { change: 'relocate' | 'read' | 'none'; suspectText: boolean } {
  const located: Element[] = [];
  /** Elements whose text a read shows: the located ones, and the value beside a text label. */
  const shown: Element[] = [];
  for (const entry of cache.entries.values()) {
    for (const el of [entry.element, entry.matched]) if (el && el !== form && !located.includes(el)) located.push(el);
    if (entry.element && entry.element !== form) shown.push(entry.element);
    const beside = entry.labelWord !== null ? entry.element?.nextElementSibling : null;
    if (beside) shown.push(beside);
  }
  const holdsLocated = (node: Node) => located.some((el) => node === el || node.contains(el));
  const insideLocated = (node: Node) => shown.some((el) => el.contains(node));
  const relocate = { change: 'relocate', suspectText: false } as const;
  let answer: 'read' | 'none' = 'none';
  let suspect = false;
  for (const record of records) {
    if (record.type === 'characterData') {
      answer = 'read';
      suspect ||= suspectText(record.target.parentNode, record.target.textContent, hooks);
      continue;
    }
    if (record.type === 'attributes' && record.attributeName === 'value') {
      answer = 'read';
      continue;
    }
    if (hooks.unvetted || holdsLocated(record.target)) return relocate;
    if (record.type === 'attributes') {
      if (showsHooks(record.target, hooks, TEXT_ATTRIBUTES.has(record.attributeName ?? ''))) return relocate;
      continue;
    }
    for (const list of [record.addedNodes, record.removedNodes]) {
      for (const node of Array.from(list)) {
        if (showsHooks(node, hooks)) return relocate;
        if (!suspect && node.textContent) suspect = suspectText(record.target, null, hooks);
      }
    }
    if (insideLocated(record.target)) answer = 'read';
  }
  // A located element moved elsewhere was in a removed node, which showed its hook or label above.
  if (located.some((el) => !el.isConnected)) return relocate;
  return { change: answer, suspectText: suspect };
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
  /** What was last reported: `null` = nothing yet (or forgotten), `'none'` = no market. */
  let reported: { symbol: string; fields: PageFields } | 'none' | null = null;
  let ticks = 0;
  let stopped = false;
  /** A text change in the form since it was last located that may have made a second match. */
  let textSuspect = false;
  const cache = new ResolutionCache();
  const hooks = hooksOf(adapter);

  function marketFor(href: string): Market | null {
    const m = resolveMarket(href);
    return m && m.venue === adapter.venue ? m : null;
  }

  const formObserver = new win.MutationObserver((records) => {
    // Text and value changes keep the located elements (their values are read fresh); a change that
    // can add, remove, reveal or re-select a hook makes every field be located again; one that
    // touches nothing a probe sees (a storm of unrelated nodes in the form) is not read at all.
    const { change, suspectText } = structureChange(records, cache, form, hooks);
    textSuspect ||= suspectText;
    if (change === 'none') return;
    if (change === 'relocate') cache.clear();
    schedule('mutation');
  });
  const headObserver = new win.MutationObserver(() => schedule('title'));

  function observeForm(): void {
    formObserver.disconnect();
    cache.clear();
    textSuspect = false;
    form = findOrderForm(doc, adapter, cache);
    if (form) formObserver.observe(form, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: hooks.attributes });
  }

  /**
   * The periodic relocation. Inside the form every structure change was vetted as it happened, so
   * the form's chains are located again only after a suspect text change; the document-scope
   * chains (prices, positions, the form root itself) are not observed and always run again.
   */
  function relocate(): void {
    if (!form || textSuspect) return observeForm();
    for (const chain of [...cache.entries.keys()]) if (!hooks.formChains.has(chain)) cache.entries.delete(chain);
    if (findOrderForm(doc, adapter, cache) !== form) observeForm();
  }

  function emit(cause: WatchCause, targets: Set<Node> | null = null): void {
    if (stopped) return;
    if (!market) {
      if (reported !== 'none') {
        reported = 'none';
        onReading(null, cause);
      }
      return;
    }
    // Typing re-reads only the field typed into (plus prices); anything else reads every field.
    const only = targets && last ? fieldsTypedInto(adapter, cache, targets) : null;
    const reading = readPage(doc, adapter, market, { url, now: options.now, cache, ...(only && last ? { only, previous: last } : {}) });
    last = reading;
    if (reported && reported !== 'none' && reported.symbol === market.symbol && sameData(reported.fields, reading.fields)) return;
    reported = { symbol: market.symbol, fields: reading.fields };
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
    if (switched) reported = null;
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
    if (!form || !form.isConnected) observeForm();
    else if (ticks % relocateEvery === 0) relocate();
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
      reported = null;
      cache.clear();
      schedule('poll');
    },
  };
}
