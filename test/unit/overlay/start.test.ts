/**
 * The overlay's start-up order (core/overlay/start.ts), with the page and the browser faked: what
 * happens before the settings arrive, what a switched-off site gets, where the overlay is placed,
 * and what waits for the first frame.
 */
import { describe, expect, it } from 'vitest';
import { startOverlay, firstPaintSignal, SAME_TASK_BUDGET_MS, WATCH_FALLBACK_MS, type StartEnv } from '@/core/overlay/start';
import { createStore } from '@/core/overlay/observable';
import type { OverlaySession } from '@/core/overlay/session';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import type { Market } from '@/core/types';
import type { MarketSnapshot } from '@/core/messages/protocol';

const MARKET: Market = { venue: 'binance', symbol: 'BTC/USDT:USDT' };
const ID = 'liqlens-id';

function harness(
  opts: {
    settings?: Settings;
    cached?: MarketSnapshot | null;
    savedPlace?: boolean;
    openingFails?: boolean;
    answer?: Promise<unknown>;
    elapsedMs?: number;
    /** What reading the page finds as the order form's box now (default: a right-hand form). */
    formBox?: { x: number; y: number; width: number; height: number } | null;
  } = {},
) {
  const log: string[] = [];
  const sent: { command: string; payload: unknown }[] = [];
  let invalid = false;
  const invalidations: (() => void)[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const frames: (() => void)[] = [];
  let tabListener: ((message: unknown, sender: { id?: string; url?: string; tab?: unknown }) => Promise<unknown> | undefined) | null = null;
  let onVisibility: (() => void) | null = null;
  const settings: Settings = { ...(opts.settings ?? DEFAULT_SETTINGS), ...(opts.savedPlace ? { overlayPositions: { binance: { x: 40, y: 50 } } } : {}) };
  let resolveOpening: (v: unknown) => void = () => undefined;
  const opening = opts.answer ?? new Promise((resolve) => (resolveOpening = resolve));
  const data = createStore<{ market: Market | null }>({ market: MARKET });
  const session = {
    data,
    setMarket: (m: Market | null) => log.push(`setMarket ${m?.symbol}`),
    setOnline: (online: boolean) => log.push(`online ${online}`),
    dispose: () => log.push('dispose'),
    priceFromPage: createStore(false),
  } as unknown as OverlaySession;
  const request = (async (command: string, payload: unknown) => {
    log.push(`request ${command}`);
    sent.push({ command, payload });
    if (command === 'overlay.open') return opts.openingFails ? Promise.reject(new Error('no worker')) : opening;
    if (command === 'settings.get') return settings;
    return { market: MARKET };
  }) as unknown as StartEnv['request'];
  const visible = createStore(true);
  const env: StartEnv = {
    market: MARKET,
    venue: 'binance',
    handedOver: null,
    request,
    session,
    firstPaint: firstPaintSignal(),
    look: { apply: async () => void log.push('look') },
    visible,
    ui: {
      render: (p, expanded) => log.push(`render ${p.x},${p.y} ${expanded ? 'expanded' : 'compact'}`),
      unrender: () => log.push('unrender'),
      mount: () => log.push('mount'),
    },
    doc: { visibilityState: 'visible' },
    win: {
      innerWidth: 1600,
      innerHeight: 900,
      navigator: { onLine: true },
      requestAnimationFrame: (fn: FrameRequestCallback) => (frames.push(() => fn(0)), 0),
    },
    orderFormRect: () => (log.push('read form box'), opts.formBox === undefined ? RIGHT_FORM : opts.formBox),
    watchPage: () => (log.push('watch page'), { stop: () => log.push('stop watching'), refresh: () => log.push('refresh') }),
    capturePage: () => null,
    connectLive: () => (log.push('live port'), { watch: (m) => log.push(`live ${m?.symbol}`), close: () => log.push('live closed') }),
    startedAt: 1000,
    now: () => 1000 + (opts.elapsedMs ?? 0),
    ctx: {
      setTimeout: (fn, ms) => timers.push({ fn, ms }),
      addEventListener: (_target, type, fn) => {
        if (type === 'visibilitychange') onVisibility = fn;
      },
      onInvalidated: (fn) => void invalidations.push(fn),
      get isInvalid() {
        return invalid;
      },
    },
    runtime: {
      id: ID,
      getURL: (path) => `chrome-extension://${ID}${path}`,
      onMessage: {
        // The browser's sendResponse, turned back into a promise for the assertions.
        addListener: (fn) =>
          (tabListener = (message, sender) => {
            let answer: Promise<unknown> | undefined;
            const async = fn(message, sender, (reply) => (answer = Promise.resolve(reply)));
            return async ? new Promise((resolve) => setTimeout(() => resolve(answer), 0)) : undefined;
          }),
        removeListener: () => undefined,
      },
    },
  };
  const answer = () => resolveOpening({ settings, cached: opts.cached ?? null });
  const runTimers = (ms = Infinity) => {
    for (const t of timers.splice(0).filter((t) => t.ms <= ms)) t.fn();
  };
  // As WXT's context: invalid from now on, its timers never fire again, its callbacks run.
  const invalidate = () => {
    invalid = true;
    timers.splice(0);
    invalidations.splice(0).forEach((fn) => fn());
  };
  /** Starts the overlay with the opening answer already given, as on a page whose first file's answer is in. */
  const startAnswered = () => {
    const started = startOverlay(env);
    answer();
    return started;
  };
  const paintFirstFrame = () => {
    h.frames.splice(0).forEach((f) => f());
    runTimers(0);
  };
  const h = {
    env,
    log,
    sent,
    answer,
    startAnswered,
    invalidate,
    runTimers,
    frames,
    paintFirstFrame,
    visible,
    tab: () => tabListener,
    visibility: () => onVisibility,
  };
  return h;
}

/** The harness window (1600 × 900) with its order form on the right, and the same form moved to the left. */
const RIGHT_FORM = { x: 1200, y: 200, width: 320, height: 500 };
const LEFT_FORM = { x: 0, y: 100, width: 400.4, height: 700 };
const keptAt = (width: number, height: number): Settings => ({
  ...DEFAULT_SETTINGS,
  overlayFormBoxes: { binance: { viewport: { width, height }, box: RIGHT_FORM } },
});
const formBoxesSent = (h: { sent: { command: string; payload: unknown }[] }) => h.sent.filter((m) => m.command === 'overlay.formBox').map((m) => m.payload);

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('overlay start-up order', () => {
  it('renders a loading state off the page while the answer travels, and joins the page only after the settings', async () => {
    const h = harness();
    const started = startOverlay(h.env);
    await settle();
    h.runTimers(0);
    expect(h.log).toContain('render 16,128 compact');
    expect(h.log).not.toContain('mount');
    h.answer();
    expect(await started).toBe('shown');
    const mountAt = h.log.indexOf('mount');
    expect(h.log.indexOf('look')).toBeLessThan(mountAt);
    expect(h.log[mountAt - 1]).toMatch(/^render \d+,\d+ compact$/);
    // The live port opens only once the overlay is on the page, and not before its first frame.
    expect(h.log).not.toContain('live port');
    h.frames.splice(0).forEach((f) => f());
    h.runTimers(0);
    expect(h.log.indexOf('live port')).toBeGreaterThan(mountAt);
    // Then the order form's box read before the frame is kept for the next visit.
    expect(h.log.slice(h.log.indexOf('live port'))).toEqual(['live port', 'live BTC/USDT:USDT', 'watch page', 'request overlay.formBox']);
  });

  it('skips the loading render when the answer is already waiting', async () => {
    const h = harness({ answer: Promise.resolve({ settings: DEFAULT_SETTINGS, cached: null }) });
    const started = startOverlay(h.env);
    await started;
    h.runTimers(0);
    expect(h.log.filter((l) => l.startsWith('render'))).toHaveLength(1);
  });

  it('renders and mounts the first frame in the same task when the answer is waiting and the budget holds, else in a task of its own', async () => {
    const waiting = () => Promise.resolve({ settings: DEFAULT_SETTINGS, cached: null });
    const quick = harness({ answer: waiting(), elapsedMs: SAME_TASK_BUDGET_MS });
    // No timer runs: everything up to the mount happens in promise callbacks of the task that started it.
    expect(await startOverlay(quick.env)).toBe('shown');
    expect(quick.log).toContain('mount');

    const slow = harness({ answer: waiting(), elapsedMs: SAME_TASK_BUDGET_MS + 1 });
    const started = startOverlay(slow.env);
    await settle();
    expect(slow.log.some((l) => l.startsWith('render'))).toBe(false);
    expect(slow.log).not.toContain('mount');
    slow.runTimers(0);
    expect(await started).toBe('shown');
    expect(slow.log.filter((l) => l.startsWith('render'))).toHaveLength(1);
    expect(slow.log).toContain('mount');
  });

  it('adds no wait when the answer arrives in a later task, however long main() has run', async () => {
    const h = harness({ elapsedMs: SAME_TASK_BUDGET_MS + 50 });
    const started = startOverlay(h.env);
    await settle();
    h.runTimers(0); // the loading render: the start task is over
    h.answer();
    await settle();
    expect(h.log).toContain('mount');
    expect(await started).toBe('shown');
  });

  it('ends the wait for a task of its own when the extension is reloaded meanwhile: nothing mounted, the session disposed', async () => {
    const h = harness({ answer: Promise.resolve({ settings: DEFAULT_SETTINGS, cached: null }), elapsedMs: SAME_TASK_BUDGET_MS + 1 });
    const started = startOverlay(h.env);
    await settle();
    h.invalidate();
    expect(await started).toBe('invalidated');
    expect(h.log).not.toContain('mount');
    expect(h.log).toContain('dispose');
  });

  it('puts nothing on a switched-off site: no mount, no live port, no snapshot request, session disposed', async () => {
    const off = { ...DEFAULT_SETTINGS, overlaySites: { ...DEFAULT_SETTINGS.overlaySites, binance: false } };
    const h = harness({ settings: off });
    const started = startOverlay(h.env);
    h.answer();
    expect(await started).toBe('site-off');
    await settle();
    expect(h.log).toContain('unrender');
    expect(h.log).toContain('dispose');
    for (const never of ['mount', 'live port', 'request snapshot.get', 'watch page']) expect(h.log).not.toContain(never);
  });

  it('places the overlay where the trader left it without reading the order form, else beside the form', async () => {
    const saved = harness({ savedPlace: true });
    await saved.startAnswered();
    expect(saved.log).toContain('render 40,50 compact');
    expect(saved.log).not.toContain('read form box');

    const fresh = harness();
    await fresh.startAnswered();
    expect(fresh.log).toContain('read form box');
  });

  it('places the first frame from the form box kept at this window size, and reads the page only after that frame', async () => {
    const h = harness({ settings: keptAt(1600, 900) });
    await h.startAnswered();
    expect(h.log).not.toContain('read form box');
    expect(h.log.filter((l) => l.startsWith('render'))).toEqual(['render 16,128 compact']);
    h.paintFirstFrame();
    expect(h.log.indexOf('read form box')).toBeGreaterThan(h.log.indexOf('mount'));
    // The form is where it was: no move, no write.
    expect(h.log.filter((l) => l.startsWith('render'))).toHaveLength(1);
    expect(formBoxesSent(h)).toEqual([]);
  });

  it('moves the overlay off a form that moved since its box was kept, once, and keeps the new box', async () => {
    const h = harness({ settings: keptAt(1600, 900), formBox: LEFT_FORM });
    await h.startAnswered();
    h.paintFirstFrame();
    const renders = h.log.filter((l) => l.startsWith('render'));
    expect(renders).toHaveLength(2);
    expect(renders[0]).toBe('render 16,128 compact');
    // Off the left-hand form: the top-right corner.
    expect(renders[1]).toBe('render 1280,128 compact');
    expect(formBoxesSent(h)).toEqual([
      { venue: 'binance', formBox: { viewport: { width: 1600, height: 900 }, box: { x: 0, y: 100, width: 400, height: 700 } } },
    ]);
  });

  it('keeps a moved box without moving the overlay when the overlay does not cover the form', async () => {
    const small = { x: 0, y: 700, width: 200, height: 100 };
    const h = harness({ settings: keptAt(1600, 900), formBox: small });
    await h.startAnswered();
    h.paintFirstFrame();
    expect(h.log.filter((l) => l.startsWith('render'))).toEqual(['render 16,128 compact']);
    expect(formBoxesSent(h)).toEqual([{ venue: 'binance', formBox: { viewport: { width: 1600, height: 900 }, box: small } }]);
  });

  it('neither keeps nor moves when the window was resized between the first frame and the check', async () => {
    const h = harness({ settings: keptAt(1600, 900), formBox: LEFT_FORM });
    await h.startAnswered();
    (h.env.win as { innerWidth: number }).innerWidth = 1200;
    h.paintFirstFrame();
    expect(h.log.filter((l) => l.startsWith('render'))).toEqual(['render 16,128 compact']);
    expect(formBoxesSent(h)).toEqual([]);
  });

  it('reads the page before the first frame when the kept box is from another window size, and keeps the box it read', async () => {
    const h = harness({ settings: keptAt(1280, 800) });
    await h.startAnswered();
    expect(h.log.indexOf('read form box')).toBeLessThan(h.log.indexOf('mount'));
    h.paintFirstFrame();
    expect(h.log.filter((l) => l === 'read form box')).toHaveLength(1);
    expect(formBoxesSent(h)).toEqual([{ venue: 'binance', formBox: { viewport: { width: 1600, height: 900 }, box: RIGHT_FORM } }]);
  });

  it('neither reads nor keeps a form box when the trader has a saved place, or when no form is found', async () => {
    const saved = harness({ savedPlace: true, settings: keptAt(1600, 900) });
    await saved.startAnswered();
    saved.paintFirstFrame();
    expect(saved.log).not.toContain('read form box');
    expect(formBoxesSent(saved)).toEqual([]);

    const noForm = harness({ settings: keptAt(1600, 900), formBox: null });
    await noForm.startAnswered();
    noForm.paintFirstFrame();
    expect(noForm.log.filter((l) => l.startsWith('render'))).toEqual(['render 16,128 compact']);
    expect(formBoxesSent(noForm)).toEqual([]);
  });

  it('asks for the current snapshot only after the first frame when a cached one is on screen', async () => {
    const h = harness({ cached: { market: MARKET } as MarketSnapshot });
    await h.startAnswered();
    await settle();
    expect(h.log).not.toContain('request snapshot.get');
    expect(h.log).not.toContain('watch page');
    h.frames.splice(0).forEach((f) => f());
    h.runTimers(0);
    await settle();
    expect(h.log).toContain('watch page');
    expect(h.log).toContain('request snapshot.get');
  });

  it('asks for the current snapshot at once when nothing is cached', async () => {
    const h = harness({ cached: null });
    await h.startAnswered();
    await settle();
    expect(h.log).toContain('request snapshot.get');
    expect(h.log).not.toContain('watch page');
  });

  it('starts the page reader by the fallback timer when no frame is painted, once', async () => {
    const h = harness();
    await h.startAnswered();
    h.runTimers(WATCH_FALLBACK_MS);
    h.frames.splice(0).forEach((f) => f());
    h.runTimers();
    expect(h.log.filter((l) => l === 'watch page')).toHaveLength(1);
  });

  it('uses default settings when the worker cannot answer (the overlay shows, with defaults)', async () => {
    const h = harness({ openingFails: true });
    expect(await startOverlay(h.env)).toBe('shown');
  });

  it('hands the page copy for a report only to our own report page', async () => {
    const h = harness();
    h.env.capturePage = () => ({ html: '<html></html>', url: 'https://www.binance.com/en/futures/BTCUSDT', market: MARKET });
    await h.startAnswered();
    const listener = h.tab()!;
    const capture = { channel: 'liqlens:tab', command: 'report.capture', payload: {} };
    expect(listener(capture, { id: ID, url: `chrome-extension://${ID}/popup.html` })).toBeUndefined();
    expect(listener(capture, { id: ID })).toBeUndefined();
    await expect(listener(capture, { id: ID, url: `chrome-extension://${ID}/report.html?tab=4` })).resolves.toMatchObject({
      ok: true,
      data: { market: MARKET },
    });
  });

  it('answers the keyboard toggle and the popup through the tab command table', async () => {
    const h = harness();
    await h.startAnswered();
    const listener = h.tab()!;
    await expect(listener({ channel: 'liqlens:tab', command: 'overlay.toggle', payload: {} }, { id: ID })).resolves.toEqual({
      ok: true,
      data: { visible: false },
    });
    expect(h.visible.get()).toBe(false);
    expect(listener({ channel: 'liqlens:tab', command: 'overlay.toggle', payload: {} }, { id: 'someone-else' })).toBeUndefined();
    await expect(listener({ channel: 'liqlens:tab', command: 'market.get', payload: {} }, { id: ID })).resolves.toEqual({ ok: true, data: { market: MARKET } });
  });

  it('hides the overlay when the site is switched off while the tab is open, and shows it again when switched back on', async () => {
    const h = harness();
    await h.startAnswered();
    const off = { ...DEFAULT_SETTINGS, overlaySites: { ...DEFAULT_SETTINGS.overlaySites, binance: false } };
    (h.env as { request: StartEnv['request'] }).request = (async () => off) as unknown as StartEnv['request'];
    h.visibility()!();
    await settle();
    expect(h.visible.get()).toBe(false);
    (h.env as { request: StartEnv['request'] }).request = (async () => DEFAULT_SETTINGS) as unknown as StartEnv['request'];
    h.visibility()!();
    await settle();
    expect(h.visible.get()).toBe(true);
  });
});
