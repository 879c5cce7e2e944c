import { describe, expect, it } from 'vitest';
import { backtestSeries, BacktestInputError, runBacktest, scale } from '@/core/model/backtest';
import { DEFAULT_PRESET, MODEL_PRESETS, modelSettings } from '@/core/model/presets';
import { bar, HOUR, simpleSettings, T0 } from './helpers';

const market = { venue: 'binance', symbol: 'BTC/USDT:USDT' } as const;

describe('backtest series', () => {
  // OI rows keyed by interval open: oi_close of interval i.
  const oi = [0, 1000, 1000, 1000, 1000].map((usd, i) => ({ time: T0 + i * HOUR, usd }));
  const realized = [0, 1, 2, 3, 4].map((i) => ({ time: T0 + i * HOUR, longUsd: i, shortUsd: 0 }));
  const bars = [
    bar(0, 10000, 10000, 10000, 10000),
    bar(1, 10000, 10000, 10000, 10000), // +$1000 of 10x longs at 9,000 (mmr 0 below)
    bar(2, 10000, 10000, 9500, 9600),
    bar(3, 9600, 9700, 8900, 9000), // trades through 9,000
    bar(4, 9000, 9100, 8800, 9000),
  ];

  it('predicts for interval t from the state before t, and the baseline from OI at t−1', () => {
    const s = backtestSeries({ market, bars, oi, realized, settings: simpleSettings(), mmr: 0 });
    expect(s.time).toEqual([1, 2, 3, 4].map((i) => T0 + i * HOUR));
    // interval 1 opens the positions: they cannot be predicted for interval 1 itself
    expect(s.predLong).toEqual([0, 0, 1000, 0]);
    expect(s.baseLong[2]).toBeCloseTo(((9600 - 8900) / 9600) * 1000, 9);
    expect(s.baseShort[1]).toBe(0);
    expect(s.realLong).toEqual([1, 2, 3, 4]);
  });

  it('reports realized ÷ predicted USD in total and the share of intervals predicted as exactly 0', () => {
    const r = runBacktest({ market, bars, oi, realized, settings: simpleSettings(), mmr: 0 });
    // predictions 0, 0, 1000, 0 against realized 1, 2, 3, 4
    expect(r.long.zeroShare).toBe(0.75);
    expect(r.long.realizedOverPredicted).toBeCloseTo(10 / 1000, 12);
    expect(r.short.zeroShare).toBe(1);
    expect(r.short.realizedOverPredicted).toBeNaN(); // nothing predicted, nothing realized
    expect(scale([0, 0], [1, 0]).realizedOverPredicted).toBe(Infinity);
    expect(scale([], []).zeroShare).toBeNaN();
    expect(scale([2, 0, 2], [1, 1, 1])).toEqual({ realizedOverPredicted: 0.75, zeroShare: 1 / 3 });
  });

  it('refuses inputs that do not overlap', () => {
    expect(() => backtestSeries({ market, bars, oi, realized: [], settings: simpleSettings() })).toThrow(BacktestInputError);
    expect(() => backtestSeries({ market, bars, oi, realized, settings: simpleSettings(), from: T0 + 100 * HOUR })).toThrow(/no overlap/);
  });
});

describe('presets', () => {
  it('has the textbook weights of issue 5 and a valid default', () => {
    expect(MODEL_PRESETS.textbook!.leverageWeights).toEqual([
      { leverage: 5, weight: 0.15 },
      { leverage: 10, weight: 0.3 },
      { leverage: 25, weight: 0.25 },
      { leverage: 50, weight: 0.2 },
      { leverage: 100, weight: 0.1 },
    ]);
    expect(modelSettings().preset).toBe(DEFAULT_PRESET);
    for (const name of Object.keys(MODEL_PRESETS)) expect(() => modelSettings(name)).not.toThrow();
  });

  it('rejects unknown presets, unknown settings and values the model cannot run with', () => {
    expect(() => modelSettings('nope')).toThrow(/unknown model preset "nope"/);
    expect(() => modelSettings('textbook', { wat: 1 } as never)).toThrow(/unknown setting "wat"/);
    expect(() => modelSettings('textbook', { leverageWeights: [{ leverage: 0, weight: 1 }] })).toThrow(/leverage 0/);
    expect(() => modelSettings('textbook', { entrySpread: 2 })).toThrow(/entrySpread/);
    expect(() => modelSettings('textbook', { decayHalfLifeHours: -1 })).toThrow(/decayHalfLifeHours/);
    expect(() => modelSettings('textbook', { leverageWeights: [{ leverage: 5, weight: 0 }] })).toThrow(/sum to 0/);
    expect(() => modelSettings('textbook', { turnover: -1 })).toThrow(/turnover/);
    expect(() => modelSettings('textbook', { turnover: NaN })).toThrow(/turnover/);
    expect(() => modelSettings('textbook', { turnoverOf: 'all' as never })).toThrow(/turnoverOf/);
  });

  it('returns a copy: changing it does not change the preset', () => {
    const s = modelSettings('textbook');
    s.leverageWeights[0]!.weight = 99;
    expect(MODEL_PRESETS.textbook!.leverageWeights[0]!.weight).toBe(0.15);
  });
});
