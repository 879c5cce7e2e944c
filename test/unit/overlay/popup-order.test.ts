/**
 * The popup's own liquidation price (issue #16): the tab reports the order inputs it read, the
 * popup rebuilds the same engine inputs from them; the report is validated as hostile input.
 */
import { describe, expect, it } from 'vitest';
import { readingFromReport, reportOrder, orderReportSchema } from '@/core/overlay/popup-order';
import { readingToInputs } from '@/core/overlay/page-order';
import { createTabRouter, GET_TAB_ORDER, parseTabReply } from '@/core/overlay/tab-messages';
import { safeParse } from '@/core/messages/schema';
import { computeLiquidation } from '@/core/liquidation/engine';
import { computeSides } from '@/core/overlay/order-view';
import type { PageFields, PageReading } from '@/core/page/types';
import { oneTierTable } from './order-fixtures';

const found = <T>(value: T) => ({ value, hook: 'test' });
const missing = (why: string) => ({ missing: why });
const BTC = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };

function reading(patch: Partial<PageFields> = {}): PageReading {
  const fields: PageFields = {
    side: found('undecided' as const),
    orderType: found('limit' as const),
    limitPrice: found(80_000),
    size: found({ amount: 0.5, unit: 'coin' as const, unitLabel: 'BTC' }),
    leverage: found(20),
    marginMode: found('isolated' as const),
    availableBalance: found({ amount: 1000, currency: 'USDT' }),
    position: found({ side: 'long' as const, size: 0.2, sizeUnitLabel: 'BTC', entryPrice: 78_000, liqPrice: 74_000 }),
    lastPrice: found(82_000),
    markPrice: missing('not shown'),
    titlePrice: missing('no title'),
    ...patch,
  };
  return { venue: 'binance', market: BTC, url: 'https://www.binance.com/en/futures/BTCUSDT', readAt: 0, fields, health: [], refusedSensitive: 0 };
}
const table = oneTierTable(BTC);
const ctx = { market: BTC, tiers: table, instrument: null, markPrice: 82_100, markFrom: 'mark' as const };

describe('the order report the popup recomputes from', () => {
  it('carries only the order inputs (no balance, no page price) and rebuilds the same engine inputs', () => {
    const original = readingToInputs(reading(), ctx);
    const report = reportOrder(reading(), BTC, { kind: 'waiting' })!;
    expect(safeParse(orderReportSchema, report).ok).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/1000|82000|74000/);
    expect(readingToInputs(readingFromReport(report, 0), ctx)).toEqual(original);
  });
  it("reports the overlay's figures per side for comparison", () => {
    const built = readingToInputs(reading({ position: found(null) }), ctx);
    if (!('inputs' in built)) throw new Error('inputs expected');
    const sides = computeSides(built.inputs, computeLiquidation, built.orderSides);
    const report = reportOrder(reading(), BTC, { kind: 'computed', sides })!;
    expect(report.overlay.figures.map((f) => [f.side, f.orderSide])).toEqual([
      ['long', 'long'],
      ['short', 'short'],
    ]);
    expect(report.overlay.figures[0]!.price).toBeCloseTo((sides[0] as { result: { price: number } }).result.price, 9);
  });
  it('reports nothing for another market than the overlay shows', () => {
    expect(reportOrder(reading(), { venue: 'binance', symbol: 'ETH/USDT:USDT' }, { kind: 'waiting' })).toBeNull();
  });
  it('is validated on the popup side: a forged or malformed answer is no answer', () => {
    const report = reportOrder(reading(), BTC, { kind: 'waiting' });
    expect(parseTabReply('order.get', { ok: true, data: report })).toEqual(report);
    expect(parseTabReply('order.get', { ok: true, data: { ...report, fields: { leverage: Number.NaN } } })).toBeNull();
    expect(parseTabReply('order.get', { ok: true, data: { ...report, overlay: { kind: 'computed', figures: [{ side: 'long', price: -1 }] } } })).toBeNull();
  });
  it('the tab answers order.get to our own extension pages only', async () => {
    const router = createTabRouter(
      'liqlens-id',
      {
        'overlay.toggle': () => ({ visible: true }),
        'market.get': () => ({ market: null }),
        'report.capture': () => null,
        'order.get': () => reportOrder(reading(), BTC, { kind: 'waiting' }),
      },
      'chrome-extension://liqlens-id/report.html',
    );
    expect(await router(GET_TAB_ORDER, { id: 'liqlens-id', url: 'chrome-extension://liqlens-id/popup.html' })).toMatchObject({
      ok: true,
      data: { market: BTC },
    });
    expect(router(GET_TAB_ORDER, { id: 'other' })).toBeUndefined();
    expect(router(GET_TAB_ORDER, { id: 'liqlens-id', tab: { id: 3 } })).toBeUndefined();
  });
});
