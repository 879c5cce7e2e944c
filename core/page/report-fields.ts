/**
 * Which elements the reader locates on a page, for the page report (report.ts): the reader is run
 * once through a fresh cache and the cache's elements are taken. Read-only.
 */
import type { Probe, VenuePageAdapter } from './adapter-types';
import { isInput, ResolutionCache } from './dom';
import { readPage } from './read-page';
import { withMeaning } from './meaning';
import type { Market } from '../types';

export const KEPT_FIELDS = ['limitPrice', 'size', 'leverage'] as const;
export type KeptField = (typeof KEPT_FIELDS)[number];

/** What the reader located, as the report needs it. */
export interface ReportFields {
  form: Element | null;
  /** Inputs whose values are kept, with the hook that located each. */
  kept: Partial<Record<KeptField, { element: Element; hook: string }>>;
  /** Elements whose text is kept even inside the order form (prices, leverage, tabs the reader read). */
  keepText: Element[];
  /** Elements whose digits are always masked (the reader's balance and positions). */
  masked: Element[];
}

/** Runs the reader once, through a fresh cache, and takes the elements it located. */
export function reportFields(doc: Document, hooks: VenuePageAdapter, market: Market, url = doc.URL): ReportFields {
  const cache = new ResolutionCache();
  readPage(doc, hooks, market, { cache, url });
  // The reader resolves the adapter with its reading-by-meaning fallbacks: its cache is keyed by those chains.
  const adapter = withMeaning(hooks);
  const at = (probes: readonly Probe[] | undefined) => (probes && cache.entries.get(probes)?.element) || null;
  const kept: ReportFields['kept'] = {};
  for (const field of KEPT_FIELDS) {
    const entry = cache.entries.get(adapter[field]);
    if (entry?.element && isInput(entry.element)) kept[field] = { element: entry.element, hook: entry.hook };
  }
  const keepText: Element[] = [];
  for (const probes of [
    adapter.lastPrice,
    adapter.markPrice,
    adapter.leverage,
    adapter.marginMode,
    adapter.orderType,
    adapter.sizeUnit,
    adapter.side.selected,
    adapter.side.openCloseTab,
  ]) {
    const entry = probes && cache.entries.get(probes);
    // A label hit's value sits in the next element.
    if (entry?.element)
      keepText.push(entry.element, ...(entry.labelWord != null && entry.element.nextElementSibling ? [entry.element.nextElementSibling] : []));
  }
  // A label hit (`Avbl` + the amount in the next element) is masked with its neighbour.
  const balance = cache.entries.get(adapter.availableBalance);
  const masked = [balance?.element, balance?.labelWord != null ? balance.element?.nextElementSibling : null, at(adapter.position?.table)].filter(
    (e): e is Element => !!e,
  );
  return { form: cache.lastForm ?? null, kept, keepText, masked };
}
