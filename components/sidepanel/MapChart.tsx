import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiquidationMap } from '@/core/chart/chart-data';
import { bucketAt, bucketsByPrice, defaultRange, maxOf, panRange, priceTicks, priceToY, yToPrice, zoomRange, type PriceRange } from '@/core/chart/map-view';
import { formatPrice, formatUsdCompact } from '@/core/format/display';
import type { Palette } from '../theme/colors';
import { useLocale } from '../shared/i18n';

export interface MapChartProps {
  map: LiquidationMap;
  palette: Palette;
  height: number;
  /** Accessible name of the chart. */
  label: string;
  /** Compact (popup): no zoom, fewer labels. */
  compact?: boolean;
  testId?: string;
  /** The trader's levels (liquidation prices, the order), drawn as marked lines with their label. */
  lines?: readonly MapLine[];
}

export interface MapLine {
  kind: 'liquidation' | 'order';
  price: number;
  label: string;
}

const AXIS = 64;
const PAD = 6;

/**
 * The liquidation map, hand-drawn on a canvas (no charting library draws a price-vertical bar
 * map): bars per bucket, the cumulative curves, the price. Hover or keyboard focus picks a bucket
 * and says its price range, its USD and the USD on the way to it; a redraw is one frame's work.
 */
export function MapChart(props: MapChartProps) {
  const { t, style } = useLocale();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [range, setRange] = useState<PriceRange>(() => defaultRange(props.map));
  const [focus, setFocus] = useState<number>(-1);
  const [announce, setAnnounce] = useState('');
  const drag = useRef<{ y: number; range: PriceRange } | null>(null);
  const frame = useRef(0);
  const { map, palette: p } = props;

  useEffect(() => {
    setRange(defaultRange(map));
    setFocus(-1);
  }, [map]);

  const readout = (i: number) => {
    const b = map.buckets[i];
    if (!b) return '';
    return t('chartMapReadout', {
      side: b.side === 'long' ? t('chartSideLong') : t('chartSideShort'),
      range: `${formatPrice(b.lo, style)}–${formatPrice(b.hi, style)}`,
      usd: formatUsdCompact(b.usd, style),
      cumulative: formatUsdCompact(b.cumulativeUsd, style),
    });
  };

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => draw(canvas.current, map, range, focus, p, props.height, props.compact === true, style, props.lines ?? []));
    return () => cancelAnimationFrame(frame.current);
  }, [map, range, focus, p, props.height, style, props.lines]);

  const plotHeight = props.height - 2 * PAD;
  const priceAt = (clientY: number) => {
    const rect = canvas.current!.getBoundingClientRect();
    return yToPrice(clientY - rect.top, range, PAD, plotHeight);
  };
  const moveFocus = (next: number, speak: boolean) => {
    setFocus(next);
    if (speak) setAnnounce(readout(next));
  };
  const onKey = (e: KeyboardEvent) => {
    const order = bucketsByPrice(map);
    const at = order.indexOf(focus);
    const go = (k: number) => {
      e.preventDefault();
      const i = order[Math.max(0, Math.min(order.length - 1, k))]!;
      moveFocus(i, true);
      const b = map.buckets[i]!;
      if (b.hi > range.hi || b.lo < range.lo) setRange(panRange(range, b.hi > range.hi ? b.hi - range.hi : b.lo - range.lo, map));
    };
    // From no focus, ↑ and ↓ start at the bucket nearest price on that side.
    if (e.key === 'ArrowUp') go(at < 0 ? order.findLastIndex((i) => map.buckets[i]!.side === 'short') : at - 1);
    else if (e.key === 'ArrowDown') go(at < 0 ? order.findIndex((i) => map.buckets[i]!.side === 'long') : at + 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(order.length - 1);
    else if (!props.compact && (e.key === '+' || e.key === '=')) {
      e.preventDefault();
      setRange(zoomRange(range, 0.7, focus >= 0 ? (map.buckets[focus]!.lo + map.buckets[focus]!.hi) / 2 : map.price, map));
    } else if (!props.compact && (e.key === '-' || e.key === '_')) {
      e.preventDefault();
      setRange(zoomRange(range, 1 / 0.7, map.price, map));
    } else if (!props.compact && e.key === '0') {
      e.preventDefault();
      setRange(defaultRange(map));
    }
  };

  return (
    <div class="ll-map">
      <canvas
        ref={canvas}
        class="ll-map-canvas"
        style={{ height: `${props.height}px` }}
        tabIndex={0}
        role="img"
        aria-label={props.label}
        aria-describedby={props.testId ? `${props.testId}-readout` : undefined}
        data-testid={props.testId ?? 'chart-map'}
        onMouseMove={(e) => {
          if (drag.current && !props.compact) {
            const d = drag.current;
            const perPixel = (d.range.hi - d.range.lo) / plotHeight;
            setRange(panRange(d.range, (e.clientY - d.y) * perPixel, map));
            return;
          }
          moveFocus(bucketAt(map, priceAt(e.clientY)), false);
        }}
        onMouseLeave={() => {
          drag.current = null;
          setFocus(-1);
        }}
        onMouseDown={(e) => {
          if (!props.compact) drag.current = { y: e.clientY, range };
        }}
        onMouseUp={() => (drag.current = null)}
        onWheel={(e) => {
          if (props.compact) return;
          e.preventDefault();
          setRange(zoomRange(range, e.deltaY > 0 ? 1.15 : 1 / 1.15, priceAt(e.clientY), map));
        }}
        onKeyDown={onKey}
      />
      <p class="ll-readout" id={props.testId ? `${props.testId}-readout` : undefined} data-testid={`${props.testId ?? 'chart-map'}-readout`}>
        {focus >= 0 ? readout(focus) : t('chartPriceNow', { price: formatPrice(map.price, style) })}
      </p>
      <p class="ll-sr" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

function draw(
  el: HTMLCanvasElement | null,
  map: LiquidationMap,
  range: PriceRange,
  focus: number,
  p: Palette,
  height: number,
  compact: boolean,
  style: Parameters<typeof formatPrice>[1],
  lines: readonly MapLine[],
): void {
  if (!el) return;
  const dpr = el.ownerDocument.defaultView?.devicePixelRatio ?? 1;
  const width = el.clientWidth || 300;
  if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
    el.width = Math.round(width * dpr);
    el.height = Math.round(height * dpr);
  }
  const ctx = el.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, width, height);
  const plotW = width - AXIS;
  const plotH = height - 2 * PAD;
  const y = (price: number) => priceToY(price, range, PAD, plotH);
  const maxUsd = maxOf(map.buckets, 'usd') || 1;
  const maxCum = maxOf(map.buckets, 'cumulativeUsd') || 1;
  ctx.font = `${compact ? 10 : 11}px system-ui, sans-serif`;

  // Axis: round price ticks on the right.
  ctx.strokeStyle = `${p.border}`;
  ctx.fillStyle = p.muted;
  ctx.textBaseline = 'middle';
  for (const tick of priceTicks(range, plotH, compact ? 40 : 48)) {
    const ty = y(tick);
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.moveTo(0, Math.round(ty) + 0.5);
    ctx.lineTo(plotW, Math.round(ty) + 0.5);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(formatPrice(tick, style), plotW + 4, ty);
  }

  // Bars: bucket USD, from the left.
  map.buckets.forEach((b, i) => {
    const top = y(b.hi);
    const bottom = y(b.lo);
    if (bottom < PAD || top > PAD + plotH) return;
    const w = (b.usd / maxUsd) * plotW * 0.9;
    ctx.fillStyle = b.side === 'long' ? p.heatLong : p.heatShort;
    ctx.globalAlpha = i === focus ? 1 : 0.75;
    ctx.fillRect(0, top + 0.5, Math.max(w, b.usd > 0 ? 1 : 0), Math.max(1, bottom - top - 1));
  });
  ctx.globalAlpha = 1;

  // Cumulative curves: USD on the way from price, along the same horizontal scale of the plot.
  for (const side of ['long', 'short'] as const) {
    const pts = map.buckets.filter((b) => b.side === side);
    ctx.strokeStyle = side === 'long' ? p.long : p.short;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(0, y(map.price));
    for (const b of pts) ctx.lineTo((b.cumulativeUsd / maxCum) * plotW, y(side === 'long' ? b.lo : b.hi));
    ctx.stroke();
    // The curve's end says how much it reaches: the cumulative USD to the map's edge.
    const end = pts.at(-1);
    if (end && end.cumulativeUsd > 0) {
      const ey = Math.min(PAD + plotH - 8, Math.max(PAD + 8, y(side === 'long' ? end.lo : end.hi)));
      const text = `Σ ${formatUsdCompact(end.cumulativeUsd, style)}`;
      ctx.fillStyle = side === 'long' ? p.long : p.short;
      ctx.textAlign = 'right';
      ctx.fillText(text, plotW - 4, ey);
      ctx.textAlign = 'left';
    }
  }

  // Price, and the trader's levels (liquidation prices solid, the order dashed) with their label over the line.
  const line = (price: number, colour: string, dash: number[], label: string, width = 1, name?: string) => {
    const ly = Math.round(y(price)) + 0.5;
    if (ly < PAD || ly > PAD + plotH) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    ctx.moveTo(0, ly);
    ctx.lineTo(plotW, ly);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colour;
    ctx.fillRect(plotW, ly - 8, AXIS, 16);
    ctx.fillStyle = p.bg;
    ctx.fillText(label, plotW + 4, ly);
    if (name) {
      // The name sits on a backing of the chart's background, so bars under it do not hide it.
      const w = ctx.measureText(name).width + 6;
      const ny = ly - 9 < PAD + 6 ? ly + 9 : ly - 9;
      ctx.fillStyle = p.bg;
      ctx.globalAlpha = 0.85;
      ctx.fillRect(plotW - w - 2, ny - 7, w, 14);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colour;
      ctx.textAlign = 'right';
      ctx.fillText(name, plotW - 5, ny);
      ctx.textAlign = 'left';
    }
  };
  line(map.price, p.text, [4, 3], formatPrice(map.price, style));
  for (const l of lines) {
    if (!(l.price > 0)) continue;
    const liq = l.kind === 'liquidation';
    line(l.price, liq ? p.liqMarker : p.accent, liq ? [] : [6, 3], formatPrice(l.price, style), liq ? 2 : 1, l.label);
  }

  // The focused bucket: an outline a keyboard user can see (the focus colour, ≥ 3:1 on both themes).
  const f = map.buckets[focus];
  if (f) {
    ctx.strokeStyle = p.focus;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, y(f.hi) + 1, plotW - 2, Math.max(2, y(f.lo) - y(f.hi) - 2));
  }
}
