/**
 * The side panel's first requests. The panel page's first, small classic script (in the page's
 * head, entrypoints/sidepanel-first.ts) sends `settings.get` and, for a market named in the URL,
 * its `chart.get` while the HTML is still being parsed: before the module script and its imports
 * are fetched and compiled, which is when the page's main file would otherwise send them. It
 * leaves the pending replies on the page's global for the main file (entrypoints/sidepanel/main.tsx)
 * to take once, for the same URL query. Pure: the global and the send function are passed in.
 */
import { envelope, sendNow } from '../messages/client';
import type { Envelope } from '../messages/protocol';
import { parseUnifiedSymbol, type Market } from '../types';
import { isVenueId } from '../venues/registry';
import { CHART_LOOKBACK_HOURS, type ChartLookback } from './chart-data';

const HANDOFF_KEY = '__liqlensPanelFirst';

/** What the panel's URL asks for: `?market=venue:SYMBOL&view=map&lookback=72` (links, screenshots, the bench). */
export interface PanelQuery {
  market: Market | null;
  lookback: ChartLookback;
  view: 'heatmap' | 'map';
}

/** `venue:SYMBOL` (the popup's stored last market uses the same form), or null. */
export function parseMarketText(text: string | null): Market | null {
  if (!text) return null;
  const at = text.indexOf(':');
  const venue = text.slice(0, at);
  const symbol = text.slice(at + 1);
  return isVenueId(venue) && parseUnifiedSymbol(symbol) ? { venue, symbol } : null;
}

export function parsePanelQuery(search: string): PanelQuery {
  const query = new URLSearchParams(search);
  const asked = Number(query.get('lookback'));
  return {
    market: parseMarketText(query.get('market')),
    lookback: CHART_LOOKBACK_HOURS.includes(asked as ChartLookback) ? (asked as ChartLookback) : 24,
    view: query.get('view') === 'map' ? 'map' : 'heatmap',
  };
}

interface Handoff {
  search: string;
  settings: Promise<unknown>;
  chart: Promise<unknown> | null;
}

type Holder = Record<string, unknown>;

/** Sends `settings.get` and (for a market in the query) `chart.get`, and leaves the pending replies for `takePanelFirst`. */
export function sendPanelFirst(holder: Holder, search: string, send: (message: Envelope) => Promise<unknown>): void {
  const { market, lookback } = parsePanelQuery(search);
  const settings = sendNow(() => send(envelope('settings.get', {})));
  const chart = market ? sendNow(() => send(envelope('chart.get', { market, lookbackHours: lookback }))) : null;
  // The main file reads any failure (and then asks again); until then it is not unhandled.
  settings.catch(() => undefined);
  chart?.catch(() => undefined);
  holder[HANDOFF_KEY] = { search, settings, chart } satisfies Handoff;
}

/**
 * The replies the first script asked for, once: null when there are none or they were asked for
 * another query. `chart` is the reply for `parsePanelQuery(search)`'s market and lookback.
 */
export function takePanelFirst(holder: Holder, search: string): { settings: Promise<unknown>; chart: Promise<unknown> | null } | null {
  const handoff = holder[HANDOFF_KEY] as Partial<Handoff> | undefined;
  delete holder[HANDOFF_KEY];
  if (!handoff || handoff.search !== search || !(handoff.settings instanceof Promise)) return null;
  return { settings: handoff.settings, chart: handoff.chart instanceof Promise ? handoff.chart : null };
}
