import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  CrosshairMode,
  LineStyle,
  type AutoscaleInfo,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type Time,
} from 'lightweight-charts';
import type { ChartData } from '@/core/chart/chart-data';
import { formatPrice, formatUsdCompact } from '@/core/format/display';
import type { Palette } from '../theme/colors';
import { useLocale } from '../shared/i18n';
import type { TraderLines } from '@/core/chart/trader-lines';
import { HeatLayer, toChartTime } from './heat-layer';
import { liquidationLineLabel } from './trader-lines';

export interface HeatChartProps {
  data: ChartData;
  palette: Palette;
  lines: TraderLines | null;
  height: number;
  /** Called once the first frame with heat has been painted (the bench's mark). */
  onPainted?: () => void;
}

/**
 * Time × price heatmap: TradingView's lightweight-charts draws axes, candles, crosshair, zoom and
 * pan (wheel on the price axis, drag anywhere); HeatLayer draws the heat cells under the candles.
 */
export function HeatChart(props: HeatChartProps) {
  const { t, style, language } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    api: IChartApi;
    candles: ISeriesApi<'Candlestick'>;
    heat: HeatLayer;
    markers: ISeriesMarkersPluginApi<Time>;
    lines: IPriceLine[];
  } | null>(null);
  const [readout, setReadout] = useState('');
  const p = props.palette;

  // Layout effects: the chart is built and given its data in the same task as the render, not a
  // frame later (Preact runs plain effects after the next paint), so its first frame is one sooner.
  useLayoutEffect(() => {
    const el = box.current!;
    const api = createChart(el, {
      height: props.height,
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: p.bg }, textColor: p.text, fontSize: 11 },
      grid: { vertLines: { color: `${p.border}55` }, horzLines: { color: `${p.border}55` } },
      rightPriceScale: { borderColor: p.border },
      timeScale: { borderColor: p.border, timeVisible: true, secondsVisible: false },
      crosshair: { mode: CrosshairMode.Normal },
      localization: { locale: language === 'zh_CN' ? 'zh-CN' : 'en-US', priceFormatter: (v: number) => formatPrice(v, style) },
      handleScale: { axisPressedMouseMove: { price: true, time: true }, mouseWheel: true, pinch: true },
    });
    const candles = api.addSeries(CandlestickSeries, {
      upColor: 'rgba(0,0,0,0)',
      downColor: p.text,
      borderUpColor: p.text,
      borderDownColor: p.text,
      wickUpColor: p.text,
      wickDownColor: p.text,
      priceLineVisible: false,
    });
    const heat = new HeatLayer(el.ownerDocument);
    candles.attachPrimitive(heat);
    const markers = createSeriesMarkers(candles, []);
    chart.current = { api, candles, heat, markers, lines: [] };
    api.subscribeCrosshairMove((param) => {
      const c = chart.current;
      if (!c || !param.point || param.time === undefined) return setReadout('');
      const price = c.candles.coordinateToPrice(param.point.y);
      const timeMs = (param.time as number) * 1000;
      const cell = price === null ? null : c.heat.cellAt(timeMs, price);
      if (!cell || price === null) return setReadout('');
      const time = new Date(timeMs).toLocaleString(language === 'zh_CN' ? 'zh-CN' : 'en-GB', {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
      setReadout(t('chartHeatReadout', { time, price: formatPrice(price, style), usd: formatUsdCompact(cell.usd, style) }));
    });
    return () => {
      chart.current = null;
      api.remove();
    };
  }, [p, style, language]);

  useLayoutEffect(() => {
    const c = chart.current;
    if (!c) return;
    const d = props.data;
    // Hours after the newest closed candle (the realized feed runs to now) stay on the time axis as
    // whitespace, so their marks sit at their own hour.
    const last = d.candles.at(-1);
    const after = last ? d.realized.filter((h) => h.time > last.time).map((h) => h.time) : [];
    const extra = last ? [...new Set(after)].sort((a, b) => a - b) : [];
    c.candles.setData([
      ...d.candles.map((k) => ({ time: toChartTime(k.time), open: k.open, high: k.high, low: k.low, close: k.close })),
      ...extra.map((time) => ({ time: toChartTime(time) })),
    ]);
    c.heat.setGrid(d.heat);
    const byTime = new Map(d.candles.map((k) => [k.time, k]));
    const first = d.candles[0]?.time ?? Infinity;
    c.markers.setMarkers(
      d.realized.flatMap((h) => {
        if (!last || h.time < first) return [];
        const bar = byTime.get(h.time);
        const time = toChartTime(h.time);
        const out = [];
        // Longs are liquidated on the way down: the mark hangs under the hour's low; shorts sit over its high.
        if (h.longUsd > 0)
          out.push({
            time,
            position: 'atPriceTop' as const,
            price: bar?.low ?? last.close,
            shape: 'circle' as const,
            color: p.long,
            text: formatUsdCompact(h.longUsd, style),
            size: 0.7,
          });
        if (h.shortUsd > 0)
          out.push({
            time,
            position: 'atPriceBottom' as const,
            price: bar?.high ?? last.close,
            shape: 'circle' as const,
            color: p.short,
            text: formatUsdCompact(h.shortUsd, style),
            size: 0.7,
          });
        return out;
      }),
    );
    c.api.timeScale().fitContent();
    let painted = false;
    const raf = requestAnimationFrame(() => {
      painted = true;
      props.onPainted?.();
    });
    return () => {
      if (!painted) cancelAnimationFrame(raf);
    };
  }, [props.data, p]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    for (const line of c.lines) c.candles.removePriceLine(line);
    c.lines = [];
    const l = props.lines;
    // The price scale reaches the trader's levels when they sit near the data (within a quarter of
    // its range beyond it), so the lines are on screen; a far one keeps its label on the axis only.
    const levels = l ? [...l.liquidations.map((x) => x.price), ...(l.order !== null ? [l.order] : [])] : [];
    c.candles.applyOptions({
      autoscaleInfoProvider: (original: () => AutoscaleInfo | null) => {
        const base = original();
        if (!base?.priceRange || levels.length === 0) return base;
        const { minValue, maxValue } = base.priceRange;
        const reach = (maxValue - minValue) * 0.25;
        const near = levels.filter((v) => v >= minValue - reach && v <= maxValue + reach);
        return { ...base, priceRange: { minValue: Math.min(minValue, ...near), maxValue: Math.max(maxValue, ...near) } };
      },
    });
    if (!l) return;
    // The trader's levels: price lines with their label on the price axis (a line outside the view still shows there).
    for (const liq of l.liquidations)
      c.lines.push(
        c.candles.createPriceLine({
          price: liq.price,
          color: p.liqMarker,
          lineWidth: 2,
          lineStyle: LineStyle.Solid,
          title: liquidationLineLabel(t, liq, l.undecided),
        }),
      );
    if (l.order !== null)
      c.lines.push(c.candles.createPriceLine({ price: l.order, color: p.accent, lineWidth: 1, lineStyle: LineStyle.Dashed, title: t('chartYourOrder') }));
  }, [props.lines, props.data, p, t]);

  return (
    <div class="ll-heat">
      <div ref={box} class="ll-heat-canvas" data-testid="chart-heatmap" style={{ height: `${props.height}px` }} />
      <p class="ll-readout" data-testid="chart-heat-readout" aria-hidden="true">
        {readout || '\u00a0'}
      </p>
    </div>
  );
}
