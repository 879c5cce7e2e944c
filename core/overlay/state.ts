/**
 * The overlay's data states as one small state machine, so every state has a designed screen:
 * unsupported market, loading, cached-and-stale, offline, a source error, a failed request.
 * Events come from the content script glue; the view derives what to show from the data alone.
 */
import type { MarketSnapshot, SourceStatus } from '../messages/protocol';
import type { Market } from '../types';

export interface OverlayData {
  market: Market | null;
  snapshot: MarketSnapshot | null;
  pending: boolean;
  error: { code: string; message: string } | null;
  online: boolean;
}

export type OverlayEvent =
  | { type: 'market'; market: Market | null }
  | { type: 'request' }
  | { type: 'snapshot'; snapshot: MarketSnapshot }
  | { type: 'failed'; code: string; message: string }
  | { type: 'online'; online: boolean };

export const INITIAL_DATA: OverlayData = { market: null, snapshot: null, pending: false, error: null, online: true };

export function reduceOverlay(data: OverlayData, event: OverlayEvent): OverlayData {
  switch (event.type) {
    case 'market':
      // A new market starts empty: never show one market's bands under another's name.
      if (sameMarketOrNull(data.market, event.market)) return data;
      return { ...data, market: event.market, snapshot: null, pending: false, error: null };
    case 'request':
      return { ...data, pending: true };
    case 'snapshot':
      if (!data.market || event.snapshot.market.venue !== data.market.venue || event.snapshot.market.symbol !== data.market.symbol) return data;
      return { ...data, snapshot: event.snapshot, pending: false, error: null };
    case 'failed':
      return { ...data, pending: false, error: { code: event.code, message: event.message } };
    case 'online':
      return data.online === event.online ? data : { ...data, online: event.online };
  }
}

function sameMarketOrNull(a: Market | null, b: Market | null): boolean {
  if (a === null || b === null) return a === b;
  return a.venue === b.venue && a.symbol === b.symbol;
}

export type ViewState =
  | { kind: 'unsupported' }
  | { kind: 'loading' }
  | { kind: 'offline'; snapshot: MarketSnapshot | null; ageMs: number | null }
  | { kind: 'error'; message: string }
  | { kind: 'stale'; snapshot: MarketSnapshot; ageMs: number | null; error: string | null; failing: SourceStatus[] }
  | { kind: 'ready'; snapshot: MarketSnapshot; failing: SourceStatus[] };

/** Sources whose latest attempt failed: each is named with its error in the overlay. */
export function failingSources(sources: readonly SourceStatus[]): SourceStatus[] {
  return sources.filter((s) => s.lastError && (s.lastSuccess === null || s.lastError.at > s.lastSuccess));
}

export function viewState(data: OverlayData, now: number): ViewState {
  if (!data.market) return { kind: 'unsupported' };
  const snap = data.snapshot;
  const ageMs = snap?.asOf != null ? Math.max(0, now - snap.asOf) : null;
  // The background being unreachable while the browser is online is an error, not "offline".
  if (!data.online) return { kind: 'offline', snapshot: snap, ageMs };
  if (!snap) return data.error ? { kind: 'error', message: data.error.message } : { kind: 'loading' };
  const failing = failingSources(snap.sources);
  if (snap.stale || data.error) return { kind: 'stale', snapshot: snap, ageMs, error: data.error?.message ?? null, failing };
  return { kind: 'ready', snapshot: snap, failing };
}

/** The snapshot to draw bands from, whatever the banner says. */
export function shownSnapshot(state: ViewState): MarketSnapshot | null {
  return 'snapshot' in state ? state.snapshot : null;
}
