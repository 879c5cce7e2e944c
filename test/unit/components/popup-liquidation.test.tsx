// @vitest-environment happy-dom
/** The popup's own liquidation price for the current tab (issue #16): the view the page cannot touch. */
import { afterEach, describe, expect, it } from 'vitest';
import { PopupLiquidation } from '@/components/popup/PopupLiquidation';
import type { RequestFn } from '@/core/messages/client';
import type { OrderReport } from '@/core/overlay/popup-order';
import { computeLiquidation } from '@/core/liquidation/engine';
import { NOW, snapshot } from '../overlay/fixtures';
import { flush, mount } from './render';
import { BTC, LONG_LIQ, oneTierTable, orderReport } from '../overlay/order-fixtures';
import '@/core/i18n/pages';

const table = oneTierTable();
const request = (async (command: string) => {
  if (command === 'tiers.get') return table;
  if (command === 'instrument.get') return { market: BTC, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 };
  throw new Error('n/a');
}) as unknown as RequestFn;

// Isolated long, 0.5 BTC at 80,000, 20x, one tier at 0.4%: liq = 80,000 × (1 − 1/20) / (1 − 0.004) ≈ 76,305.2
const OURS = LONG_LIQ;
function report(overlayPrice: number | null, kind: OrderReport['overlay']['kind'] = 'computed'): OrderReport {
  return orderReport(BTC, {}, { kind, figures: overlayPrice === null ? [] : [{ side: 'long', orderSide: 'long', price: overlayPrice }] });
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});
async function show(r: OrderReport | null, snap = snapshot()) {
  const m = await mount(
    <PopupLiquidation market={BTC} getTabOrder={async () => r} request={request} compute={computeLiquidation} snapshot={snap} bands={[]} now={NOW} />,
  );
  cleanup = m.unmount;
  await flush();
  await flush();
  return m;
}

describe('popup: liquidation price of the order on this tab', () => {
  it("computes it in the extension from the tab's inputs and says so, with the mark's source", async () => {
    const { q, text } = await show(report(null, 'waiting'));
    expect(text('popup-liq-how')).toMatch(/Computed here, in the extension, from the order inputs read on the page/);
    const long = q('popup-liq-longlong')!;
    expect(long.textContent).toContain('76,305');
    expect(Math.abs(OURS - 76_305.2)).toBeLessThan(0.1);
    expect(text('popup-liq-mark')).toContain('binance:premiumIndex');
    expect(q('popup-liq-differs')).toBeNull();
  });
  it("shows when the overlay's figure differs from its own (a page rewrote the overlay)", async () => {
    const { text, q } = await show(report(12_345.6));
    expect(text('popup-liq-differs')).toContain('12,345.6');
    expect(q('popup-liq-longlong')!.textContent).toContain('76,305');
  });
  it("agrees within a tick with the overlay's own figure", async () => {
    const { q } = await show(report(Math.round(OURS * 10) / 10));
    expect(q('popup-liq-differs')).toBeNull();
    expect(q('popup-liq-same')).not.toBeNull();
  });
  it('without an independent mark it says what is missing, never a number from the page', async () => {
    const { text, q } = await show(report(null), snapshot({ mark: null, markMissing: { source: 'binance:premiumIndex', reason: 'HTTP 429' } }));
    expect(text('popup-liq-missing')).toContain('No independent mark price: binance:premiumIndex (HTTP 429)');
    expect(q('popup-liq-longlong')).toBeNull();
  });
  it('a tab without a readable order says so', async () => {
    const { q } = await show(null);
    expect(q('popup-liq-none')).not.toBeNull();
  });
});
