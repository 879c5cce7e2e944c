// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import type { RequestFn } from '@/core/messages/client';
import { RequestFailed } from '@/core/messages/client';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { Market } from '@/core/types';
import { NOW, snapshot } from '../overlay/fixtures';
import { flush, mount } from './render';

type Call = { command: string; payload: unknown };

function fakeRequest(calls: Call[], overrides: Record<string, (payload: never) => unknown> = {}): RequestFn {
  return (async (command: string, payload: { market?: Market; venue?: string }) => {
    calls.push({ command, payload });
    if (overrides[command]) return overrides[command](payload as never);
    switch (command) {
      case 'snapshot.get':
        return snapshot({ market: payload.market! });
      case 'markets.list':
        return [
          { venue: payload.venue, symbol: 'BTC/USDT:USDT' },
          { venue: payload.venue, symbol: 'ETH/USDT:USDT' },
        ];
      case 'tiers.get':
        return {
          venue: payload.market!.venue,
          symbol: payload.market!.symbol,
          tiers: [{ floor: 0, cap: 1e9, mmr: 0.004, maintenanceAmount: 0 }],
          source: 'test-table',
          asOf: NOW,
        };
      default:
        throw new RequestFailed('unknown-command', command);
    }
  }) as unknown as RequestFn;
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function open(patch: Partial<PopupProps> & { calls?: Call[] } = {}) {
  const calls = patch.calls ?? [];
  const m = await mount(
    <Popup
      request={fakeRequest(calls)}
      getTabMarket={async () => null}
      compute={computeLiquidation}
      theme="light"
      windowPct={10}
      fallbackMarket={{ venue: 'binance', symbol: 'BTC/USDT:USDT' }}
      openOptions={() => undefined}
      now={() => NOW}
      {...patch}
    />,
  );
  cleanup = m.unmount;
  await flush();
  await flush();
  return { ...m, calls };
}

describe('popup', () => {
  it('never skips a heading level below its title (axe heading-order)', async () => {
    const { container, q } = await open();
    await new Promise((r) => setTimeout(r, 20));
    expect(q('overlay-bands')).not.toBeNull();
    const levels = [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]!, `heading ${i}: ${levels.join(',')}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
  it("defaults to the current tab's market and says where it came from", async () => {
    const { q, text, calls } = await open({ getTabMarket: async () => ({ venue: 'okx', symbol: 'ETH/USDT:USDT' }) });
    expect(q<HTMLSelectElement>('popup-venue')?.value).toBe('okx');
    expect(q<HTMLSelectElement>('popup-market')?.value).toBe('ETH/USDT:USDT');
    expect(text('popup-from-tab')).toBe('from the current tab');
    expect(calls.find((c) => c.command === 'snapshot.get')?.payload).toEqual({ market: { venue: 'okx', symbol: 'ETH/USDT:USDT' } });
  });
  it('falls back to the last market when the tab has no overlay', async () => {
    const { q, text } = await open({ getTabMarket: () => Promise.reject(new Error('Could not establish connection')) });
    expect(q<HTMLSelectElement>('popup-venue')?.value).toBe('binance');
    expect(text('popup-from-tab')).toBeNull();
    expect(text('band-long')).toContain('≈$286M longs $80.0k–$79.2k');
    expect(text('realized-total')).toBe('Total $60.1M');
    expect(q('popup-root')?.dataset.state).toBe('ready');
  });
  it('looks up another market when one is picked', async () => {
    const onMarketChosen = vi.fn();
    const { q, calls } = await open({ onMarketChosen });
    const select = q<HTMLSelectElement>('popup-market')!;
    await act(() => {
      select.value = 'ETH/USDT:USDT';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    expect(onMarketChosen).toHaveBeenCalledWith({ venue: 'binance', symbol: 'ETH/USDT:USDT' });
    expect(calls.filter((c) => c.command === 'snapshot.get').map((c) => (c.payload as { market: Market }).market.symbol)).toEqual([
      'BTC/USDT:USDT',
      'ETH/USDT:USDT',
    ]);
  });
  it('after a venue switch, moves to the same coin on that venue when the old symbol does not trade there', async () => {
    const calls: Call[] = [];
    const { q } = await open({
      calls,
      request: fakeRequest(calls, {
        'markets.list': (p: { venue: string }) =>
          p.venue === 'hyperliquid'
            ? [
                { venue: 'hyperliquid', symbol: 'ETH/USDC:USDC' },
                { venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' },
              ]
            : [{ venue: p.venue, symbol: 'BTC/USDT:USDT' }],
      }),
    });
    const venue = q<HTMLSelectElement>('popup-venue')!;
    await act(() => {
      venue.value = 'hyperliquid';
      venue.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    await flush();
    expect(q<HTMLSelectElement>('popup-market')?.value).toBe('BTC/USDC:USDC');
    expect(calls.filter((c) => c.command === 'snapshot.get').at(-1)?.payload).toEqual({ market: { venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' } });
  });
  it('computes with the calculator, prefilled with the mark price', async () => {
    const { q, text } = await open();
    expect(q<HTMLInputElement>('calc-entry')?.value).toBe('82560');
    for (const [id, value] of [
      ['calc-quantity', '0.5'],
      ['calc-leverage', '10'],
    ] as const) {
      const input = q<HTMLInputElement>(id)!;
      await act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    expect(text('order-liq-long')).toMatch(/^\$7\d,\d{3}\.\d$/);
    expect(text('order-liq-short')).toMatch(/^\$9\d,\d{3}\.\d$/);
  });
  it('shows a source error instead of numbers when the lookup fails', async () => {
    const calls: Call[] = [];
    const { text } = await open({
      calls,
      request: fakeRequest(calls, {
        'snapshot.get': () => {
          throw new RequestFailed('source-error', 'Binance answered HTTP 429: rate limited');
        },
      }),
    });
    expect(text('state-error')).toContain('Cannot load data: Binance answered HTTP 429: rate limited');
    expect(text('band-long')).toBeNull();
  });
  it('sends the reader to the options page for source failures (the popup has no expand button)', async () => {
    const calls: Call[] = [];
    const sources = [{ source: 'okx:instruments', lastSuccess: null, lastError: { at: NOW, message: 'HTTP 404' } }];
    const { text } = await open({ calls, request: fakeRequest(calls, { 'snapshot.get': (p: { market: Market }) => snapshot({ market: p.market, sources }) }) });
    expect(text('state-source-error')).toBe('Sources failing (1): okx:instruments. Details on the options page.');
  });
  it('links to the options page', async () => {
    const openOptions = vi.fn();
    const { q } = await open({ openOptions });
    await act(() => q('popup-options')!.click());
    expect(openOptions).toHaveBeenCalledOnce();
  });
});
