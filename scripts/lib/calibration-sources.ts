// The backtest windows the shipped calibration table (core/model/calibration.json) is measured on: the
// recorded fixtures of docs/model-tuning.md, run through the default model exactly as `npm run backtest`.
import fs from 'node:fs';
import path from 'node:path';
import { backtestSeries } from '../../core/model/backtest';
import { parseKlinesCsv, parseLiquidationsCsv, parseOiCsv } from '../../core/model/csv';
import { DEFAULT_PRESET, modelSettings } from '../../core/model/presets';
import { MODEL_FORMAT_VERSION } from '../../core/model/format-version';
import { measureWindow, type CalibrationTable, type WindowSpec } from '../../core/model/calibration-measure';

const F = 'test/fixtures/market';
const LIQUIDATIONS = `${F}/liquidations/coinglass_aggregated_liquidation_history_BTC_Binance-Bybit-OKX_1h_2025-11-23_2026-02-28.csv`;

/** Each data set: its klines and OI files, and the windows scored on it. */
export const CALIBRATION_SETS: { klines: string[]; oi: string; windows: WindowSpec[] }[] = [
  {
    klines: ['2025-12', '2026-01', '2026-02'].map((m) => `${F}/klines/binance_um_BTCUSDT-1h-${m}.csv`),
    oi: `${F}/oi/coinglass_BTC_regime_1h_2025-12-04_2026-02-28.csv`,
    windows: [
      { id: 'dec-feb', from: '2025-12-01', to: '2026-03-01', reference: true },
      { id: 'dec', from: '2025-12-01', to: '2026-01-01' },
      { id: 'jan', from: '2026-01-01', to: '2026-02-01' },
      { id: 'feb', from: '2026-02-01', to: '2026-03-01' },
    ],
  },
  {
    // Daily OI interpolated to hours: the only OI there is for these days.
    klines: ['2025-11', '2025-12'].map((m) => `${F}/klines/binance_um_BTCUSDT-1h-${m}.csv`),
    oi: `${F}/oi/derived_binance_um_BTCUSDT_oi_1h_linear_from_1d_2025-11-07_2025-12-06.csv`,
    windows: [{ id: 'nov23-dec3', from: '2025-11-23', to: '2025-12-04' }],
  },
];

/** Runs the default model over every set and measures each window. */
export function measureCalibration(root: string): CalibrationTable {
  const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
  const realized = parseLiquidationsCsv(read(LIQUIDATIONS), LIQUIDATIONS);
  const settings = modelSettings(DEFAULT_PRESET);
  const windows = CALIBRATION_SETS.flatMap((set) => {
    const series = backtestSeries({
      bars: set.klines.flatMap((f) => parseKlinesCsv(read(f), f)),
      oi: parseOiCsv(read(set.oi), set.oi),
      realized,
      settings,
      market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    });
    return set.windows.map((w) => measureWindow(series, w));
  });
  return {
    modelFormatVersion: MODEL_FORMAT_VERSION,
    preset: DEFAULT_PRESET,
    asset: 'BTC',
    interval: '1h',
    modelVenues: ['binance'],
    realizedVenues: ['binance', 'bybit', 'okx'],
    realizedSource: 'CoinGlass aggregated liquidation history',
    windows,
  };
}

/** The generated file's text (formatted by the caller): plain data, so it names venues as data does. */
export function calibrationJson(table: CalibrationTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}
