/**
 * The overlay's share of a keystroke (issue 6 item 7), in Node with happy-dom: page reading →
 * order build (core/liquidation/order.ts) → liquidation for both sides → order store → order panel
 * re-render. The page reader's own DOM read and real Chromium layout/paint are measured by
 * bench/page-cost.bench.ts; this isolates what the UI adds, so a regression shows up here first.
 */
import { Window } from 'happy-dom';
import type { BenchRow } from '../scripts/lib/bench-types.ts';

const KEYSTROKES = 2000;
const WARMUP = 200;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export default async function run(): Promise<BenchRow[]> {
  const window = new Window({ url: 'https://www.binance.com/en/futures/BTCUSDT' });
  Object.assign(globalThis, {
    window,
    document: window.document,
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 0),
    cancelAnimationFrame: clearTimeout,
  });
  const { options, render, h } = await import('preact');
  // Render synchronously so the timing includes the re-render, not just its scheduling.
  options.debounceRendering = (cb) => cb();
  const { createOverlaySession } = await import('../core/overlay/session.ts');
  const { orderFromReading, readingToInputs } = await import('../core/overlay/page-order.ts');
  const { computeLiquidation } = await import('../core/liquidation/engine.ts');
  const { bundledTiers } = await import('../core/liquidation/tier-sources.ts');
  const { OrderPanel } = await import('../components/overlay/OrderPanel.tsx');
  const { LocaleProvider } = await import('../components/shared/i18n.tsx');

  const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
  const session = createOverlaySession({
    request: (async () => {
      throw new Error('offline bench');
    }) as never,
    compute: computeLiquidation,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  session.setMarket(market);
  const table = bundledTiers(market);
  if (table) session.tiers.set(table);
  const ctx = { market, tiers: table ?? null, instrument: null, markPrice: 84_028.1 };
  const found = <T>(value: T) => ({ value, hook: 'bench' });
  // Size and leverage both move, so every keystroke changes the liquidation prices on screen.
  const reading = (size: number, leverage: number) => ({
    venue: 'binance' as const,
    market,
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    readAt: 0,
    health: [],
    refusedSensitive: 0,
    fields: {
      side: found('undecided' as const),
      orderType: found('limit' as const),
      limitPrice: found(84_000),
      size: found({ amount: size, unit: 'coin' as const, unitLabel: 'BTC' }),
      leverage: found(leverage),
      marginMode: found('isolated' as const),
      availableBalance: found({ amount: 1250.4, currency: 'USDT' }),
      position: found(null),
      lastPrice: found(84_029.6),
      markPrice: { missing: 'not read' },
      titlePrice: { missing: 'not read' },
    },
  });

  const container = window.document.createElement('div');
  window.document.body.appendChild(container);
  const bands = [
    { side: 'long' as const, near: 81_200, far: 80_300, usd: 6.4e6, cumulativeUsd: 6.4e6, distancePct: -3.4 },
    { side: 'long' as const, near: 80_300, far: 79_700, usd: 10.5e6, cumulativeUsd: 16.9e6, distancePct: -4.4 },
    { side: 'short' as const, near: 85_000, far: 87_300, usd: 18.6e6, cumulativeUsd: 18.6e6, distancePct: 1.2 },
  ];
  render(
    h(LocaleProvider, {
      language: 'en',
      style: 'en',
      children: h(OrderPanel, {
        market,
        order: session.order,
        compute: computeLiquidation,
        table: table ?? null,
        markPrice: 84_028.1,
        bands,
        expanded: false,
        now: Date.now(),
      }),
    }),
    container as unknown as Element,
  );
  // Effects (the store subscription) run after the first paint.
  await new Promise((r) => setTimeout(r, 50));

  const pure: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < WARMUP + KEYSTROKES; i++) {
    const r = reading(0.001 * (1 + (i % 500)), 10 + (i % 41));
    const t0 = performance.now();
    const build = orderFromReading(r, ctx, readingToInputs);
    const t1 = performance.now();
    session.setOrder(build);
    const t2 = performance.now();
    if (i >= WARMUP) {
      pure.push(t1 - t0);
      full.push(t2 - t0);
    }
  }
  const liq = container.querySelector('[data-testid="order-liq-long"]')?.textContent ?? '';
  if (!/^\$\d/.test(liq)) throw new Error(`order panel did not render a price (got "${liq}")`);
  await window.happyDOM.close();
  return [
    { name: 'order build + liquidation (both sides), median', value: quantile(pure, 0.5) * 1000, unit: 'µs' },
    { name: 'order build + liquidation + panel re-render (happy-dom), median', value: quantile(full, 0.5), unit: 'ms' },
    {
      name: 'order build + liquidation + panel re-render (happy-dom), p95',
      value: quantile(full, 0.95),
      unit: 'ms',
      goal: '< 4 ms (UI share)',
      ok: quantile(full, 0.95) < 4,
    },
  ];
}
