import type { Market } from '../types';
import type { Bar } from './book';
import type { RealizedPoint } from './csv';
import { HeatmapModel, type OiPoint } from './heatmap';
import { spearman } from './spearman';
import type { ModelSettings } from './types';

export interface BacktestInput {
  bars: Bar[];
  /** OI points keyed by interval open (`oi_close` = OI at the end of that interval). */
  oi: OiPoint[];
  realized: RealizedPoint[];
  settings: ModelSettings;
  /** The market the bars, open interest and realized figures were recorded on. */
  market: Market;
  /** Evaluate intervals with open time in [from, to); the model still warms up on earlier bars. */
  from?: number;
  to?: number;
  /** Maintenance rate of tier 1 (0.4% for BTCUSDT's first bracket on the venue the fixtures come from). */
  mmr?: number;
  /** Grid cell as a fraction of price (the extension's default: 0.05%). */
  gridStepFraction?: number;
}

export interface SideScore {
  model: number;
  baseline: number;
  excess: number;
  /** Σ realized USD ÷ Σ predicted USD over the scored intervals (Infinity when nothing was predicted). */
  realizedOverPredicted: number;
  /** Share of scored intervals whose prediction is exactly 0. */
  zeroShare: number;
}

export interface BacktestResult {
  intervals: number;
  long: SideScore;
  short: SideScore;
}

export interface BacktestSeries {
  time: number[];
  predLong: number[];
  predShort: number[];
  baseLong: number[];
  baseShort: number[];
  realLong: number[];
  realShort: number[];
}

export class BacktestInputError extends Error {}

/**
 * Replays the bars through the same HeatmapModel the extension runs. For each interval t the
 * prediction is what the model held before t: predLong = USD of long levels at or above low_t
 * (exactly what bar t consumes), predShort = short levels at or below high_t. The baseline needs
 * no model: baseLong = (open−low)/open × OI_{t−1}, baseShort = (high−open)/open × OI_{t−1}.
 */
export function backtestSeries(input: BacktestInput): BacktestSeries {
  const bars = sortedUnique(input.bars);
  if (bars.length < 2) throw new BacktestInputError('klines: fewer than 2 bars');
  const interval = medianStep(bars);
  const settings = { ...input.settings, interval: intervalName(interval) };
  const oiByOpen = new Map<number, number>();
  for (const p of input.oi) oiByOpen.set(p.time, p.usd);
  const realByOpen = new Map<number, RealizedPoint>();
  for (const p of input.realized) realByOpen.set(p.time, p);
  const from = input.from ?? -Infinity;
  const to = input.to ?? Infinity;

  const model = new HeatmapModel({
    market: input.market,
    settings,
    venues: [{ venue: input.market.venue, mmr: input.mmr ?? 0.004 }],
    historyRowMs: null,
    ...(input.gridStepFraction ? { gridStepFraction: input.gridStepFraction } : {}),
  });
  const s: BacktestSeries = { time: [], predLong: [], predShort: [], baseLong: [], baseShort: [], realLong: [], realShort: [] };
  for (const bar of bars) {
    const outcome = model.push(input.market.venue, bar, oiByOpen.get(bar.time) ?? null);
    const real = realByOpen.get(bar.time);
    const oiBefore = oiByOpen.get(bar.time - interval);
    if (bar.time < from || bar.time >= to || !real || oiBefore === undefined) continue;
    s.time.push(bar.time);
    s.predLong.push(outcome.consumedLong);
    s.predShort.push(outcome.consumedShort);
    s.baseLong.push(((bar.open - bar.low) / bar.open) * oiBefore);
    s.baseShort.push(((bar.high - bar.open) / bar.open) * oiBefore);
    s.realLong.push(real.longUsd);
    s.realShort.push(real.shortUsd);
  }
  if (s.time.length < 3) {
    throw new BacktestInputError(
      `no overlap: ${s.time.length} interval(s) have klines, realized liquidations and the previous interval's OI` +
        (input.from !== undefined || input.to !== undefined ? ' within --from/--to' : ''),
    );
  }
  return s;
}

export function score(pred: number[], base: number[], real: number[]): SideScore {
  const ratio = (a: number[]) => a.map((v, i) => (v + 1) / (base[i]! + 1));
  return {
    model: spearman(pred, real),
    baseline: spearman(base, real),
    excess: spearman(ratio(pred), ratio(real)),
    ...scale(pred, real),
  };
}

/** How the predicted USD compares with the realized in size: total ratio and the share of zero predictions. */
export function scale(pred: number[], real: number[]): { realizedOverPredicted: number; zeroShare: number } {
  let p = 0;
  let r = 0;
  let zeros = 0;
  for (let i = 0; i < pred.length; i++) {
    p += pred[i]!;
    r += real[i]!;
    if (pred[i] === 0) zeros++;
  }
  return {
    realizedOverPredicted: p > 0 ? r / p : r > 0 ? Infinity : NaN,
    zeroShare: pred.length > 0 ? zeros / pred.length : NaN,
  };
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const s = backtestSeries(input);
  return {
    intervals: s.time.length,
    long: score(s.predLong, s.baseLong, s.realLong),
    short: score(s.predShort, s.baseShort, s.realShort),
  };
}

function sortedUnique(bars: Bar[]): Bar[] {
  const sorted = [...bars].sort((a, b) => a.time - b.time);
  return sorted.filter((b, i) => i === 0 || b.time !== sorted[i - 1]!.time);
}

function medianStep(bars: Bar[]): number {
  const steps = bars.slice(1).map((b, i) => b.time - bars[i]!.time);
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1]!;
}

function intervalName(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  throw new BacktestInputError(`klines: bar interval of ${ms} ms is not whole minutes`);
}
