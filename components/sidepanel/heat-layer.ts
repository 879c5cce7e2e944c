import type {
  IChartApi,
  ISeriesApi,
  ISeriesPrimitive,
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  SeriesAttachedParameter,
  SeriesType,
  Time,
  UTCTimestamp,
} from 'lightweight-charts';
import type { HeatGrid } from '@/core/chart/chart-data';
import { heatLevel, heatRgbaInto } from '@/core/chart/colour-scale';

type CanvasRenderingTarget2D = Parameters<IPrimitivePaneRenderer['draw']>[0];

const HOUR = 3_600_000;
export const toChartTime = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/**
 * The heat cells under the candles: the one thing the chart library does not draw. The grid is
 * painted once into an image (one pixel per cell) when the data changes; each redraw (pan, zoom,
 * resize) is a single scaled drawImage, so the library's crosshair and hover stay well under a frame.
 * Row r (the hour ending at times[r]) sits on the candle that opened an hour earlier.
 */
export class HeatLayer implements ISeriesPrimitive<Time> {
  private chart: IChartApi | null = null;
  private series: ISeriesApi<SeriesType> | null = null;
  private requestUpdate: (() => void) | null = null;
  private grid: HeatGrid | null = null;
  private image: HTMLCanvasElement | null = null;
  private readonly view: IPrimitivePaneView;

  constructor(private readonly doc: Document) {
    const renderer: IPrimitivePaneRenderer = { draw: (target) => this.draw(target) };
    this.view = { zOrder: () => 'bottom', renderer: () => renderer };
  }

  attached(param: SeriesAttachedParameter<Time>): void {
    this.chart = param.chart as IChartApi;
    this.series = param.series;
    this.requestUpdate = param.requestUpdate;
  }

  detached(): void {
    this.chart = null;
    this.series = null;
    this.requestUpdate = null;
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return [this.view];
  }

  /** The price range the heat covers, so the price scale's autoscale keeps it in view. */
  autoscaleInfo() {
    const g = this.grid;
    return g ? { priceRange: { minValue: g.min, maxValue: g.min + g.count * g.step } } : null;
  }

  setGrid(grid: HeatGrid | null): void {
    this.grid = grid;
    this.image = grid ? heatImage(this.doc, grid) : null;
    this.requestUpdate?.();
  }

  /** The cell under a point: the row's hour and the level's USD, or null off the heat. */
  cellAt(timeMs: number, price: number): { usd: number; lo: number; hi: number } | null {
    const g = this.grid;
    if (!g) return null;
    const r = g.times.indexOf(timeMs + HOUR);
    const i = Math.floor((price - g.min) / g.step);
    if (r < 0 || i < 0 || i >= g.count) return null;
    return { usd: g.cells[r * g.count + i]!, lo: g.min + i * g.step, hi: g.min + (i + 1) * g.step };
  }

  private draw(target: CanvasRenderingTarget2D): void {
    const { chart, series, grid, image } = this;
    if (!chart || !series || !grid || !image || grid.times.length === 0) return;
    const scale = chart.timeScale();
    const x0 = scale.timeToCoordinate(toChartTime(grid.times[0]! - HOUR));
    const x1 = scale.timeToCoordinate(toChartTime(grid.times.at(-1)! - HOUR));
    const top = series.priceToCoordinate(grid.min + grid.count * grid.step);
    const bottom = series.priceToCoordinate(grid.min);
    if (x0 === null || x1 === null || top === null || bottom === null) return;
    const rows = grid.times.length;
    const spacing = rows > 1 ? (x1 - x0) / (rows - 1) : scale.options().barSpacing;
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: h, verticalPixelRatio: v }) => {
      context.imageSmoothingEnabled = false;
      context.drawImage(image, (x0 - spacing / 2) * h, top * v, (x1 - x0 + spacing) * h, (bottom - top) * v);
    });
  }
}

/** One pixel per cell: x = hour, y = level with the highest price on top. */
export function heatImage(doc: Document, grid: HeatGrid): HTMLCanvasElement | null {
  const rows = grid.times.length;
  if (rows === 0 || grid.count === 0) return null;
  const canvas = doc.createElement('canvas');
  canvas.width = rows;
  canvas.height = grid.count;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(rows, grid.count);
  const { cells, count, maxUsd } = grid;
  // Written in image order (row by row of pixels), straight into the pixel bytes.
  for (let i = 0; i < count; i++) {
    const line = (count - 1 - i) * rows;
    for (let r = 0; r < rows; r++) heatRgbaInto(heatLevel(cells[r * count + i]!, maxUsd), img.data, (line + r) * 4);
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}
