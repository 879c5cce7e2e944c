/**
 * The overlay's start-up on a trading page, in order: the opening answer (settings + cached
 * snapshot) asked for by the content script's first file at document start; a loading render
 * while it travels, if it is not in yet; the
 * settings' verdict (a switched-off site gets nothing on the page); placement where the trader left
 * it; the first frame; then, after that frame, the current snapshot, tiers and the page reader.
 * Everything the page or the browser provides comes in through `StartEnv`, so the order is tested
 * (test/unit/overlay/start.test.ts) and the content script's entry point stays glue.
 */
import type { Market, VenueId } from '../types';
import type { RequestFn } from '../messages/client';
import type { MarketSnapshot, Reply } from '../messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { currentSnapshot, firstAnswerOr } from './first-answer';
import { clampPosition, formBoxOf, initialPosition, keptFormBox, overlapArea, type Point, type Rect, type Size } from './position';
import { sameData } from '../page/same-reading';
import type { Store } from './observable';
import type { OverlaySession } from './session';
import { createTabRouter, REPORT_PAGE, type TabSenderInfo } from './tab-messages';
import type { PageCapture } from './report-capture';
import type { PageReading } from '../page/types';
import { reportOrder } from './popup-order';

/** Size the overlay is placed with before it has rendered (compact width, typical height). */
export const PLACEMENT_SIZE = { width: 304, height: 240 };
/** Where the loading render sits while the settings are on their way (the host is not on the page yet). */
const LOADING_SPOT: Point = { x: 16, y: 128 };
/** The page reader starts after the first frame; this covers a tab that paints no frames yet. */
export const WATCH_FALLBACK_MS = 250;
/**
 * The opening answer is usually in before the main file runs (its request left at document start),
 * so the first frame is rendered in the same task as the file's evaluation. When that task has
 * already run this long since main() began (≈ 4–8 ms on this project's 2-core machines; the
 * compile before it, ≈ 12 ms, is not on this clock), the render, placement and mount (≈ 15–25 ms)
 * wait for a task of their own, so the page gets its frame between instead of one task of both.
 * 10 ms let about one load in 12 run past 50 ms at load 2–3 (the bench's long-task row); 6 ms,
 * about one in 22. An answer that arrives later is rendered in its own message task anyway: no extra wait.
 */
export const SAME_TASK_BUDGET_MS = 6;

/** What the overlay's view needs to re-render with the settings (language, style, theme…). */
export interface LookControl {
  /** Applies the settings' look, loading a language's strings first when needed. */
  apply(settings: Settings): Promise<void>;
}

export interface StartEnv {
  market: Market | null;
  venue: VenueId;
  /** The reply handed over by the content script's first file, if any. */
  handedOver: Promise<unknown> | null;
  request: RequestFn;
  session: OverlaySession;
  /** Resolved once the first frame showing the overlay has been painted. */
  firstPaint: { promise: Promise<void>; done(): void };
  look: LookControl;
  /** Shown or hidden by the trader (shortcut, close button) and by the site switch. */
  visible: Store<boolean>;
  /** The keyboard shortcut's action (moves focus as well); without it the shortcut only flips `visible`. Returns whether the overlay shows. */
  shortcut?: () => boolean;
  ui: {
    render(position: Point, expanded: boolean): void;
    unrender(): void;
    mount(): void;
  };
  /** The trading page. */
  doc: Pick<Document, 'visibilityState'>;
  win: Pick<Window, 'innerWidth' | 'innerHeight' | 'requestAnimationFrame'> & { navigator: { onLine: boolean } };
  /** The order form's box (a page read and a layout read): for the first placement, when no box was kept at this window size, else checked after the first frame. */
  orderFormRect(): Rect | null;
  /** Starts the page reader (market switches, order form); `lastReading` is the newest reading, for the popup. */
  watchPage(): { stop(): void; refresh(): void; lastReading?(): PageReading | null };
  /** The page copy for a page report, asked for by our report page only (core/overlay/report-capture.ts). */
  capturePage(): PageCapture | null;
  /** Opens the port that keeps the background's liquidation streams running for the market shown. */
  connectLive(): { watch(market: Market | null): void; close(): void };
  /** When the main file's code started running (`now`'s clock), and that clock: for SAME_TASK_BUDGET_MS. */
  startedAt: number;
  now(): number;
  /** The content script's context (WXT's): timers and listeners that end with it. */
  ctx: {
    setTimeout(fn: () => void, ms: number): unknown;
    addEventListener(target: EventTarget, type: string, fn: () => void): void;
    onInvalidated(fn: () => void): void;
    readonly isInvalid: boolean;
  };
  /** Where messages from our own extension arrive (runtime.onMessage), its id and its report page's URL. */
  runtime: {
    id: string;
    getURL(path: string): string;
    onMessage: {
      addListener(fn: TabListener): void;
      removeListener(fn: TabListener): void;
    };
  };
}

/** A runtime.onMessage listener of the browser's own API: it answers through sendResponse (Chrome takes no returned promise). */
export type TabListener = (message: unknown, sender: TabSenderInfo, sendResponse: (reply: Reply<unknown>) => void) => true | undefined;

const siteOff = (venue: VenueId) => (s: Settings) => s.overlaySites[venue] === false;

/** Runs the start-up; resolves when the overlay is on the page (or has decided not to be). */
export async function startOverlay(env: StartEnv): Promise<'shown' | 'site-off' | 'invalidated'> {
  const { market, venue, request, session } = env;
  const switchedOff = siteOff(venue);
  // The first file asked before this one was compiled; a failed hand-over is asked again here.
  const opening = firstAnswerOr(env.handedOver, () => request('overlay.open', market ? { market } : {}));
  const settingsReply = opening.then(
    (o) => o.settings,
    () => DEFAULT_SETTINGS,
  );
  const cached: Promise<MarketSnapshot | null> | undefined = market
    ? opening.then(
        (o) => o.cached,
        () => null,
      )
    : undefined;
  // Assembling the current snapshot keeps the background busy for tens of ms: asked for once the
  // answer is in, after the first paint when a cached one is shown, never on a switched-off site.
  const first = market
    ? currentSnapshot(opening, {
        switchedOff,
        firstPaint: env.firstPaint.promise,
        stillWanted: () => session.data.get().market?.symbol === market.symbol,
        ask: () => request('snapshot.get', { market }),
      })
    : undefined;
  first?.catch(() => undefined);
  session.setMarket(market, first, cached);

  // While the answer travels, a loading render compiles the UI code off the page (the host is not
  // mounted yet): a task of its own, so an answer already waiting is handled first.
  const { ctx, win } = env;
  let early = true;
  // True until the first task after this one runs: the answer was already in when it is still true below.
  let startTask = true;
  ctx.setTimeout(() => {
    startTask = false;
    if (early) env.ui.render(LOADING_SPOT, false);
  }, 0);

  const settings = await settingsReply;
  early = false;
  if (switchedOff(settings) || ctx.isInvalid) {
    env.ui.unrender();
    session.dispose();
    return switchedOff(settings) ? 'site-off' : 'invalidated';
  }
  session.priceFromPage.set(settings.priceFromPage === true);
  await env.look.apply(settings);
  if (startTask && env.now() - env.startedAt > SAME_TASK_BUDGET_MS) {
    // The context's timers stop when the extension is reloaded: the invalidation ends the wait too.
    await new Promise<void>((resolve) => {
      ctx.setTimeout(resolve, 0);
      ctx.onInvalidated(resolve);
    });
  }
  // The extension may have been reloaded while the answers travelled: its cleanup has run.
  if (ctx.isInvalid) {
    session.dispose();
    return 'invalidated';
  }
  const viewport = { width: win.innerWidth, height: win.innerHeight };
  const saved = settings.overlayPositions?.[venue];
  // Without a saved place the overlay never starts on top of the order form. The form's box from
  // the last visit at this window size spares the first frame the page read (checked after it);
  // the page is read now only without one. A saved place needs neither.
  const kept = saved ? null : keptFormBox(settings.overlayFormBoxes?.[venue], viewport);
  const readNow = saved || kept ? null : env.orderFormRect();
  const position = saved ? clampPosition(saved, PLACEMENT_SIZE, viewport) : initialPosition(PLACEMENT_SIZE, viewport, kept ?? readNow);
  const expanded = settings.overlayExpandedByDefault;
  env.ui.render(position, expanded);
  env.ui.mount();

  ctx.addEventListener(win as unknown as EventTarget, 'online', () => session.setOnline(true));
  ctx.addEventListener(win as unknown as EventTarget, 'offline', () => session.setOnline(false));
  session.setOnline(win.navigator.onLine);
  followSiteSwitch(env, switchedOff);

  // The page reader's first full read costs several ms, and opening the live port is a round trip
  // to the browser: both start after the frame that shows the overlay, so they never hold the
  // first paint back (the streams the port keeps alive are not on that frame).
  let watch: ReturnType<StartEnv['watchPage']> | null = null;
  let live: ReturnType<StartEnv['connectLive']> | null = null;
  const startWatching = () => {
    env.firstPaint.done();
    if (watch || ctx.isInvalid) return;
    const port = (live = env.connectLive());
    port.watch(session.data.get().market);
    session.data.subscribe((d) => port.watch(d.market));
    watch = env.watchPage();
    if (!saved) checkPlacement(env, { viewport, position, expanded, kept, readNow });
  };
  win.requestAnimationFrame(() => ctx.setTimeout(startWatching, 0));
  ctx.setTimeout(startWatching, WATCH_FALLBACK_MS);
  // Re-read at once when the overlay is shown again after being hidden.
  env.visible.subscribe((shown) => shown && watch?.refresh());

  const route = createTabRouter(
    env.runtime.id,
    {
      'overlay.toggle': () => {
        if (env.shortcut) return { visible: env.shortcut() };
        env.visible.set(!env.visible.get());
        return { visible: env.visible.get() };
      },
      'market.get': () => ({ market: session.data.get().market }),
      'report.capture': () => env.capturePage(),
      // The popup's own computation starts from what this page read (and compares with what the overlay shows).
      'order.get': () => reportOrder(watch?.lastReading?.() ?? null, session.data.get().market, session.order.get()),
    },
    env.runtime.getURL(REPORT_PAGE),
  );
  const onTabMessage: TabListener = (message, sender, sendResponse) => {
    const answer = route(message, sender);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  };
  env.runtime.onMessage.addListener(onTabMessage);
  ctx.onInvalidated(() => {
    env.runtime.onMessage.removeListener(onTabMessage);
    watch?.stop();
    live?.close();
    session.dispose();
  });
  return 'shown';
}

/**
 * After the first frame, without a saved place: keeps the order form's box for the next visit
 * when it is new or moved, and when the frame was placed from a kept box that is now stale and the
 * overlay covers the form, moves it off (once, before the trader can have dragged it: this runs in
 * the task after that frame). A form not found now keeps the overlay where it is.
 */
function checkPlacement(env: StartEnv, first: { viewport: Size; position: Point; expanded: boolean; kept: Rect | null; readNow: Rect | null }): void {
  // A window resized since the first frame lays the page out anew: nothing to compare or keep.
  if (env.win.innerWidth !== first.viewport.width || env.win.innerHeight !== first.viewport.height) return;
  let box: Rect | null;
  try {
    box = first.kept ? env.orderFormRect() : first.readNow;
  } catch {
    return;
  }
  if (!box) return;
  const read = formBoxOf(first.viewport, box);
  if (first.kept && sameData(read, formBoxOf(first.viewport, first.kept))) return;
  void env.request('overlay.formBox', { venue: env.venue, formBox: read }).catch(() => undefined);
  // Placed from a stale box: moved only when it covers the form now (no jump otherwise).
  if (!first.kept || overlapArea({ ...first.position, ...PLACEMENT_SIZE }, box) === 0) return;
  env.ui.render(initialPosition(PLACEMENT_SIZE, first.viewport, box), first.expanded);
}

/**
 * Settings changed on the options page apply when the trader comes back to this tab (not
 * storage.onChanged: that would hand this page's process every stored value). A site switched off
 * hides the overlay; switched on again, it shows it again — not when the trader had closed it.
 */
function followSiteSwitch(env: StartEnv, switchedOff: (s: Settings) => boolean): void {
  let hiddenBySettings = false;
  env.ctx.addEventListener(env.doc as unknown as EventTarget, 'visibilitychange', () => {
    if (env.doc.visibilityState !== 'visible') return;
    void env.request('settings.get', {}).then(
      (next) => {
        void env.look.apply(next);
        env.session.priceFromPage.set(next.priceFromPage === true);
        const off = switchedOff(next);
        if (off && env.visible.get()) {
          hiddenBySettings = true;
          env.visible.set(false);
        } else if (!off && hiddenBySettings) {
          hiddenBySettings = false;
          env.visible.set(true);
        }
      },
      () => undefined,
    );
  });
}

/** A promise with its resolver, for the first frame. */
export function firstPaintSignal(): StartEnv['firstPaint'] {
  let done: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (done = resolve));
  return { promise, done: () => done() };
}
