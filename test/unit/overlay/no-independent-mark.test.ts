/**
 * Finding 2 of issue #16: without an independent mark price the page's own price must not silently
 * price a market order. It may only with the trader's "priced from the page" opt-in, and then says so.
 */
import { describe, expect, it } from 'vitest';
import { orderFromReading, prefillFrom, readingToInputs } from '@/core/overlay/page-order';
import { createOverlaySession } from '@/core/overlay/session';
import type { RequestFn } from '@/core/messages/client';
import type { PageFields, PageReading } from '@/core/page/types';
import { computeLiquidation } from '@/core/liquidation/engine';
import { snapshot } from './fixtures';

const found = <T>(value: T) => ({ value, hook: 'test' });
const missing = (why: string) => ({ missing: why });
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };

function reading(patch: Partial<PageFields> = {}): PageReading {
  const fields: PageFields = {
    side: found('long' as const),
    orderType: found('market' as const),
    limitPrice: missing('market order'),
    size: found({ amount: 0.5, unit: 'coin' as const, unitLabel: 'BTC' }),
    leverage: found(20),
    marginMode: found('isolated' as const),
    availableBalance: found({ amount: 1000, currency: 'USDT' }),
    position: found(null),
    lastPrice: found(82_000),
    markPrice: missing('not shown'),
    titlePrice: missing('no title'),
    ...patch,
  };
  return { venue: 'binance', market: BTC, url: 'https://www.binance.com/en/futures/BTCUSDT', readAt: 0, fields, health: [], refusedSensitive: 0 };
}

const why = { source: 'binance:premiumIndex', reason: 'HTTP 429: rate limited' };
const fromPage = { market: BTC, tiers: null, instrument: null, markPrice: 82_000, markFrom: 'page' as const, markMissing: why };

describe('a market order without an independent mark price', () => {
  it('is not priced from the page: it says which source is missing and why', () => {
    expect(readingToInputs(reading(), fromPage)).toEqual({ noMark: why });
    expect(orderFromReading(reading(), fromPage, readingToInputs)).toEqual({ noMark: why });
    // Nor does the calculator start from the page's price as if it were the mark.
    expect(prefillFrom(reading(), fromPage).entry).toBeUndefined();
  });
  it('with the opt-in, is priced from the page and says so in its notes (no "entry = mark price")', () => {
    const built = readingToInputs(reading(), { ...fromPage, priceFromPage: true });
    if (!('inputs' in built)) throw new Error(`not priced: ${JSON.stringify(built)}`);
    expect(built.pricedFromPage).toBe(true);
    const notes = built.inputs[0]!.notes ?? [];
    expect(notes[0]).toMatch(/page's last price, not an independent mark price \(the page could be wrong/);
    expect(notes.join(' ')).not.toContain('entry = mark price');
    expect(built.inputs[0]!.entryPrice).toBe(82_000);
  });
  it('with an independent mark, is priced as before and is not labelled as priced from the page', () => {
    const built = readingToInputs(reading(), { ...fromPage, markPrice: 82_100, markFrom: 'mark' });
    if (!('inputs' in built)) throw new Error('inputs expected');
    expect(built.pricedFromPage).toBeUndefined();
    expect(built.inputs[0]!.notes?.[0]).toBe('Market order: entry = mark price (slippage and spread not included).');
  });
  it('a limit order is priced at its own limit price as before', () => {
    const limit = reading({ orderType: found('limit' as const), limitPrice: found(80_000) });
    const built = readingToInputs(limit, fromPage);
    if (!('inputs' in built)) throw new Error('inputs expected');
    expect(built.inputs[0]!.entryPrice).toBe(80_000);
    expect(built.pricedFromPage).toBeUndefined();
  });
});

describe('the overlay session without a mark', () => {
  function session(answer: () => Promise<unknown>) {
    return createOverlaySession({
      request: (async (command: string) => (command === 'snapshot.get' ? answer() : Promise.reject(new Error('n/a')))) as unknown as RequestFn,
      compute: computeLiquidation,
      setTimeout: () => undefined,
      clearTimeout: () => undefined,
    });
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it("marks the page price as the page's and carries the background's reason; the mismatch check does not pass on the page alone", async () => {
    const s = session(async () => snapshot({ mark: null, markMissing: why }));
    s.setMarket(BTC);
    await flush();
    s.setPagePrice(82_000);
    expect(s.context()).toMatchObject({ markPrice: 82_000, markFrom: 'page', priceFromPage: false, markMissing: why });
    // No independent mark: no "agrees" is claimed, and the order shows what is missing instead of a number.
    expect(s.priceMismatch.get()).toBeNull();
    s.setOrder(orderFromReading(reading(), s.context(), readingToInputs));
    expect(s.order.get()).toEqual({ kind: 'no-mark', ...why });
    s.priceFromPage.set(true);
    s.factsSettled.set(true);
    s.setOrder(orderFromReading(reading(), s.context(), readingToInputs));
    const priced = s.order.get();
    expect(priced.kind === 'computed' && priced.pricedFromPage).toBe(true);
  });
  it('names the failure when the background itself did not answer', async () => {
    const s = session(async () => Promise.reject(new Error('worker gone')));
    s.setMarket(BTC);
    await flush();
    s.setPagePrice(82_000);
    expect(s.context()?.markMissing).toEqual({ source: 'LiqLens background', reason: 'worker gone' });
  });
});
