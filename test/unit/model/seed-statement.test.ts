// Issue 12 item 4: the seed's two sentences, computed from a heatmap the default model builds on
// recorded Binance BTCUSDT data (December 2025 klines and CoinGlass hourly OI).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HeatmapModel } from '@/core/model/heatmap';
import { modelSettings } from '@/core/model/presets';
import { parseKlinesCsv, parseOiCsv } from '@/core/model/csv';
import { calibrationNote, seedStatement } from '@/core/model/seed-statement';
import { CALIBRATION } from '@/core/model/calibration';
import { MODEL_FORMAT_VERSION } from '@/core/model/format-version';
import type { HeatmapSnapshot } from '@/core/model/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (f: string) => fs.readFileSync(path.join(root, 'test/fixtures/market', f), 'utf8');

function recordedSnapshot(): HeatmapSnapshot {
  const bars = parseKlinesCsv(read('klines/binance_um_BTCUSDT-1h-2025-12.csv'), 'dec');
  const oi = parseOiCsv(read('oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv'), 'oi');
  const model = new HeatmapModel({
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    settings: modelSettings(undefined, { interval: '1h' }),
    venues: [{ venue: 'binance', mmr: 0.004 }],
    windowPct: 10,
    historyRowMs: null,
  });
  model.update('binance', bars, oi, 'open');
  return model.snapshot({ now: 0, includeHistory: false });
}

/** USD of one side's levels between the price and `to`, summed cell by cell from the snapshot's own arrays. */
function usdBetween(h: HeatmapSnapshot, side: 'long' | 'short', to: number): number {
  const { min, step, count } = h.grid;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const low = min + i * step;
    const centre = low + step / 2;
    if (side === 'long' && centre < h.price && low >= to - step / 1000) sum += h.longUsd[i]!;
    if (side === 'short' && centre >= h.price && low + step <= to + step / 1000) sum += h.shortUsd[i]!;
  }
  return sum;
}

describe('seed statement', () => {
  const h = recordedSnapshot();
  const seed = seedStatement(h);

  it('names, per side, the far edge of the densest band in the window and every modelled dollar up to it', () => {
    for (const side of ['long', 'short'] as const) {
      const s = seed[side]!;
      expect(s).not.toBeNull();
      const inWindow = h.bands[side].filter((b) => Math.abs(b.distancePct) <= h.bands.windowPct);
      const densest = inWindow.reduce((a, b) => (b.usd > a.usd ? b : a));
      expect(s.to).toBe(densest.far);
      expect(s.usd).toBeGreaterThanOrEqual(densest.usd);
      expect(s.usd / usdBetween(h, side, s.to)).toBeCloseTo(1, 9);
      expect(s.pct).toBeCloseTo(((s.to - h.price) / h.price) * 100, 9);
      expect(Math.abs(s.pct)).toBeLessThanOrEqual(h.bands.windowPct + 1);
    }
    expect(seed.long!.pct).toBeLessThan(0);
    expect(seed.short!.pct).toBeGreaterThan(0);
    expect(seed.price).toBe(h.price);
  });

  it('a side with no band in the window says nothing rather than zero', () => {
    expect(seedStatement({ ...h, bands: { ...h.bands, short: [] } }).short).toBeNull();
    const far = h.bands.long.map((b) => ({ ...b, distancePct: -50 }));
    expect(seedStatement({ ...h, bands: { ...h.bands, long: far } }).long).toBeNull();
  });
});

describe('calibration note', () => {
  it("carries the shipped table's reference window for the default model", () => {
    const note = calibrationNote({ preset: CALIBRATION.preset }, MODEL_FORMAT_VERSION)!;
    const ref = CALIBRATION.windows.find((w) => w.reference)!;
    expect(note.long).toBe(ref.long.realizedOverPredicted);
    expect(note.short).toBe(ref.short.realizedOverPredicted);
    expect([note.from, note.to]).toEqual([ref.from, ref.to]);
    expect(note.modelVenues).toEqual(CALIBRATION.modelVenues);
    expect(note.longRange[0]).toBe(Math.min(...CALIBRATION.windows.map((w) => w.long.realizedOverPredicted)));
  });

  it('is absent for a preset or model version the backtest did not measure', () => {
    expect(calibrationNote({ preset: 'textbook' }, MODEL_FORMAT_VERSION)).toBeNull();
    expect(calibrationNote({ preset: CALIBRATION.preset }, undefined)).toBeNull();
    expect(calibrationNote({ preset: CALIBRATION.preset }, MODEL_FORMAT_VERSION, { ...CALIBRATION, modelFormatVersion: MODEL_FORMAT_VERSION - 1 })).toBeNull();
  });
});
