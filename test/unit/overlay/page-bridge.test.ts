// @vitest-environment happy-dom
/**
 * The keystroke path with the real page reader on the recorded-hooks Binance fixture: page →
 * watchPage → orderFromReading (engine order builder) → liquidation → the session's order state.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchWindow } from '@/core/page/watch-page';
import { createOverlaySession } from '@/core/overlay/session';
import type { RequestFn } from '@/core/messages/client';
import { computeLiquidation } from '@/core/liquidation/engine';
import { bundledTiers } from '@/core/liquidation/tier-sources';
import { connectPage, orderFormRect } from '@/entrypoints/exchange.content/page-bridge';
import { venueForPageHost, venueForPageUrl } from '@/core/venues/registry';
import { marketFromUrl } from '@/core/page/market-from-url';
import { loadIntoGlobalDocument } from '../page/load-fixture';
import { snapshot } from './fixtures';

const URL = 'https://www.binance.com/en/futures/BTCUSDT';
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };

function manualWindow(href: string) {
  const frames = new Map<number, () => void>();
  let id = 1;
  const win: WatchWindow = {
    requestAnimationFrame: (cb) => (frames.set(id, cb), id++),
    cancelAnimationFrame: (h) => void frames.delete(h),
    setInterval: () => 0,
    clearInterval: () => undefined,
    MutationObserver: window.MutationObserver,
    location: { href },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return {
    win,
    flush() {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((cb) => cb());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
let stop: (() => void) | null = null;
afterEach(() => stop?.());

/** `tiersAnswered`: when the background answers tiers.get (default: at once). */
async function setup(tiersAnswered: Promise<void> = Promise.resolve()) {
  const doc = loadIntoGlobalDocument('binance');
  const request = (async (command: string) => {
    if (command === 'snapshot.get') return snapshot({ mark: { price: 84_028.1, time: 0, source: 'test' } });
    if (command === 'tiers.get') return tiersAnswered.then(() => bundledTiers(BTC));
    throw new Error('not recorded');
  }) as unknown as RequestFn;
  const session = createOverlaySession({ request, compute: computeLiquidation, setTimeout: () => 0, clearTimeout: () => undefined });
  session.setMarket(BTC);
  await settle();
  const page = manualWindow(URL);
  const watch = connectPage(doc, page.win, 'binance', session);
  stop = () => watch.stop();
  return { doc, session, page };
}

describe('page bridge (real reader, real engine)', () => {
  it("finds the venue and market from the URL, and the order form's box for placement", () => {
    expect(marketFromUrl(URL)).toEqual(BTC);
    expect(venueForPageHost('www.binance.com')).toBe('binance');
    expect(venueForPageHost('binance.com.evil.example')).toBeNull();
    expect(venueForPageUrl('https://www.okx.com/trade-swap/btc-usdt-swap')).toBe('okx');
    expect(venueForPageUrl('https://www.binance.com.evil.example/en/futures/BTCUSDT')).toBeNull();
    expect(venueForPageUrl('not a url')).toBeNull();
    loadIntoGlobalDocument('binance');
    // happy-dom has no layout: a zero box means "unknown", never a made-up one.
    expect(orderFormRect(document, 'binance')).toBeNull();
  });
  it('computes the order on the page, and recomputes when the size is typed', async () => {
    const { doc, session, page } = await setup();
    page.flush();
    const first = session.order.get();
    expect(first.kind).toBe('computed');
    const size = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]');
    expect(size).not.toBeNull();
    const before = first.kind === 'computed' ? first.sides : [];
    size!.value = '0.9';
    size!.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    const after = session.order.get();
    expect(after.kind).toBe('computed');
    if (after.kind !== 'computed') return;
    expect(after.sides).not.toBe(before);
    for (const o of after.sides) expect('result' in o && (o.result.price === null || Number.isFinite(o.result.price))).toBe(true);
    expect(session.health.get()?.entries.length).toBeGreaterThan(5);
  });
  it('asks for the size again when it is cleared (waiting, not a stale number)', async () => {
    const { doc, session, page } = await setup();
    page.flush();
    const size = doc.querySelector<HTMLInputElement>('input[id^="unitAmount-"]')!;
    size.value = '';
    size.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    expect(session.order.get().kind).toBe('waiting');
  });
  it('an order already in the form is shown as being priced until its tier table arrives, never priced without it first', async () => {
    let answerTiers: () => void = () => undefined;
    const { session, page } = await setup(new Promise<void>((r) => (answerTiers = r)));
    page.flush();
    expect(session.factsSettled.get()).toBe(false);
    // Said as what it is: an order being priced, not "type an order", not a price without tiers.
    expect(session.order.get().kind).toBe('pricing');
    answerTiers();
    await settle();
    const order = session.order.get();
    expect(order.kind).toBe('computed');
    if (order.kind !== 'computed') return;
    const priced = order.sides.filter((o) => 'result' in o && o.result.price !== null);
    expect(priced.length).toBeGreaterThan(0);
    for (const o of priced) if ('result' in o) expect(o.result.table?.source).toBe(bundledTiers(BTC)!.source);
  });
});
