// @vitest-environment happy-dom
/** The overlay's order panel without an independent mark price (issue #16, finding 2). */
import { afterEach, describe, expect, it } from 'vitest';
import { Overlay, type OverlayProps } from '@/components/overlay/Overlay';
import { createStore } from '@/core/overlay/observable';
import { INITIAL_DATA, reduceOverlay, type OverlayData, type OverlayEvent } from '@/core/overlay/state';
import type { OrderState } from '@/core/overlay/order-view';
import { computeLiquidation } from '@/core/liquidation/engine';
import { NOW, snapshot } from '../overlay/fixtures';
import { mount } from './render';
import '@/core/i18n/zh_CN';

const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const data = (...events: OverlayEvent[]): OverlayData => events.reduce(reduceOverlay, INITIAL_DATA);
const why = { source: 'binance:premiumIndex', reason: 'HTTP 429: rate limited' };

function props(order: OrderState, patch: Partial<OverlayProps> = {}): OverlayProps {
  return {
    data: data({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot({ mark: null, markMissing: why }) }),
    now: NOW,
    order: createStore(order),
    compute: computeLiquidation,
    pagePrice: 82_000,
    expanded: false,
    theme: 'dark',
    position: { x: 20, y: 500 },
    windowPct: 10,
    onExpandedChange: () => undefined,
    onClose: () => undefined,
    onMove: () => undefined,
    ...patch,
  };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});
async function show(p: OverlayProps, language: 'en' | 'zh_CN' = 'en') {
  const m = await mount(<Overlay {...p} />, language, language === 'zh_CN' ? 'zh' : 'en');
  cleanup = m.unmount;
  return m;
}

describe('overlay: a market order without an independent mark price', () => {
  it('says what is missing instead of a number, with the way to the opt-in', async () => {
    let opened = 0;
    const { text, q } = await show(props({ kind: 'no-mark', ...why }, { onOpenOptions: () => opened++ }));
    expect(text('order-no-mark')).toContain('No independent mark price: binance:premiumIndex (HTTP 429: rate limited).');
    expect(q('order-long')).toBeNull();
    (q('order-no-mark-options') as HTMLButtonElement).click();
    expect(opened).toBe(1);
  });
  it('labels a figure priced from the page next to it', async () => {
    const input = {
      venue: 'binance' as const,
      marginMode: 'isolated' as const,
      side: 'long' as const,
      entryPrice: 82_000,
      quantity: 0.5,
      leverage: 20,
      tier: { mmr: 0.004, maintenanceAmount: 0 },
      markPrice: 82_000,
    };
    const state: OrderState = { kind: 'computed', sides: [{ side: 'long', input, result: computeLiquidation(input) }], pricedFromPage: true };
    const { q } = await show(props(state));
    expect(q('order-priced-from-page')?.textContent).toBe("Priced from the page's last price — the page could be wrong.");
  });
  it('in Simplified Chinese too', async () => {
    const { text } = await show(props({ kind: 'no-mark', ...why }), 'zh_CN');
    expect(text('order-no-mark')).toContain('没有独立的标记价格：binance:premiumIndex（HTTP 429: rate limited）');
  });
});
