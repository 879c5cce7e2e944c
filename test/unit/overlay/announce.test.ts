import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncer } from '@/core/overlay/announce';

describe('the debounced liquidation announcement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };

  it('says nothing while the trader types, then once, a second after the last keystroke', () => {
    const said: string[] = [];
    const a = createAnnouncer((t) => said.push(t), timers);
    for (const price of ['$80,100', '$80,200', '$80,300']) {
      a.set('long', `Liquidation ${price}`);
      vi.advanceTimersByTime(400);
    }
    expect(said).toEqual([]);
    vi.advanceTimersByTime(600);
    expect(said).toEqual(['Liquidation $80,300']);
  });

  it('does not repeat a warning that still holds when the figures come back unchanged', () => {
    const said: string[] = [];
    const a = createAnnouncer((t) => said.push(t), timers);
    a.set('long', 'Liquidation $80,000. Cascade risk.');
    vi.advanceTimersByTime(1000);
    a.set('long', 'Liquidation $80,001. Cascade risk.');
    a.set('long', 'Liquidation $80,000. Cascade risk.');
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(['Liquidation $80,000. Cascade risk.']);
  });

  it('joins both sides of an undecided order into one announcement and drops a side that is gone', () => {
    const said: string[] = [];
    const a = createAnnouncer((t) => said.push(t), timers);
    a.set('long', 'If you buy: $80,000.');
    a.set('short', 'If you sell: $88,000.');
    vi.advanceTimersByTime(1000);
    a.set('short', null);
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(['If you buy: $80,000. If you sell: $88,000.', 'If you buy: $80,000.']);
    a.dispose();
  });
});
