// @vitest-environment happy-dom
/**
 * The side panel draws the followed tab's order and liquidation price (issue #13): price lines on
 * the heatmap, marked lines on the map, a table, and where they come from; never for another market.
 * lightweight-charts is replaced by a recorder (happy-dom has no canvas); the map's canvas by a 2D
 * context that records its text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestFn } from '@/core/messages/client';
import type { ChartData } from '@/core/chart/chart-data';
import type { OrderReport } from '@/core/overlay/popup-order';
import type { Market } from '@/core/types';
import { computeLiquidation } from '@/core/liquidation/engine';
import { act } from 'preact/test-utils';
import { flush, mount } from './render';
import { BTC, LONG_LIQ, oneTierTable, orderReport } from '../overlay/order-fixtures';
import '@/core/i18n/chart';

const priceLines: { price: number; title: string }[][] = [];
vi.mock('lightweight-charts', () => {
  const series = () => {
    const mine: { price: number; title: string }[] = [];
    priceLines.push(mine);
    return {
      setData: () => undefined,
      attachPrimitive: () => undefined,
      applyOptions: () => undefined,
      coordinateToPrice: () => null,
      createPriceLine: (o: { price: number; title: string }) => {
        const line = { price: o.price, title: o.title };
        mine.push(line);
        return line;
      },
      removePriceLine: (line: object) => mine.splice(mine.indexOf(line as never), 1),
    };
  };
  return {
    CandlestickSeries: {},
    ColorType: { Solid: 'solid' },
    CrosshairMode: { Normal: 0 },
    LineStyle: { Solid: 0, Dashed: 2 },
    createSeriesMarkers: () => ({ setMarkers: () => undefined }),
    createChart: () => ({
      addSeries: series,
      subscribeCrosshairMove: () => undefined,
      timeScale: () => ({ fitContent: () => undefined }),
      remove: () => undefined,
    }),
  };
});
vi.mock('@/components/sidepanel/heat-layer', () => ({
  toChartTime: (ms: number) => Math.floor(ms / 1000),
  HeatLayer: class {
    setGrid() {}
    cellAt() {
      return null;
    }
  },
}));

const { SidePanel } = await import('@/components/sidepanel/SidePanel');

const ETH: Market = { venue: 'binance', symbol: 'ETH/USDT:USDT' };
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 4, 10);

function chart(market: Market): ChartData {
  return {
    market,
    lookbackHours: 24,
    price: 80_500,
    heat: { times: [NOW - HOUR, NOW], min: 70_000, step: 1000, count: 20, cells: Array.from({ length: 40 }, (_, i) => i * 1000), maxUsd: 39_000 },
    candles: [{ time: NOW - 2 * HOUR, open: 80_000, high: 81_000, low: 79_500, close: 80_500 }],
    candleSource: 'binance:klines',
    map: {
      price: 80_500,
      step: 1000,
      buckets: [
        { side: 'long', lo: 75_000, hi: 76_000, usd: 5e6, cumulativeUsd: 5e6 },
        { side: 'short', lo: 84_000, hi: 85_000, usd: 4e6, cumulativeUsd: 4e6 },
      ],
    },
    realized: [],
    realizedSince: null,
    venues: ['binance'],
    venueDataTime: { binance: NOW - HOUR },
    preset: 'liqlens',
    provenance: { source: 'LiqLens model', dataTime: NOW - HOUR, kind: 'estimate' } as unknown as ChartData['provenance'],
    stale: false,
    missing: null,
  };
}

const request = (async (command: string, payload: { market: Market }) => {
  if (command === 'chart.get') return chart(payload.market);
  if (command === 'markets.list') return [BTC, ETH];
  if (command === 'tiers.get') return oneTierTable(payload.market);
  if (command === 'instrument.get') return { market: payload.market, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 };
  if (command === 'snapshot.get') return { market: payload.market, mark: { price: 80_500, time: NOW, source: 'binance:premiumIndex' } };
  throw new Error(`n/a: ${command}`);
}) as unknown as RequestFn;

const report = (market: Market, side: 'long' | 'short' | 'undecided' = 'undecided'): OrderReport => orderReport(market, { side });
const LONG = LONG_LIQ;
const SHORT = (80_000 * (1 + 1 / 20)) / (1 + 0.004);

const mapText: string[] = [];
beforeEach(() => {
  priceLines.length = 0;
  mapText.length = 0;
  // A 2D context that keeps the text the map draws (happy-dom has none).
  const ctx = new Proxy(
    { fillText: (s: string) => void mapText.push(s), measureText: (s: string) => ({ width: s.length * 6 }) },
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined), set: () => true },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
});
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
  vi.restoreAllMocks();
});

async function show(
  props: { tabMarket: Market | null; getTabOrder?: () => Promise<OrderReport | null>; view?: 'heatmap' | 'map' },
  language: 'en' | 'zh_CN' = 'en',
) {
  const m = await mount(
    <SidePanel
      request={request}
      theme="dark"
      tabMarket={props.tabMarket}
      fallbackMarket={BTC}
      initialView={props.view ?? 'heatmap'}
      compute={computeLiquidation}
      now={() => NOW}
      {...(props.getTabOrder ? { getTabOrder: props.getTabOrder } : {})}
    />,
    language,
  );
  cleanup = m.unmount;
  // The lines' code is loaded on demand (a dynamic import): wait for it, then for the answers.
  await import('@/core/chart/trader-lines');
  for (let i = 0; i < 6; i++) await flush();
  await act(() => new Promise<void>((r) => setTimeout(r, 30)));
  for (let i = 0; i < 3; i++) await flush();
  return m;
}
const drawn = () => priceLines.flat().map((l) => `${l.title} @ ${Math.round(l.price)}`);

describe('side panel: the followed tab’s order and liquidation price', () => {
  it('draws both sides ("if you buy" / "if you sell") and the order on the heatmap, with their source and a table', async () => {
    const m = await show({ tabMarket: BTC, getTabOrder: async () => report(BTC) });
    expect(drawn().sort()).toEqual([`Liq. if you buy @ ${Math.round(LONG)}`, `Liq. if you sell @ ${Math.round(SHORT)}`, 'Your order @ 80000'].sort());
    expect(m.text('chart-your-lines-source')).toMatch(/your order, from the page, and its liquidation price, computed here .* Binance’s tiers and mark price/);
    expect(m.q('chart-lines-none')).toBeNull();
    const rows = Array.from(m.q('chart-your-lines-table')!.querySelectorAll('tbody tr')).map((r) => r.textContent);
    expect(rows).toEqual([
      `Liq. if you sell$${SHORT.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`,
      'Your order$80,000.0',
      expect.stringMatching(/^Liq\. if you buy\$76,305\./),
    ]);
  });

  it('a decided side is labelled with its side', async () => {
    await show({ tabMarket: BTC, getTabOrder: async () => report(BTC, 'long') });
    expect(drawn().sort()).toEqual([`Your liq. (long) @ ${Math.round(LONG)}`, 'Your order @ 80000']);
  });

  it('marks the same lines on the liquidation map, labelled', async () => {
    const m = await show({ tabMarket: BTC, getTabOrder: async () => report(BTC), view: 'map' });
    await new Promise((r) => setTimeout(r, 50));
    expect(mapText).toContain('Liq. if you buy');
    expect(mapText).toContain('Liq. if you sell');
    expect(mapText).toContain('Your order');
    expect(m.q('chart-your-lines-table')).not.toBeNull();
  });

  it('draws nothing when the tab shows another market, when not following, or without a tab to ask', async () => {
    let asked = 0;
    const eth = await show({
      tabMarket: BTC,
      getTabOrder: async () => {
        asked++;
        return report(ETH);
      },
    });
    expect(asked).toBeGreaterThan(0);
    expect(drawn()).toEqual([]);
    expect(eth.q('chart-lines-none')).not.toBeNull();
    await cleanup!();
    cleanup = null;
    // The panel shows BTC from its URL (no tab market): the tab is not asked.
    asked = 0;
    await show({
      tabMarket: null,
      getTabOrder: async () => {
        asked++;
        return report(BTC);
      },
    });
    expect(asked).toBe(0);
    expect(drawn()).toEqual([]);
  });

  it('says it in Chinese', async () => {
    const m = await show({ tabMarket: BTC, getTabOrder: async () => report(BTC) }, 'zh_CN');
    expect(
      drawn()
        .map((d) => d.split(' @ ')[0])
        .sort(),
    ).toEqual(['你的委托', '若买入的强平价', '若卖出的强平价'].sort());
    expect(m.text('chart-your-lines-source')).toContain('来自页面');
  });
});
