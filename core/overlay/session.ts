/**
 * One overlay's data session: the market on screen, its snapshot from the background (cached
 * first, refreshed on a timer), its tier table, and the order state the page reading produces.
 * No extension or page globals: the content script hands in the request function and timers,
 * tests hand in fakes.
 */
import type { RequestFn } from '../messages/client';
import { RequestFailed } from '../messages/client';
import type { InstrumentInfo, KeptDisagreement, MarketSnapshot } from '../messages/protocol';
import type { TierTable } from '../liquidation/types';
import type { Market } from '../types';
import { createSideComputer, type Compute, type OrderState } from './order-view';
import type { OrderBuild } from './page-order';
import type { PageHealth } from './health';
import { INITIAL_DATA, reduceOverlay, type OverlayData, type OverlayEvent } from './state';
import { createStore, type Store } from './observable';
import { crossCheckPrice } from '../page/price';
import { MISMATCH_PCT, type SelfCheck } from './self-check';

export interface MarketContext {
  market: Market;
  tiers: TierTable | null;
  instrument: InstrumentInfo | null;
  /** The background's independent mark price, else the page's own last price (`markFrom` says which). */
  markPrice: number | null;
  /** 'page' when `markPrice` is the page's price standing in for a missing mark: market orders are then not priced unless `priceFromPage`. */
  markFrom?: 'mark' | 'page';
  /** The trader opted into pricing market orders from the page's last price when there is no mark. */
  priceFromPage?: boolean;
  /** Why there is no independent mark price: its source and reason, said on screen instead of a number. */
  markMissing?: { source: string; reason: string };
}

export interface SessionDeps {
  request: RequestFn;
  compute: Compute;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Refresh cadence: sooner while the data is stale or failing. */
  refreshMs?: { fresh: number; stale: number };
  /**
   * Runs work the overlay's first paint does not need (the market's tiers and instrument facts:
   * an order read from the page and the manual calculator use them, and neither exists before
   * that paint). Default: at once.
   */
  afterFirstPaint?: (task: () => void) => void;
}

export interface OverlaySession {
  data: Store<OverlayData>;
  order: Store<OrderState>;
  tiers: Store<TierTable | null>;
  instrument: Store<InstrumentInfo | null>;
  /**
   * False until the market's tiers and instrument facts have been answered (or have failed, or
   * FACTS_PATIENCE_MS has passed): an order read before then is shown as being priced, not priced
   * without its tier table and repriced a moment later.
   */
  factsSettled: Store<boolean>;
  /**
   * False until a task after the first frame showing the overlay (`afterFirstPaint`, or its
   * fallback timer in a tab that paints nothing); true from the start without that hook. What that
   * frame can do without (the heat strip) waits for it.
   */
  painted: Store<boolean>;
  pagePrice: Store<number | null>;
  /** Which page fields were read by which hook: shown on demand. */
  health: Store<PageHealth | null>;
  /** Set while the page's price and the background's mark price disagree by more than MISMATCH_PCT. */
  priceMismatch: Store<{ page: number; mark: number } | null>;
  /** The exchange's own figures on the page against LiqLens's (core/overlay/self-check.ts). */
  selfChecks: Store<SelfCheck[]>;
  /** The trader's "priced from the page" opt-in (settings.priceFromPage), off by default. */
  priceFromPage: Store<boolean>;
  /** Keeps a disagreement on this device (the background's IndexedDB); nothing is sent anywhere. */
  keepDisagreement(check: SelfCheck): void;
  /** The disagreements kept for this market, newest first. */
  keptDisagreements(): Promise<KeptDisagreement[]>;
  /**
   * `first`: a snapshot request already under way for this market (started before the UI was ready).
   * `cached`: the background's last cached snapshot for it, shown until `first` answers.
   */
  setMarket(market: Market | null, first?: Promise<MarketSnapshot>, cached?: Promise<MarketSnapshot | null>): void;
  setOnline(online: boolean): void;
  setPagePrice(price: number | null): void;
  /** Feed an order build (from the page reader bridge); cheap when nothing changed. */
  setOrder(build: OrderBuild): void;
  context(): MarketContext | null;
  refresh(): Promise<void>;
  dispose(): void;
}

/**
 * How long an order on the page waits for its market's tier table before it is priced with what
 * the engine has (a bundled, dated table, or a result that says no table is known) — always
 * labelled, and repriced when the live table arrives. Cached facts answer in a few ms; this only
 * matters when they come from a slow or failing network.
 */
export const FACTS_PATIENCE_MS = 1500;

/**
 * Page and mark prices normally sit well within MISMATCH_PCT of each other; beyond it the page may
 * show another market (or a page script is lying), and the overlay says so rather than pick one.
 * The same rule (crossCheckPrice) decides every comparison the overlay makes (self-check.ts).
 */
export { MISMATCH_PCT };

const errorOf = (e: unknown) =>
  e instanceof RequestFailed ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) };

/** Why the overlay has no independent mark price, in the words shown: its source and the reason. */
function missingMark(d: OverlayData): { source: string; reason: string } {
  if (d.snapshot?.markMissing) return d.snapshot.markMissing;
  if (!d.online) return { source: 'browser', reason: 'offline' };
  if (d.error) return { source: 'LiqLens background', reason: d.error.message.slice(0, 200) };
  return { source: d.market ? `${d.market.venue}` : 'background', reason: d.snapshot ? 'no mark price in the answer' : 'not answered yet' };
}

export function createOverlaySession(deps: SessionDeps): OverlaySession {
  const cadence = deps.refreshMs ?? { fresh: 60_000, stale: 10_000 };
  const data = createStore<OverlayData>(INITIAL_DATA);
  const order = createStore<OrderState>({ kind: 'waiting' });
  const tiers = createStore<TierTable | null>(null);
  const instrument = createStore<InstrumentInfo | null>(null);
  const factsSettled = createStore(false);
  const afterFirstPaint = deps.afterFirstPaint ?? ((task: () => void) => task());
  const painted = createStore(!deps.afterFirstPaint);
  // A task of its own: the task after the first frame also starts the page reader.
  deps.afterFirstPaint?.(() => void deps.setTimeout(() => painted.set(true), 0));
  const pagePrice = createStore<number | null>(null);
  const health = createStore<PageHealth | null>(null);
  const priceMismatch = createStore<{ page: number; mark: number } | null>(null);
  const selfChecks = createStore<SelfCheck[]>([]);
  const priceFromPage = createStore(false);
  // Set and cleared only when the disagreement starts or ends: the page price ticks constantly.
  const checkMismatch = () => {
    const page = pagePrice.get();
    const mark = data.get().snapshot?.mark?.price;
    const off = page !== null && mark !== undefined && crossCheckPrice(page, mark, MISMATCH_PCT / 100)?.agrees === false;
    if (off && !priceMismatch.get()) priceMismatch.set({ page, mark });
    else if (!off && priceMismatch.get()) priceMismatch.set(null);
  };
  data.subscribe(checkMismatch);
  const sides = createSideComputer(deps.compute);
  let timer: unknown = null;
  let generation = 0;
  let disposed = false;

  const dispatch = (event: OverlayEvent) => data.set(reduceOverlay(data.get(), event));

  const schedule = () => {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
    if (disposed || !data.get().market) return;
    const d = data.get();
    const ms = !d.snapshot || d.snapshot.stale || d.error ? cadence.stale : cadence.fresh;
    timer = deps.setTimeout(() => void refresh(), ms);
  };

  async function refresh(first?: Promise<MarketSnapshot>, cached?: Promise<MarketSnapshot | null>): Promise<void> {
    const market = data.get().market;
    if (!market || disposed) return;
    const mine = generation;
    dispatch({ type: 'request' });
    // The cached copy paints at once (it carries its own age and stale flag); the current snapshot
    // replaces it when it arrives and is never replaced by it.
    cached?.then(
      (snapshot) => {
        if (!snapshot || mine !== generation || data.get().snapshot) return;
        // Still pending: the current snapshot is on its way.
        data.set({ ...reduceOverlay(data.get(), { type: 'snapshot', snapshot }), pending: true });
      },
      () => undefined,
    );
    try {
      const snapshot = await (first ?? deps.request('snapshot.get', { market }));
      if (mine === generation) dispatch({ type: 'snapshot', snapshot });
    } catch (error) {
      if (mine === generation) dispatch({ type: 'failed', ...errorOf(error) });
    }
    if (mine === generation) schedule();
  }

  async function loadMarketFacts(market: Market, mine: number) {
    deps.setTimeout(() => {
      if (mine === generation && !disposed) factsSettled.set(true);
    }, FACTS_PATIENCE_MS);
    // Tiers and instrument facts change rarely; a failure leaves the engine's own fallback in charge.
    const [t, i] = await Promise.allSettled([deps.request('tiers.get', { market }), deps.request('instrument.get', { market })]);
    if (mine !== generation) return;
    tiers.set(t.status === 'fulfilled' ? t.value : null);
    instrument.set(i.status === 'fulfilled' ? i.value : null);
    factsSettled.set(true);
  }

  return {
    data,
    order,
    tiers,
    instrument,
    factsSettled,
    painted,
    pagePrice,
    health,
    priceMismatch,
    selfChecks,
    priceFromPage,
    keepDisagreement(check) {
      const market = data.get().market;
      if (!market) return;
      const { what, exchange, ours, assumed } = check;
      deps.request('selfcheck.record', { market, what, exchange, ours, assumed }).catch(() => undefined);
    },
    async keptDisagreements() {
      const market = data.get().market;
      return market ? deps.request('selfcheck.list', { market }) : [];
    },
    setMarket(market, first, cached) {
      const before = data.get().market;
      dispatch({ type: 'market', market });
      if (data.get().market === before) return;
      generation++;
      tiers.set(null);
      instrument.set(null);
      factsSettled.set(false);
      order.set({ kind: 'waiting' });
      pagePrice.set(null);
      health.set(null);
      selfChecks.set([]);
      if (market) {
        void refresh(first, cached);
        const mine = generation;
        afterFirstPaint(() => {
          if (mine === generation && !disposed) void loadMarketFacts(market, mine);
        });
      } else schedule();
    },
    setOnline(online) {
      const was = data.get().online;
      dispatch({ type: 'online', online });
      if (!online || was) return;
      void refresh();
      // Facts that failed while offline are asked for again; an order keeps its labelled price meanwhile.
      const market = data.get().market;
      if (market && factsSettled.get() && (tiers.get() === null || instrument.get() === null)) void loadMarketFacts(market, generation);
    },
    setPagePrice(price) {
      pagePrice.set(price !== null && Number.isFinite(price) && price > 0 ? price : null);
      checkMismatch();
    },
    setOrder(build) {
      if ('inputs' in build) {
        if (!factsSettled.get()) {
          if (order.get().kind !== 'pricing') order.set({ kind: 'pricing' });
          return;
        }
        const computed = sides(build.inputs, build.orderSides);
        const closes = build.closes ?? [];
        const current = order.get();
        const fromPage = build.pricedFromPage === true;
        if (
          current.kind === 'computed' &&
          current.sides === computed &&
          (current.closes ?? []).join() === closes.join() &&
          (current.pricedFromPage === true) === fromPage
        )
          return;
        order.set({ kind: 'computed', sides: computed, ...(closes.length ? { closes } : {}), ...(fromPage ? { pricedFromPage: true as const } : {}) });
      } else if ('noMark' in build) {
        const current = order.get();
        if (current.kind === 'no-mark' && current.source === build.noMark.source && current.reason === build.noMark.reason) return;
        order.set({ kind: 'no-mark', ...build.noMark });
      } else if ('missing' in build) {
        const current = order.get();
        const key = build.missing.join(',');
        if (current.kind === 'unreadable' && current.missing.join(',') === key && JSON.stringify(current.prefill) === JSON.stringify(build.prefill)) return;
        order.set({ kind: 'unreadable', missing: build.missing, prefill: build.prefill });
      } else if (order.get().kind !== 'waiting') order.set({ kind: 'waiting' });
    },
    context() {
      const d = data.get();
      if (!d.market) return null;
      const mark = d.snapshot?.mark?.price;
      const base = { market: d.market, tiers: tiers.get(), instrument: instrument.get() };
      if (mark && mark > 0) return { ...base, markPrice: mark, markFrom: 'mark' };
      // No independent mark: the page's price may stand in only where the order allows (page-order.ts decides).
      return { ...base, markPrice: pagePrice.get(), markFrom: 'page', priceFromPage: priceFromPage.get(), markMissing: missingMark(d) };
    },
    refresh: () => refresh(),
    dispose() {
      disposed = true;
      generation++;
      if (timer !== null) deps.clearTimeout(timer);
      timer = null;
    },
  };
}
