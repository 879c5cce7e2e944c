import type { Market } from '../types';
import { parseUnifiedSymbol } from '../types';
import type { Settings } from '../settings/settings';
import type { Clock } from '../net/clock';
import type { RealizedStore } from '../realized/realized-store';
import { candlesIn, heatRange, realizedHours, shapeHeat, shapeMap, type ChartData, type ChartLookback } from '../chart/chart-data';
import type { Data } from './data';

export interface ChartDeps {
  data: Data;
  realized: Pick<RealizedStore, 'bucketsOf' | 'coverage'>;
  clock: Clock;
}

const HOUR = 3_600_000;

/**
 * The side panel's chart for one market and lookback (`chart.get`): the cached heat history and
 * map from the same model run as the overlay's snapshot (refreshed behind the scenes when stale),
 * re-shaped to a bounded size, plus the realized liquidations the extension collected.
 */
export function createChartAssembler(deps: ChartDeps) {
  return async function chart(market: Market, settings: Settings, lookbackHours: ChartLookback): Promise<ChartData> {
    const now = deps.clock.now();
    const mark = await deps.data.part(() => deps.data.mark(market));
    const markPrice = mark.value?.price ?? null;
    const heat = markPrice ? await deps.data.part(() => deps.data.heatmap(market, settings, markPrice)) : null;
    const model = heat?.value ?? null;
    const price = markPrice ?? model?.price ?? 0;
    const to = model?.provenance.dataTime || now;
    const from = to - lookbackHours * HOUR;
    const candles = model?.candles ? candlesIn(model.candles.bars, from - HOUR, to) : [];
    const history = model?.history;
    const grid = history ? shapeHeat(history, { from, to }, heatRange(candles, price)) : null;
    const asset = parseUnifiedSymbol(market.symbol)?.base ?? market.symbol;
    const [buckets, coverage] = await Promise.all([deps.realized.bucketsOf(asset, from).catch(() => []), deps.realized.coverage().catch(() => null)]);
    const missing = !markPrice
      ? `no mark price${mark.error ? `: ${mark.error}` : ''}`
      : !model
        ? `no heatmap${heat?.error ? `: ${heat.error}` : ''}`
        : !grid
          ? 'no heat history for this lookback'
          : null;
    return {
      market,
      lookbackHours,
      price,
      heat: grid,
      candles,
      candleSource: model?.candles?.source ?? null,
      map: model ? shapeMap(model, price) : null,
      realized: realizedHours(buckets, from),
      realizedSince: coverage?.since ?? null,
      venues: model?.venues ?? [],
      venueDataTime: model?.venueDataTime ?? {},
      preset: model?.settings.preset ?? null,
      provenance: model?.provenance ?? null,
      stale: !mark.fresh || (heat !== null && heat.value !== null && !heat.fresh),
      missing,
    };
  };
}
