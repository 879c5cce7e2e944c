import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChartData } from '@/core/chart/chart-data';
import { heatSketch, priceToY, SKETCH_PRICE_AXIS } from '@/core/chart/heat-sketch';
import { formatPrice } from '@/core/format/display';
import type { Palette } from '../theme/colors';
import { useLocale } from '../shared/i18n';
import { heatImage } from './heat-layer';
import type { HeatChartProps } from './HeatChart';

type Library = typeof import('./HeatChart');

let loading: Promise<Library> | null = null;
let loaded: Library | null = null;
/** The chart library's chunk (lightweight-charts and HeatChart), imported once. */
export const loadHeatChart = (): Promise<Library> => (loading ??= import('./HeatChart').then((m) => (loaded = m)));

/**
 * The side panel's heatmap, first paint first: lightweight-charts is most of the page's script, so
 * the first frame with the data is drawn on a plain canvas (HeatSketch: heat cells, candles, price
 * scale) and the library is imported after it; its chart (axes, crosshair, zoom, realized marks,
 * the trader's lines) is laid over the sketch, which goes once the library has painted. Same props
 * as HeatChart; `onPainted` is called at the sketch's frame (and again at the library's).
 */
export function HeatChart(props: HeatChartProps) {
  const [library, setLibrary] = useState<Library | null>(loaded);
  const [covered, setCovered] = useState(loaded !== null);
  const [failed, setFailed] = useState<string | null>(null);
  const Chart = library?.HeatChart;
  return (
    <div class="ll-heat-stack">
      {Chart ? (
        <Chart
          {...props}
          onPainted={() => {
            setCovered(true);
            props.onPainted?.();
          }}
        />
      ) : (
        <div class="ll-heat">
          <div class="ll-heat-canvas" style={{ height: `${props.height}px` }} />
          <p class="ll-readout" aria-hidden="true">
            {'\u00a0'}
          </p>
        </div>
      )}
      {failed && (
        <p class="ll-error" role="alert">
          {failed}
        </p>
      )}
      {!covered && (
        <HeatSketch
          data={props.data}
          palette={props.palette}
          height={props.height}
          onPainted={() => {
            props.onPainted?.();
            loadHeatChart().then(setLibrary, (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
          }}
        />
      )}
    </div>
  );
}

/** The plain-canvas first frame (see heatSketch); drawn in a layout effect, so it is in the render's frame. */
function HeatSketch(props: { data: ChartData; palette: Palette; height: number; onPainted: () => void }) {
  const { style } = useLocale();
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const el = canvas.current!;
    const grid = props.data.heat;
    const width = el.parentElement!.clientWidth;
    const ratio = Math.max(1, globalThis.devicePixelRatio || 1);
    el.width = Math.round(width * ratio);
    el.height = Math.round(props.height * ratio);
    const ctx = el.getContext('2d');
    const s = grid ? heatSketch(grid, props.data.candles, width, props.height) : null;
    if (ctx && grid && s) {
      const p = props.palette;
      ctx.scale(ratio, ratio);
      ctx.fillStyle = p.bg;
      ctx.fillRect(0, 0, width, props.height);
      ctx.fillStyle = `${p.border}55`;
      for (const v of s.ticks) ctx.fillRect(0, Math.round(priceToY(s, v)), s.width, 1);
      const image = heatImage(el.ownerDocument, grid);
      if (image && s.heat) {
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(image, s.heat.x, s.heat.y, s.heat.w, s.heat.h);
      }
      // Candles as the library draws them here: hollow when up, filled when down, in the text colour.
      ctx.fillStyle = ctx.strokeStyle = p.text;
      const body = Math.max(1, Math.floor(s.spacing * 0.6));
      for (const { x, candle: k } of s.bars) {
        const cx = Math.round(x);
        const yo = priceToY(s, k.open);
        const yc = priceToY(s, k.close);
        ctx.fillRect(cx, Math.round(priceToY(s, k.high)), 1, Math.max(1, Math.round(priceToY(s, k.low) - priceToY(s, k.high))));
        const y = Math.round(Math.min(yo, yc));
        const h = Math.max(1, Math.round(Math.abs(yc - yo)));
        if (k.close < k.open) ctx.fillRect(cx - Math.floor(body / 2), y, body, h);
        else ctx.strokeRect(cx - Math.floor(body / 2) + 0.5, y + 0.5, Math.max(0, body - 1), Math.max(0, h - 1));
      }
      ctx.fillStyle = p.border;
      ctx.fillRect(s.width, 0, 1, props.height);
      ctx.fillRect(0, s.height, width, 1);
      ctx.fillStyle = p.text;
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const v of s.ticks) {
        const y = priceToY(s, v);
        if (y > 6 && y < s.height - 6) ctx.fillText(formatPrice(v, style), s.width + 6, y, SKETCH_PRICE_AXIS - 8);
      }
    }
    let painted = false;
    const raf = requestAnimationFrame(() => {
      painted = true;
      props.onPainted();
    });
    return () => {
      if (!painted) cancelAnimationFrame(raf);
    };
  }, [props.data, props.palette, style]);
  return <canvas ref={canvas} class="ll-heat-sketch" style={{ height: `${props.height}px` }} aria-hidden="true" data-testid="chart-heat-sketch" />;
}
