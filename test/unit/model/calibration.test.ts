// Issue 12 item 2: the calibration table that ships with the build is exactly what the backtest
// measures on the recorded fixtures: regenerated here, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALIBRATION } from '@/core/model/calibration';
import { calibrationSummary } from '@/core/model/calibration-measure';
import { MODEL_FORMAT_VERSION } from '@/core/model/format-version';
import { DEFAULT_PRESET, modelSettings } from '@/core/model/presets';
import { runBacktest } from '@/core/model/backtest';
import { parseKlinesCsv, parseLiquidationsCsv, parseOiCsv } from '@/core/model/csv';
import { CALIBRATION_SETS, measureCalibration } from '@/scripts/lib/calibration-sources';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('shipped calibration table', () => {
  it('equals what the backtest measures now (run `npm run backtest -- --write-calibration` after a model change)', () => {
    expect(measureCalibration(root)).toEqual(CALIBRATION);
  });

  it('was measured with the current model version and the default preset', () => {
    expect(CALIBRATION.modelFormatVersion).toBe(MODEL_FORMAT_VERSION);
    expect(CALIBRATION.preset).toBe(DEFAULT_PRESET);
  });

  it("its reference window's ratios are the backtest command's own figures for Dec–Feb", () => {
    const set = CALIBRATION_SETS[0]!;
    const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
    const liq = 'test/fixtures/market/liquidations/coinglass_aggregated_liquidation_history_BTC_Binance-Bybit-OKX_1h_2025-11-23_2026-02-28.csv';
    const result = runBacktest({
      bars: set.klines.flatMap((f) => parseKlinesCsv(read(f), f)),
      oi: parseOiCsv(read(set.oi), set.oi),
      realized: parseLiquidationsCsv(read(liq), liq),
      settings: modelSettings(),
      market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    });
    const summary = calibrationSummary(CALIBRATION)!;
    expect(summary.reference.id).toBe('dec-feb');
    expect(summary.reference.hours).toBe(result.intervals);
    expect(summary.reference.long.realizedOverPredicted).toBeCloseTo(result.long.realizedOverPredicted, 3);
    expect(summary.reference.short.realizedOverPredicted).toBeCloseTo(result.short.realizedOverPredicted, 3);
    expect(summary.windows).toBe(5);
    expect(summary.long.min).toBeLessThanOrEqual(summary.reference.long.realizedOverPredicted);
    expect(summary.long.max).toBeGreaterThanOrEqual(summary.reference.long.realizedOverPredicted);
  });
});
