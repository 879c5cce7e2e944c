import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createDbHandle } from '@/core/cache/db';
import { addCoverage, coveredSince, extendCoverage, gapsIn } from '@/core/realized/coverage';
import { createRealizedStore } from '@/core/realized/realized-store';
import type { LiquidationEvent } from '@/core/realized/types';
import { FakeClock } from '../net/fakes';

const MIN = 60_000;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('coverage spans', () => {
  it('a silence longer than the gap limit starts a new span; the silence is a gap, the time before the first span is not', () => {
    let spans = extendCoverage([], 10 * MIN, 3 * MIN);
    spans = extendCoverage(spans, 12 * MIN, 3 * MIN);
    spans = extendCoverage(spans, 30 * MIN, 3 * MIN);
    spans = extendCoverage(spans, 31 * MIN, 3 * MIN);
    expect(spans).toEqual([
      { from: 10 * MIN, to: 12 * MIN },
      { from: 30 * MIN, to: 31 * MIN },
    ]);
    expect(gapsIn(spans, 0, 32 * MIN, 3 * MIN)).toEqual([{ from: 12 * MIN, to: 30 * MIN }]);
    // Silent since 31 min: at 40 min that is a gap reaching now.
    expect(gapsIn(spans, 0, 40 * MIN, 3 * MIN)).toEqual([
      { from: 12 * MIN, to: 30 * MIN },
      { from: 31 * MIN, to: 40 * MIN },
    ]);
    expect(coveredSince(spans)).toBe(10 * MIN);
    expect(addCoverage(spans, { from: 11 * MIN, to: 29 * MIN }, 0)).toEqual([
      { from: 10 * MIN, to: 29 * MIN },
      { from: 30 * MIN, to: 31 * MIN },
    ]);
    expect(addCoverage(spans, { from: 11 * MIN, to: 29 * MIN }, 3 * MIN)).toEqual([{ from: 10 * MIN, to: 31 * MIN }]);
  });
});

describe('realized store queries (for the alerts: sums over the last n minutes)', () => {
  it('sums the last n minutes per venue, asset or market, and lists the largest single liquidations', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
    const store = createRealizedStore(createDbHandle(), clock);
    const e = (minutesAgo: number, usd: number, symbol = 'BTC/USDT:USDT', venue: LiquidationEvent['venue'] = 'binance'): LiquidationEvent => ({
      venue,
      symbol,
      side: usd > 100 ? 'long' : 'short',
      price: 100,
      quantity: usd / 100,
      usd,
      time: clock.now() - minutesAgo * MIN,
    });
    await store.record([e(1, 500), e(3, 50), e(8, 900), e(2, 700, 'BTC/USDC:USDC'), e(2, 40, 'ETH/USDT:USDT', 'okx')]);
    expect(await store.recent({ minutes: 5, asset: 'BTC' })).toMatchObject({ longUsd: 1200, shortUsd: 50, count: 3 });
    expect(await store.recent({ minutes: 5, symbol: 'BTC/USDT:USDT' })).toMatchObject({ longUsd: 500, shortUsd: 50, count: 2 });
    expect(await store.recent({ minutes: 10, venue: 'okx' })).toMatchObject({ longUsd: 0, shortUsd: 40, count: 1 });
    expect((await store.largest(2, clock.now() - 60 * MIN)).map((x) => x.usd)).toEqual([900, 700]);
  });
});
