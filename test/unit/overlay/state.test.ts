import { describe, expect, it } from 'vitest';
import { INITIAL_DATA, failingSources, reduceOverlay, viewState, type OverlayData } from '@/core/overlay/state';
import { NOW, snapshot } from './fixtures';

const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const run = (...events: Parameters<typeof reduceOverlay>[1][]): OverlayData => events.reduce(reduceOverlay, INITIAL_DATA);

describe('overlay state machine', () => {
  it('is unsupported without a market', () => {
    expect(viewState(run({ type: 'market', market: null }), NOW).kind).toBe('unsupported');
  });
  it('loads, then is ready', () => {
    expect(viewState(run({ type: 'market', market }, { type: 'request' }), NOW).kind).toBe('loading');
    expect(viewState(run({ type: 'market', market }, { type: 'request' }, { type: 'snapshot', snapshot: snapshot() }), NOW).kind).toBe('ready');
  });
  it('shows cached data as stale with its age', () => {
    const s = viewState(run({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot({ stale: true, asOf: NOW - 600_000 }) }), NOW);
    expect(s).toMatchObject({ kind: 'stale', ageMs: 600_000, error: null });
  });
  it('keeps the last snapshot when a refresh fails, and says why', () => {
    const s = viewState(
      run({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot() }, { type: 'failed', code: 'source-error', message: 'HTTP 429' }),
      NOW,
    );
    expect(s).toMatchObject({ kind: 'stale', error: 'HTTP 429' });
  });
  it('is an error when nothing was ever loaded', () => {
    expect(viewState(run({ type: 'market', market }, { type: 'failed', code: 'unreachable', message: 'gone' }), NOW)).toEqual({
      kind: 'error',
      message: 'gone',
    });
  });
  it('is offline when the browser is, with or without cached data', () => {
    expect(viewState(run({ type: 'market', market }, { type: 'online', online: false }), NOW)).toMatchObject({ kind: 'offline', snapshot: null });
    const cached = run({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot() }, { type: 'online', online: false });
    expect(viewState(cached, NOW)).toMatchObject({ kind: 'offline', ageMs: 120_000 });
  });
  it("drops another market's late snapshot and clears data on a market switch", () => {
    const eth = { venue: 'binance' as const, symbol: 'ETH/USDT:USDT' };
    const d = run({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot() }, { type: 'market', market: eth });
    expect(d.snapshot).toBeNull();
    expect(reduceOverlay(d, { type: 'snapshot', snapshot: snapshot() }).snapshot).toBeNull();
  });
  it('names sources whose latest attempt failed', () => {
    const sources = [
      { source: 'binance', lastSuccess: NOW - 10_000, lastError: { at: NOW - 60_000, message: 'old' } },
      { source: 'bybit', lastSuccess: NOW - 600_000, lastError: { at: NOW - 5_000, message: 'HTTP 403' } },
      { source: 'okx', lastSuccess: null, lastError: { at: NOW, message: 'timeout' } },
    ];
    expect(failingSources(sources).map((s) => s.source)).toEqual(['bybit', 'okx']);
    expect(viewState(run({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot({ sources }) }), NOW)).toMatchObject({
      kind: 'ready',
      failing: [{ source: 'bybit' }, { source: 'okx' }],
    });
  });
});
