import { describe, expect, it } from 'vitest';
import { evaluate, MARK_STALE_MS, distanceToBandPct, distanceToLiquidationPct, type AlertInputs } from '@/core/alerts/conditions';
import type { Band } from '@/core/model/types';

const NOW = 1_764_800_000_000;
const mark = (price: number, ageMs = 10_000): AlertInputs['mark'] => ({ price, time: NOW - ageMs, source: 'binance:premiumIndex' });
// Bands as core/model/bands.ts reports them: longs below the price (near = upper edge), shorts above.
const longBand: Band = { side: 'long', near: 80_000, far: 79_200, usd: 286e6, cumulativeUsd: 300e6, distancePct: -3.1 };
const shortBand: Band = { side: 'short', near: 85_000, far: 85_800, usd: 40e6, cumulativeUsd: 698e6, distancePct: 3.4 };
const bands = { long: [longBand], short: [shortBand] };

describe('distances', () => {
  it('measures from the mark to the near edge, 0 once inside or past', () => {
    expect(distanceToBandPct(81_000, longBand)).toBeCloseTo(1.2346, 3);
    expect(distanceToBandPct(79_900, longBand)).toBe(0);
    expect(distanceToBandPct(84_150, shortBand)).toBeCloseTo(1.0101, 3);
    expect(distanceToLiquidationPct(100, 95, 'long')).toBe(5);
    expect(distanceToLiquidationPct(100, 105, 'short')).toBe(5);
    expect(distanceToLiquidationPct(94, 95, 'long')).toBe(0);
  });
});

describe('band condition', () => {
  const cond = { kind: 'band', withinPct: 1.5, minUsd: 100e6 } as const;
  it('is met within x% of a band of at least $y, naming that band', () => {
    const e = evaluate(cond, { now: NOW, mark: mark(81_000), bands });
    expect(e).toEqual({
      state: 'met',
      detail: { kind: 'band', mark: 81_000, distancePct: expect.closeTo(1.2346, 3), band: { side: 'long', near: 80_000, far: 79_200, usd: 286e6 } },
    });
  });
  it('ignores bands below $y even when nearer', () => {
    // 84,500 is 0.6% from the $40M short band but 5.6% from the $286M long band.
    expect(evaluate(cond, { now: NOW, mark: mark(84_500), bands }).state).toBe('clear');
  });
  it('holds between the threshold and the re-arm margin (1.25 × x)', () => {
    expect(evaluate(cond, { now: NOW, mark: mark(81_400), bands }).state).toBe('hold'); // 1.72%
    expect(evaluate(cond, { now: NOW, mark: mark(81_700), bands }).state).toBe('clear'); // 2.08%
  });
  it('waits, saying why, when the model or the mark is missing or stale', () => {
    expect(evaluate(cond, { now: NOW, mark: mark(81_000), bands: { error: 'binance:klines: 429 rate limited' } })).toEqual({
      state: 'unknown',
      reason: 'binance:klines: 429 rate limited',
    });
    expect(evaluate(cond, { now: NOW, mark: { error: 'Binance mark price: 429 rate limited' }, bands })).toEqual({
      state: 'unknown',
      reason: 'Binance mark price: 429 rate limited',
    });
    const stale = evaluate(cond, { now: NOW, mark: mark(80_000, MARK_STALE_MS + 1), bands });
    expect(stale.state).toBe('unknown');
    expect(evaluate(cond, { now: NOW, mark: mark(80_000, MARK_STALE_MS), bands }).state).toBe('met');
  });
});

describe('liquidation condition', () => {
  const cond = { kind: 'liquidation', withinPct: 2, side: 'long', liquidationPrice: 78_000 } as const;
  it('is met within x% of the liquidation price, and past it', () => {
    expect(evaluate(cond, { now: NOW, mark: mark(79_500) }).state).toBe('met'); // 1.89%
    expect(evaluate(cond, { now: NOW, mark: mark(77_000) }).state).toBe('met');
    expect(evaluate(cond, { now: NOW, mark: mark(79_800) }).state).toBe('hold'); // 2.26%
    expect(evaluate(cond, { now: NOW, mark: mark(80_100) }).state).toBe('clear'); // 2.62%
  });
  it('never uses a NaN or zero price', () => {
    expect(evaluate(cond, { now: NOW, mark: mark(Number.NaN) }).state).toBe('unknown');
    expect(evaluate(cond, { now: NOW, mark: mark(0) }).state).toBe('unknown');
  });
});

describe('cascade condition', () => {
  const cond = { kind: 'cascade', minUsd: 10e6, minutes: 5 } as const;
  const inputs = (usd: number, collecting = true): AlertInputs => ({ now: NOW, mark: { error: 'not needed' }, realized: { usd, collecting } });
  it('is met at $z within n minutes, and needs no mark', () => {
    expect(evaluate(cond, inputs(12e6))).toEqual({ state: 'met', detail: { kind: 'cascade', usd: 12e6, minutes: 5 } });
  });
  it('re-arms below 0.8 × z, holds between', () => {
    expect(evaluate(cond, inputs(9e6)).state).toBe('hold');
    expect(evaluate(cond, inputs(1e6)).state).toBe('clear');
  });
  it('does not call a quiet window clear when nothing was collecting', () => {
    expect(evaluate(cond, inputs(0, false)).state).toBe('unknown');
  });
});
