import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HeatmapSnapshot } from '@/core/model/types';
import { axisTicks, bandSpans, priceToX, stripGeometry } from '@/core/overlay/heatstrip';
import { bandsInWindow } from '@/core/overlay/band-sentences';
import { liquidationPrices, type OrderState } from '@/core/overlay/order-view';
import { formatUsdCompact } from '@/core/format/display';
import type { Palette } from '../theme/colors';
import type { Store } from '../shared/use-store';
import { useLocale } from '../shared/i18n';

export const STRIP_WIDTH = 280;
/** The heat itself; the liquidation labels sit above it and the price axis below. */
export const STRIP_HEIGHT = 44;
/** One label row above and one below the strip (`.ll-axis` in overlay.css: height 15px). */
export const AXIS_ROW_HEIGHT = 15;
/** The whole strip's box: label row, heat, label row. */
export const STRIP_BOX_HEIGHT = STRIP_HEIGHT + 2 * AXIS_ROW_HEIGHT;
/** Half the width kept clear of round-level labels around the mark's own label. */
const MARK_CLEAR_PX = 40;
/** Rough width of one label character at 11px, to keep a label inside the strip without a layout read. */
const CHAR_PX = 6;

/**
 * A canvas strip over ±window of the price with a price axis: round levels and the mark labelled
 * below, the order's liquidation prices labelled above, band edges as brackets (shorts along the
 * top, longs along the bottom). Sized once at mount (device pixel ratio read then); the heat is
 * painted once per heatmap, and a keystroke that moves a liquidation price only copies it back,
 * draws the marker and moves its label (no re-render, no layout read).
 */
export function HeatStrip(props: { heatmap: HeatmapSnapshot; price: number; order: Store<OrderState>; palette: Palette; windowPct?: number }) {
  const { t, style } = useLocale();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const liqLabels = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const lastLiqs = useRef('');
  const windowPct = props.windowPct ?? 10;
  const lo = props.price * (1 - windowPct / 100);
  const hi = props.price * (1 + windowPct / 100);
  const markX = priceToX(props.price, lo, hi, STRIP_WIDTH).x;
  const ticks = useMemo(() => axisTicks(lo, hi, STRIP_WIDTH, { avoidX: markX, clearPx: MARK_CLEAR_PX }), [lo, hi, markX]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.min(3, Math.max(1, globalThis.devicePixelRatio || 1));
    // Sized once; later heatmaps reuse the same backing store.
    if (canvas.width !== STRIP_WIDTH * ratio) canvas.width = STRIP_WIDTH * ratio;
    if (canvas.height !== STRIP_HEIGHT * ratio) canvas.height = STRIP_HEIGHT * ratio;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);

    // The heat itself changes only with the heatmap: painted once into a backing canvas; a keystroke
    // that moves the liquidation price only copies it back and draws the markers.
    const base = document.createElement('canvas');
    base.width = canvas.width;
    base.height = canvas.height;
    const baseCtx = base.getContext('2d');
    let baseReady = false;
    const p = props.palette;
    const paintBase = (g: ReturnType<typeof stripGeometry>) => {
      if (!baseCtx) return;
      baseCtx.setTransform(ratio, 0, 0, ratio, 0, 0);
      baseCtx.fillStyle = p.surface;
      baseCtx.fillRect(0, 0, STRIP_WIDTH, STRIP_HEIGHT);
      // 4 px at each edge for the band brackets and axis ticks.
      const half = (STRIP_HEIGHT - 8) / 2;
      for (const c of g.columns) {
        if (c.short > 0) {
          baseCtx.globalAlpha = 0.25 + 0.75 * c.short;
          baseCtx.fillStyle = p.heatShort;
          baseCtx.fillRect(c.x, 4 + half * (1 - c.short), c.width, half * c.short);
        }
        if (c.long > 0) {
          baseCtx.globalAlpha = 0.25 + 0.75 * c.long;
          baseCtx.fillStyle = p.heatLong;
          baseCtx.fillRect(c.x, 4 + half, c.width, half * c.long);
        }
      }
      baseCtx.globalAlpha = 1;
      const bands = [...bandsInWindow(props.heatmap.bands.short, windowPct), ...bandsInWindow(props.heatmap.bands.long, windowPct)];
      for (const s of bandSpans(bands, g.lo, g.hi, STRIP_WIDTH)) {
        // A bracket: a bar over the band's width with its two edges drawn down (shorts) or up (longs).
        baseCtx.fillStyle = s.side === 'short' ? p.heatShort : p.heatLong;
        const y = s.side === 'short' ? 0 : STRIP_HEIGHT - 2;
        const w = Math.max(2, s.x1 - s.x0);
        baseCtx.fillRect(s.x0, y, w, 2);
        baseCtx.fillRect(s.x0, s.side === 'short' ? 0 : STRIP_HEIGHT - 6, 1, 6);
        baseCtx.fillRect(s.x0 + w - 1, s.side === 'short' ? 0 : STRIP_HEIGHT - 6, 1, 6);
      }
      baseCtx.fillStyle = p.muted;
      for (const tick of ticks) baseCtx.fillRect(Math.round(tick.x), STRIP_HEIGHT - 4, 1, 4);
      baseCtx.fillStyle = p.marker;
      baseCtx.fillRect(Math.round(g.price.x) - 1, 0, 2, STRIP_HEIGHT);
      baseReady = true;
    };
    const labels = liqLabels.current;
    const draw = () => {
      frame.current = 0;
      const liqs = liquidationPrices(props.order.get());
      if (!baseReady) paintBase(stripGeometry(props.heatmap, props.price, STRIP_WIDTH, { windowPct }));
      ctx.clearRect(0, 0, STRIP_WIDTH, STRIP_HEIGHT);
      if (baseReady) ctx.drawImage(base, 0, 0, STRIP_WIDTH, STRIP_HEIGHT);
      ctx.fillStyle = p.liqMarker;
      const marks = liqs.map((price) => ({ price, m: priceToX(price, lo, hi, STRIP_WIDTH) }));
      for (const { m } of marks) {
        const x = Math.min(STRIP_WIDTH - 3, Math.max(0, Math.round(m.x) - 1));
        // A clipped marker is drawn as an edge tick: the price is off the strip.
        if (m.clipped) ctx.fillRect(x, STRIP_HEIGHT / 2 - 4, 3, 8);
        else ctx.fillRect(x, 0, 3, STRIP_HEIGHT);
      }
      if (labels) placeLiqLabels(labels, marks, markX, (price) => `${t('axisLiq')} ${formatUsdCompact(price, style)}`);
    };
    const schedule = () => {
      if (!frame.current) frame.current = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = props.order.subscribe((state) => {
      const key = liquidationPrices(state).join(',');
      if (key === lastLiqs.current) return;
      lastLiqs.current = key;
      schedule();
    });
    return () => {
      unsubscribe();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [props.heatmap, props.price, props.order, props.palette, windowPct, ticks, t, style]);

  const markLabel = `${t('axisMark')} ${formatUsdCompact(props.price, style)}`;
  return (
    <div
      class="ll-strip"
      style={{ width: `${STRIP_WIDTH}px` }}
      role="img"
      aria-label={t('heatStripLabel', { lo: formatUsdCompact(lo, style), hi: formatUsdCompact(hi, style), price: formatUsdCompact(props.price, style) })}
      data-testid="overlay-heatstrip"
    >
      <div class="ll-axis ll-small" ref={liqLabels} aria-hidden="true" data-testid="heatstrip-liq-labels">
        <span class="ll-axis-liq" hidden />
        <span class="ll-axis-liq" hidden />
      </div>
      <canvas ref={canvasRef} class="ll-strip-canvas" style={{ width: `${STRIP_WIDTH}px`, height: `${STRIP_HEIGHT}px` }} />
      <div class="ll-axis ll-small ll-muted" aria-hidden="true" data-testid="heatstrip-axis">
        {ticks.map((tick) => (
          <span key={tick.price} style={{ left: `${labelLeft(tick.x, formatUsdCompact(tick.price, style).length)}px` }}>
            {formatUsdCompact(tick.price, style)}
          </span>
        ))}
        <span class="ll-axis-mark" style={{ left: `${labelLeft(markX, markLabel.length)}px` }} data-testid="heatstrip-mark">
          {markLabel}
        </span>
      </div>
    </div>
  );
}

/**
 * The strip's box, empty: the content script's first frame shows it instead of the strip (whose
 * heat is drawn a frame later anyway), so that frame costs the page less and nothing moves when the
 * strip takes its place.
 */
export function HeatStripPlaceholder() {
  return (
    <div class="ll-strip" style={{ width: `${STRIP_WIDTH}px`, height: `${STRIP_BOX_HEIGHT}px` }} aria-hidden="true" data-testid="overlay-heatstrip-pending" />
  );
}

/** Left edge of a label centred on x, kept inside the strip. */
function labelLeft(x: number, chars: number): number {
  const w = chars * CHAR_PX;
  return Math.round(Math.min(STRIP_WIDTH - w, Math.max(0, x - w / 2)));
}

/**
 * The liquidation labels above the strip, written straight into their spans: one label per side
 * of the mark (two prices on one side share it), ending at its marker left of the mark and
 * starting there right of it, so labels never cover each other.
 */
function placeLiqLabels(row: HTMLElement, marks: { price: number; m: { x: number; clipped: boolean } }[], markX: number, text: (price: number) => string) {
  const sides = [marks.filter((k) => k.m.x < markX).sort((a, b) => a.m.x - b.m.x), marks.filter((k) => k.m.x >= markX).sort((a, b) => a.m.x - b.m.x)];
  const spans = row.children;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as HTMLElement;
    const group = sides[i] ?? [];
    if (group.length === 0) {
      if (!span.hidden) span.hidden = true;
      continue;
    }
    const left = i === 0;
    // Anchored at the marker nearest the mark; an off-strip price says which way it lies.
    const anchor = left ? group[group.length - 1]! : group[0]!;
    const arrow = group.some((k) => k.m.clipped) ? (left ? '← ' : '→ ') : '';
    const label = `${arrow}${text(group[0]!.price)}${group
      .slice(1)
      .map((k) => ` · ${formatTail(text(k.price))}`)
      .join('')}`;
    const w = label.length * CHAR_PX;
    const x = left ? anchor.m.x - w : anchor.m.x + 2;
    // Written only when they change: a keystroke often moves a price without changing its compact label.
    const leftPx = `${Math.round(Math.min(STRIP_WIDTH - w, Math.max(0, x)))}px`;
    if (span.textContent !== label) span.textContent = label;
    if (span.style.left !== leftPx) span.style.left = leftPx;
    if (span.hidden) span.hidden = false;
  }
}

/** "liq. $79.0k" → "$79.0k": the second price on a shared label drops the word. */
function formatTail(label: string): string {
  const at = label.lastIndexOf(' ');
  return at < 0 ? label : label.slice(at + 1);
}
