import { describe, expect, it } from 'vitest';
import { HeatmapModel, intervalMs, makeGrid, niceStep } from '@/core/model/heatmap';
import { bar, HOUR, simpleSettings, T0 } from './helpers';

const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };

function feed(model: HeatmapModel, venue: 'binance' | 'bybit', oiScale: number) {
  const closes = [10000, 10010, 10005, 10020, 10015, 10030];
  closes.forEach((c, i) => model.push(venue, bar(i, c, c + 5, c - 5, c, 0.6), 1000 * oiScale * (i + 1)));
}

describe('HeatmapModel: venues on one grid', () => {
  it('sums venues in USD cell by cell, each at its own maintenance rate', () => {
    const settings = simpleSettings({ leverageWeights: [{ leverage: 50, weight: 1 }] });
    const both = new HeatmapModel({
      market,
      settings,
      venues: [
        { venue: 'binance', mmr: 0.004 },
        { venue: 'bybit', mmr: 0.01 },
      ],
    });
    const onlyBinance = new HeatmapModel({ market, settings, venues: [{ venue: 'binance', mmr: 0.004 }] });
    const onlyBybit = new HeatmapModel({ market, settings, venues: [{ venue: 'bybit', mmr: 0.01 }] });
    feed(both, 'binance', 1);
    feed(both, 'bybit', 3);
    feed(onlyBinance, 'binance', 1);
    feed(onlyBybit, 'bybit', 3);
    const s = both.snapshot({ now: 0 });
    const a = onlyBinance.snapshot({ now: 0 });
    const b = onlyBybit.snapshot({ now: 0 });
    expect(s.grid).toEqual(a.grid);
    expect(s.grid).toEqual(b.grid);
    let total = 0;
    for (let i = 0; i < s.grid.count; i++) {
      expect(s.longUsd[i]).toBeCloseTo(a.longUsd[i]! + b.longUsd[i]!, 6);
      expect(s.shortUsd[i]).toBeCloseTo(a.shortUsd[i]! + b.shortUsd[i]!, 6);
      total += s.longUsd[i]! + s.shortUsd[i]!;
    }
    // 5 OI increases of $1000 + 5 of $3000, none consumed (50x levels are ≥ 1.6% away)
    expect(total).toBeCloseTo(20000, 6);
    // different mmr → the two venues' levels land in different cells
    const longCells = (snap: typeof s) => snap.longUsd.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
    expect(longCells(a)).not.toEqual(longCells(b));
    expect(s.venues.sort()).toEqual(['binance', 'bybit']);
    expect(s.venueDataTime).toEqual({ binance: T0 + 6 * HOUR, bybit: T0 + 6 * HOUR });
  });

  it('labels every snapshot an estimate with its settings and data time', () => {
    const settings = simpleSettings();
    const model = new HeatmapModel({ market, settings, venues: [{ venue: 'binance', mmr: 0.004 }] });
    feed(model, 'binance', 1);
    const s = model.snapshot({ now: 123 });
    expect(s.provenance).toEqual({ source: 'model:liqlens-oi-delta', kind: 'estimate', access: 'keyless', dataTime: T0 + 6 * HOUR, fetchedAt: 123 });
    expect(s.settings).toEqual(settings);
    expect(s.price).toBe(10030);
    expect(s.market).toEqual(market);
  });

  it('says there is nothing yet instead of inventing levels before any bar', () => {
    const model = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0.004 }] });
    const s = model.snapshot({ now: 1 });
    expect(s.grid.count).toBe(0);
    expect(s.bands.long).toEqual([]);
    expect(s.provenance.dataTime).toBe(0);
  });

  it('rejects bars that go back in time, bad OHLC and venues it was not built for', () => {
    const model = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0.004 }] });
    model.push('binance', bar(5, 100, 110, 90, 105), 1);
    expect(() => model.push('binance', bar(5, 100, 110, 90, 105), 1)).toThrow(/not newer/);
    expect(() => model.push('binance', bar(6, 100, 90, 110, 105), 1)).toThrow(/invalid bar/);
    expect(() => model.push('binance', { ...bar(6, 100, 110, 90, 105), close: NaN }, 1)).toThrow(/invalid bar/);
    expect(() => model.push('okx', bar(6, 100, 110, 90, 105), 1)).toThrow(/not part of this heatmap/);
  });

  it('slides the grid with price, keeps each level at its price and drops what falls off', () => {
    const model = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0 }] });
    model.push('binance', bar(0, 10000, 10000, 10000, 10000), 0);
    model.push('binance', bar(1, 10000, 10000, 10000, 10000), 1000); // 10x long at 9,000
    const first = { ...model.priceGrid! }; // ±40%: 6,000…14,000, slides once price leaves 8,000…12,000
    let i = 2;
    const walkTo = (target: number) => {
      let p = model.snapshot({ now: 0 }).price;
      while (p < target) {
        const next = Math.min(target, p * 1.01);
        model.push('binance', bar(i++, p, next, p, next), null);
        p = next;
      }
    };
    walkTo(12_100);
    const slid = model.snapshot({ now: 0 });
    expect(slid.grid.min).toBeGreaterThan(first.min);
    expect(slid.grid.step).toBe(first.step);
    const cell = slid.longUsd.findIndex((v) => v > 0);
    expect(slid.grid.min + cell * slid.grid.step).toBe(9000);
    expect(slid.longUsd[cell]).toBeCloseTo(1000, 9);
    walkTo(14_500); // the grid now starts above 9,000
    const far = model.snapshot({ now: 0 });
    expect(far.grid.min).toBeGreaterThan(9000);
    expect(far.longUsd.reduce((a, v) => a + v, 0)).toBe(0);
    expect(model.book('binance')!.droppedUsd).toBeCloseTo(1000, 6);
  });

  it('records a heat-history row per hour on a coarser grid', () => {
    const model = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0.004 }], historyRows: 3 });
    feed(model, 'binance', 1);
    const h = model.snapshot({ now: 0 }).history!;
    expect(h.rows).toHaveLength(3);
    expect(h.times).toEqual([T0 + 4 * HOUR, T0 + 5 * HOUR, T0 + 6 * HOUR]);
    expect(h.rows[2]).toBeInstanceOf(Float32Array);
    const rowTotal = Array.from(h.rows[2]!).reduce((a, v) => a + v, 0);
    expect(rowTotal).toBeCloseTo(5000, 0);
    expect(h.rowGrids[2]!.step).toBe(model.priceGrid!.step * 4);
  });
});

describe('grid helpers', () => {
  it('rounds the step to 1/2/2.5/5 × 10^k and centres the grid on price', () => {
    expect(niceStep(45)).toBe(50);
    expect(niceStep(0.0031)).toBeCloseTo(0.0025, 12);
    expect(niceStep(1.2)).toBe(1);
    const g = makeGrid(90_000, 0.0005, 0.4);
    expect(g.step).toBe(50);
    expect(g.min + (g.count / 2) * g.step).toBe(90_000);
    expect(intervalMs('5m')).toBe(300_000);
    expect(() => intervalMs('5x')).toThrow(/unknown bar interval/);
  });
});

describe('HeatmapModel.update: batches as the background fetches them', () => {
  it('feeds only new bars, matches OI at each bar close, and values coin-only OI at the close', () => {
    const settings = simpleSettings();
    const byPush = new HeatmapModel({ market, settings, venues: [{ venue: 'bybit', mmr: 0.005 }] });
    const byUpdate = new HeatmapModel({ market, settings, venues: [{ venue: 'bybit', mmr: 0.005 }] });
    const bars = [0, 1, 2, 3].map((i) => bar(i, 10000 + i, 10010 + i, 9990 + i, 10000 + i, 0.7));
    bars.forEach((b, i) => byPush.push('bybit', b, (i + 1) * 0.1 * b.close));
    // Bybit reports coins; the point at a bar's close time belongs to that bar.
    const oi = bars.map((b, i) => ({ time: b.time + HOUR, base: (i + 1) * 0.1 }));
    expect(byUpdate.update('bybit', bars.slice(0, 2), oi)).toBe(2);
    expect(byUpdate.update('bybit', bars, oi)).toBe(2); // the first two are not fed twice
    expect(byUpdate.snapshot({ now: 0 }).longUsd).toEqual(byPush.snapshot({ now: 0 }).longUsd);
    expect(byUpdate.book('bybit')!.longTotalUsd).toBeGreaterThan(0);
  });
});

describe('HeatmapModel: hostile numbers', () => {
  it('ignores NaN, negative and missing OI, and survives a 10× price jump by dropping what left the grid', () => {
    const model = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0.004 }] });
    model.push('binance', bar(0, 10000, 10000, 10000, 10000), 1000);
    model.push('binance', bar(1, 10000, 10000, 10000, 10000), NaN);
    model.push('binance', bar(2, 10000, 10000, 10000, 10000), -5);
    model.push('binance', bar(3, 10000, 10000, 10000, 10000), null);
    model.push('binance', bar(4, 10000, 10000, 10000, 10000), 2000); // +1000 against the last good point
    expect(model.book('binance')!.longTotalUsd).toBeCloseTo(1000, 6);
    model.push('binance', bar(5, 100000, 100000, 100000, 100000), null);
    const s = model.snapshot({ now: 0 });
    expect(s.longUsd.every((v) => v === 0)).toBe(true);
    expect(s.grid.min).toBeLessThan(100000);
    expect(s.grid.min + s.grid.count * s.grid.step).toBeGreaterThan(100000);
    expect(model.book('binance')!.droppedUsd).toBeCloseTo(1000, 6);
    expect(s.bands).toEqual({ long: [], short: [], windowPct: 10 });
  });
});

describe('HeatmapModel: imbalance and interval checks', () => {
  it('counts long USD below and short USD above price within the window only', () => {
    const make = (windowPct: number) => {
      const m = new HeatmapModel({ market, settings: simpleSettings(), venues: [{ venue: 'binance', mmr: 0 }], windowPct });
      m.push('binance', bar(0, 10000, 10000, 10000, 10000, 0.5), 0);
      m.push('binance', bar(1, 10000, 10000, 10000, 10000, 0.4), 1000); // $400 long at 9,000, $600 short at 11,000
      return m.snapshot({ now: 0 });
    };
    expect(make(15).imbalance.longUsd).toBeCloseTo(400, 9);
    expect(make(15).imbalance.shortUsd).toBeCloseTo(600, 9);
    expect(make(5).imbalance).toEqual({ longUsd: 0, shortUsd: 0 });
    expect(make(15).bands.long[0]!.usd).toBeCloseTo(400, 9);
    expect(make(15).bands.short[0]!.distancePct).toBeGreaterThan(9);
  });

  it('refuses 5m bars when the settings say 1h, instead of misaligning open interest', () => {
    const m = new HeatmapModel({ market, settings: simpleSettings({ interval: '1h' }), venues: [{ venue: 'binance', mmr: 0 }] });
    const b0 = bar(0, 100, 100, 100, 100);
    const b1 = { ...b0, time: b0.time + 300_000 };
    expect(() => m.update('binance', [b0, b1], [])).toThrow(/5 min apart but the model runs on 1h bars/);
  });
});

describe('HeatmapModel: heat history over venues', () => {
  it('gives the same rows whether venues are fed interleaved or one after another', () => {
    const settings = simpleSettings({ leverageWeights: [{ leverage: 20, weight: 1 }] });
    const venues = [
      { venue: 'binance' as const, mmr: 0.004 },
      { venue: 'okx' as const, mmr: 0.005 },
    ];
    const closes = Array.from({ length: 30 }, (_, i) => 10000 * (1 + 0.004 * Math.sin(i / 3) + i * 0.015));
    const bars = closes.map((c, i) => bar(i, c, c * 1.002, c * 0.998, c, 0.55));
    const oi = (k: number, i: number) => 1000 * k * (1 + i + (i % 4 === 0 ? -2 : 0));
    const interleaved = new HeatmapModel({ market, settings, venues });
    const sequential = new HeatmapModel({ market, settings, venues });
    bars.forEach((b, i) => {
      interleaved.push('binance', b, oi(1, i));
      interleaved.push('okx', b, oi(2, i));
    });
    bars.forEach((b, i) => sequential.push('binance', b, oi(1, i)));
    bars.forEach((b, i) => sequential.push('okx', b, oi(2, i)));
    const a = interleaved.heatHistory();
    const b = sequential.heatHistory();
    expect(interleaved.priceGrid!.min).toBeGreaterThan(makeGrid(10000, 0.0005, 0.4).min); // it slid
    expect(b.times).toEqual(a.times);
    expect(b.rows).toHaveLength(30);
    expect(a.rows[29]!.reduce((x, v) => x + v, 0)).toBeGreaterThan(1000);
    for (let r = 0; r < a.rows.length; r++) {
      for (let i = 0; i < a.rows[r]!.length; i++) {
        const j = i + Math.round((a.rowGrids[r]!.min - b.rowGrids[r]!.min) / a.rowGrids[r]!.step);
        expect(b.rows[r]![j] ?? 0).toBeCloseTo(a.rows[r]![i]!, 2);
      }
    }
  });
});
