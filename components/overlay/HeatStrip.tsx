import { useEffect, useRef } from 'preact/hooks';
import type { HeatmapSnapshot } from '@/core/model/types';
import { priceToX, stripGeometry } from '@/core/overlay/heatstrip';
import { liquidationPrices, type OrderState } from '@/core/overlay/order-view';
import { formatUsdCompact } from '@/core/format/display';
import type { Palette } from '../theme/colors';
import type { Store } from '../shared/use-store';
import { useLocale } from '../shared/i18n';

export const STRIP_WIDTH = 280;
export const STRIP_HEIGHT = 28;

/**
 * A canvas strip over ±window of the price. Sized once at mount (device pixel ratio read then),
 * redrawn in one animation frame only when the heatmap or the order's liquidation prices change.
 */
export function HeatStrip(props: { heatmap: HeatmapSnapshot; price: number; order: Store<OrderState>; palette: Palette; windowPct?: number }) {
  const { t, style } = useLocale();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);
  const lastLiqs = useRef('');
  const windowPct = props.windowPct ?? 10;

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
      const half = (STRIP_HEIGHT - 4) / 2;
      for (const c of g.columns) {
        if (c.short > 0) {
          baseCtx.globalAlpha = 0.25 + 0.75 * c.short;
          baseCtx.fillStyle = p.heatShort;
          baseCtx.fillRect(c.x, 2 + half * (1 - c.short), c.width, half * c.short);
        }
        if (c.long > 0) {
          baseCtx.globalAlpha = 0.25 + 0.75 * c.long;
          baseCtx.fillStyle = p.heatLong;
          baseCtx.fillRect(c.x, 2 + half, c.width, half * c.long);
        }
      }
      baseCtx.globalAlpha = 1;
      baseCtx.fillStyle = p.marker;
      baseCtx.fillRect(Math.round(g.price.x) - 1, 0, 2, STRIP_HEIGHT);
      baseReady = true;
    };
    const draw = () => {
      frame.current = 0;
      const liqs = liquidationPrices(props.order.get());
      if (!baseReady) paintBase(stripGeometry(props.heatmap, props.price, STRIP_WIDTH, { windowPct }));
      ctx.clearRect(0, 0, STRIP_WIDTH, STRIP_HEIGHT);
      if (baseReady) ctx.drawImage(base, 0, 0, STRIP_WIDTH, STRIP_HEIGHT);
      const lo = props.price * (1 - windowPct / 100);
      const hi = props.price * (1 + windowPct / 100);
      ctx.fillStyle = p.liqMarker;
      for (const price of liqs) {
        const m = priceToX(price, lo, hi, STRIP_WIDTH);
        const x = Math.min(STRIP_WIDTH - 3, Math.max(0, Math.round(m.x) - 1));
        // A clipped marker is drawn as an edge tick: the price is off the strip.
        if (m.clipped) ctx.fillRect(x, STRIP_HEIGHT / 2 - 4, 3, 8);
        else ctx.fillRect(x, 0, 3, STRIP_HEIGHT);
      }
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
  }, [props.heatmap, props.price, props.order, props.palette, windowPct]);

  const lo = props.price * (1 - windowPct / 100);
  const hi = props.price * (1 + windowPct / 100);
  return (
    <canvas
      ref={canvasRef}
      class="ll-strip"
      style={{ width: `${STRIP_WIDTH}px`, height: `${STRIP_HEIGHT}px` }}
      role="img"
      aria-label={t('heatStripLabel', { lo: formatUsdCompact(lo, style), hi: formatUsdCompact(hi, style), price: formatUsdCompact(props.price, style) })}
      data-testid="overlay-heatstrip"
    />
  );
}
