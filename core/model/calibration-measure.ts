/**
 * How the model's dollars compared with realized liquidations in the backtest, per window and side:
 * the table that ships with the build (core/model/calibration.json), generated from the backtest by
 * `npm run backtest -- --write-calibration` and checked against it by a unit test.
 */
import type { VenueId } from '../types';
import { scale, type BacktestSeries } from './backtest';

export interface CalibrationSide {
  /** Σ realized USD ÷ Σ predicted USD over the window's scored hours. */
  realizedOverPredicted: number;
  /** Share of scored hours with a prediction of exactly 0. */
  zeroShare: number;
}

export interface CalibrationWindow {
  id: string;
  /** First and last day scored (UTC, inclusive). */
  from: string;
  to: string;
  hours: number;
  /** The window a trader is shown; the others give the range. */
  reference: boolean;
  long: CalibrationSide;
  short: CalibrationSide;
}

export interface CalibrationTable {
  /** MODEL_FORMAT_VERSION and preset the table was measured with: it says nothing about another model. */
  modelFormatVersion: number;
  preset: string;
  asset: string;
  interval: string;
  /** Venues whose open interest and bars fed the model in the backtest. */
  modelVenues: VenueId[];
  /** Venues the realized liquidations cover. */
  realizedVenues: VenueId[];
  realizedSource: string;
  windows: CalibrationWindow[];
}

export interface WindowSpec {
  id: string;
  /** ISO dates, [from, to): the scored hours open in this span. */
  from: string;
  to: string;
  reference?: boolean;
}

const DAY = 86_400_000;
const round = (x: number, digits: number) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/** One window's ratios from a backtest series (hours with open time in [from, to)). */
export function measureWindow(series: BacktestSeries, spec: WindowSpec): CalibrationWindow {
  const from = Date.parse(spec.from);
  const to = Date.parse(spec.to);
  const pick = (values: number[]) => values.filter((_, i) => series.time[i]! >= from && series.time[i]! < to);
  const hours = pick(series.time).length;
  if (hours === 0) throw new Error(`calibration window ${spec.id}: no scored hours in ${spec.from} … ${spec.to}`);
  const side = (pred: number[], real: number[]): CalibrationSide => {
    const s = scale(pick(pred), pick(real));
    return { realizedOverPredicted: round(s.realizedOverPredicted, 3), zeroShare: round(s.zeroShare, 3) };
  };
  return {
    id: spec.id,
    from: spec.from.slice(0, 10),
    to: new Date(to - DAY).toISOString().slice(0, 10),
    hours,
    reference: spec.reference === true,
    long: side(series.predLong, series.realLong),
    short: side(series.predShort, series.realShort),
  };
}

/** The shipped window a trader is shown, and the smallest and largest ratio over every window. */
export function calibrationSummary(table: CalibrationTable) {
  const reference = table.windows.find((w) => w.reference) ?? table.windows[0];
  if (!reference) return null;
  const range = (side: 'long' | 'short') => {
    const values = table.windows.map((w) => w[side].realizedOverPredicted).filter(Number.isFinite);
    return { min: Math.min(...values), max: Math.max(...values) };
  };
  return { reference, long: range('long'), short: range('short'), windows: table.windows.length };
}
