// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Overlay, type OverlayProps } from '@/components/overlay/Overlay';
import { createStore } from '@/core/overlay/observable';
import { INITIAL_DATA, reduceOverlay, type OverlayData, type OverlayEvent } from '@/core/overlay/state';
import type { OrderState } from '@/core/overlay/order-view';
import type { PageHealth } from '@/core/overlay/health';
import { computeLiquidation } from '@/core/liquidation/engine';
import { NOW, PRICE, snapshot } from '../overlay/fixtures';
import { mount } from './render';
import type { OverlaySession } from '@/core/overlay/session';
import type { OverlayLook } from '@/components/overlay/OverlayRoot';
import type { Store } from '@/components/shared/use-store';
// Chinese is registered on demand (the content script asks the background for it).
import '@/core/i18n/zh_CN';

const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const data = (...events: OverlayEvent[]): OverlayData => events.reduce(reduceOverlay, INITIAL_DATA);
const ready = (patch = {}) => data({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot(patch) });

function props(patch: Partial<OverlayProps> = {}): OverlayProps {
  return {
    data: ready(),
    now: NOW,
    order: createStore<OrderState>({ kind: 'waiting' }),
    compute: computeLiquidation,
    pagePrice: null,
    expanded: false,
    theme: 'dark',
    position: { x: 20, y: 500 },
    windowPct: 10,
    onExpandedChange: () => undefined,
    onClose: () => undefined,
    onMove: () => undefined,
    ...patch,
  };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});
/** The content script's root (OverlayRoot) over a session, at a fixed clock, after its first effects. */
async function mountRoot(session: OverlaySession, look: Store<OverlayLook>) {
  const { OverlayRoot } = await import('@/components/overlay/OverlayRoot');
  const m = await mount(
    <OverlayRoot
      look={look}
      session={session}
      compute={computeLiquidation}
      initialExpanded={false}
      position={{ x: 10, y: 60 }}
      visible={createStore(true)}
      onMove={() => undefined}
      now={() => NOW}
    />,
  );
  cleanup = m.unmount;
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return m;
}

async function show(p: OverlayProps, language: 'en' | 'zh_CN' = 'en') {
  const m = await mount(<Overlay {...p} />, language, language === 'zh_CN' ? 'zh' : 'en');
  cleanup = m.unmount;
  return m;
}

const TIER = { mmr: 0.004, maintenanceAmount: 0 };
function computed(liqLongEntry = 80_000, leverage = 30): Extract<OrderState, { kind: 'computed' }> {
  const input = {
    venue: 'binance' as const,
    marginMode: 'isolated' as const,
    side: 'long' as const,
    entryPrice: liqLongEntry,
    quantity: 0.5,
    leverage,
    tier: TIER,
    markPrice: PRICE,
  };
  return { kind: 'computed', sides: [{ side: 'long', input, result: computeLiquidation(input) }] };
}

describe('overlay states', () => {
  it('ready: header with market, mark price said as mark, age, badges, coverage and the nearest bands', async () => {
    const { text, q } = await show(props());
    expect(text('overlay-market')).toBe('BTC/USDT:USDT');
    expect(text('overlay-price')).toBe('mark price $82,560.0');
    expect(text('overlay-age')).toBe('data 2 min ago');
    expect(text('badge-estimate')).toBe('estimate · key-less');
    expect(text('badge-realized')).toBe('realized · key-less');
    expect(text('overlay-coverage')).toBe('venues: Binance, Bybit, OKX');
    // Compact: one line per side, the nearest band's USD and distance.
    expect(text('band-long')).toBe('nearest longs ≈$286M at $80.0k (\u22123.1%)');
    expect(text('band-short')).toBe('nearest shorts ≈$698M at $85.0k (+3.0%)');
    expect(q('overlay-root')?.dataset.state).toBe('ready');
    expect(q('overlay-realized')).toBeNull();
  });
  it('gives the heat strip a price axis: round levels and the mark, labelled', async () => {
    const { text, q } = await show(props());
    const axis = q('heatstrip-axis')!;
    const labels = [...axis.querySelectorAll('span')].map((s) => s.textContent);
    // ±10% of $82,560 on 280 px: every $5k, the mark labelled at its own place.
    expect(labels).toEqual(['$75.0k', '$80.0k', '$85.0k', '$90.0k', 'mark $82.6k']);
    expect(text('heatstrip-mark')).toBe('mark $82.6k');
    expect(q('heatstrip-liq-labels')).not.toBeNull();
  });
  it('expanded: the bands with their whole range', async () => {
    const { text } = await show(props({ expanded: true }));
    expect(text('band-long')).toContain('≈$286M longs $80.0k–$79.2k (\u22123.1%)');
    expect(text('band-short')).toContain('≈$698M shorts $85.0k–$85.9k (+3.0%)');
  });
  it('warns when the page price and the mark price disagree', async () => {
    const priceMismatch = createStore<{ page: number; mark: number } | null>({ page: 3_050.5, mark: 82_560 });
    const { text } = await show(props({ priceMismatch }));
    expect(text('price-mismatch')).toBe(
      'The page shows $3,050.50, the mark price is $82,560.0 (\u221296.3%): is this page the market named above? Figures use the mark price.',
    );
  });
  it("falls back to the page's last price and says so", async () => {
    const { text } = await show(props({ data: ready({ mark: null }), pagePrice: 82_401.5 }));
    expect(text('overlay-price')).toBe('last price $82,401.5');
  });
  it('says when there is no liquidation map yet instead of showing nothing', async () => {
    const { text, q } = await show(props({ data: ready({ heatmap: null }) }));
    expect(text('bands-unavailable')).toContain('No liquidation map for this market yet');
    expect(q('overlay-heatstrip')).toBeNull();
  });
  it('loading', async () => {
    const { text } = await show(props({ data: data({ type: 'market', market }, { type: 'request' }) }));
    expect(text('state-loading')).toBe('Loading market data…');
  });
  it('cached and stale, with the age', async () => {
    const { text } = await show(props({ data: ready({ stale: true, asOf: NOW - 25 * 60_000 }) }));
    expect(text('state-stale')).toBe('Showing cached data from 25 min ago; refreshing.');
  });
  it('stale or offline with nothing dated (no mark, no heatmap): a whole sentence, no hole for the age', async () => {
    const undated = { stale: true, asOf: null, mark: null, heatmap: null };
    let m = await show(props({ data: ready(undated) }));
    expect(m.text('state-stale')).toBe('Some data is missing or out of date; refreshing.');
    await cleanup?.();
    m = await show(props({ data: data({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot(undated) }, { type: 'online', online: false }) }));
    expect(m.text('state-offline')).toBe('Offline: showing the last data received.');
  });
  it('offline, with and without cached data', async () => {
    let m = await show(props({ data: data({ type: 'market', market }, { type: 'snapshot', snapshot: snapshot() }, { type: 'online', online: false }) }));
    expect(m.text('state-offline')).toBe('Offline: showing the last data received (2 min ago).');
    expect(m.text('band-long')).toContain('$286M');
    await cleanup?.();
    m = await show(props({ data: data({ type: 'market', market }, { type: 'online', online: false }) }));
    expect(m.text('state-offline')).toBe('Offline and no cached data for this market yet.');
  });
  it('source error: which source, what failed, and how to fix it', async () => {
    const sources = [
      { source: 'bybit', lastSuccess: NOW - 3600_000, lastError: { at: NOW - 120_000, message: 'bybit: HTTP 403 (region blocked)' } },
      { source: 'okx:candles', lastSuccess: null, lastError: { at: NOW - 60_000, message: 'timed out after 10 s' } },
    ];
    const compact = await show(props({ data: ready({ sources }) }));
    expect(compact.text('state-source-error')).toBe('Sources failing (2): bybit, okx:candles. Expand for details.');
    await cleanup?.();
    const many = ['a', 'b', 'c', 'd', 'e'].map((source) => ({ source, lastSuccess: null, lastError: { at: NOW, message: 'x' } }));
    await cleanup?.();
    const crowded = await show(props({ data: ready({ sources: many }) }));
    expect(crowded.text('state-source-error')).toBe('Sources failing (5): a, b, c, 2 more. Expand for details.');
    await cleanup?.();
    const { text } = await show(props({ data: ready({ sources }), expanded: true }));
    expect(text('state-source-error')).toContain('bybit failed 2 min ago: HTTP 403 (region blocked)');
    expect(text('state-source-error')).toContain('okx:candles failed 1 min ago: timed out after 10 s');
    expect(text('state-source-error')).toContain('Check this source on the options page.');
  });
  it('request error with nothing cached offers a retry', async () => {
    const onRetry = vi.fn();
    const { text, q } = await show(
      props({ data: data({ type: 'market', market }, { type: 'failed', code: 'unreachable', message: 'LiqLens background is not reachable.' }), onRetry }),
    );
    expect(text('state-error')).toContain('Cannot load data: LiqLens background is not reachable.');
    await act(() => q('state-retry')!.click());
    expect(onRetry).toHaveBeenCalledOnce();
  });
  it('unsupported market', async () => {
    const { text, q } = await show(props({ data: data({ type: 'market', market: null }) }));
    expect(text('state-unsupported')).toContain('This page is not a supported perpetual market.');
    expect(q('overlay-order')).toBeNull();
  });
  it('form unreadable: names the fields and opens the calculator prefilled', async () => {
    const order = createStore<OrderState>({ kind: 'unreadable', missing: ['leverage', 'marginMode'], prefill: { entry: 80_000, quantity: 0.5, side: 'long' } });
    const { text, q } = await show(props({ order }));
    expect(text('state-form-unreadable')).toBe('The order form could not be read: leverage, margin mode. Enter it here.');
    expect(q<HTMLInputElement>('calc-entry')?.value).toBe('80000');
    expect(q<HTMLInputElement>('calc-leverage')?.value).toBe('');
    expect(text('calc-missing')).toBe('missing: Leverage');
  });
});

describe('your order', () => {
  it('shows the liquidation price, distance in % and $, margin, and no warning when clear of bands', async () => {
    const { text, q } = await show(props({ order: createStore(computed(82_000, 10)) }));
    const liq = text('order-liq-long')!;
    expect(liq).toMatch(/^\$7\d,\d{3}\.\d$/);
    expect(text('order-distance-long')).toMatch(/^\u2212\d+\.\d\d% · \u2212\$[\d,]+\.\d+ from price$/);
    expect(text('order-margin-long')).toBe('Margin 4,100.00 USDT');
    expect(q('overlay-warning')).toBeNull();
  });
  it('warns when the liquidation sits just beyond a dense band', async () => {
    // Entry 81,500 at 30× isolated on Binance liquidates near $79.1k, just past the $80.0k–$79.2k long band.
    const state = computed(81_500, 30);
    const price = 'result' in state.sides[0]! ? state.sides[0].result.price! : 0;
    expect(price).toBeGreaterThan(78_700);
    expect(price).toBeLessThan(79_200);
    const { text } = await show(props({ order: createStore(state), expanded: true }));
    expect(text('overlay-warning')).toMatch(/^A cascade through \$80\.0–79\.2k reaches your liquidation at \$79\.\dk$/);
  });
  it('says the warning in one short line in the compact view, and paints the liquidation price in the warning colour', async () => {
    const { text, q } = await show(props({ order: createStore(computed(81_500, 30)) }));
    expect(text('overlay-warning')).toBe('A cascade through $80.0–79.2k reaches your liq.');
    expect(q('order-liq-long')?.classList.contains('ll-liq-warn')).toBe(true);
    // Not a live region of its own: the one debounced announcement says it (below).
    expect(q('overlay-warning')?.getAttribute('role')).toBeNull();
  });
  it('says "if you buy / if you sell" when the form has no side yet', async () => {
    const base = computed(82_000, 10);
    const side = base.sides[0]!;
    const order = createStore<OrderState>({
      kind: 'computed',
      sides: [
        { ...side, orderSide: 'long' },
        { ...side, side: 'short', orderSide: 'short' },
      ],
    });
    const { q } = await show(props({ order }));
    expect(q('order-long')?.textContent).toMatch(/^If you buy: liquidation\$/);
    expect(q('order-short')?.textContent).toMatch(/^If you sell: liquidation\$/);
  });
  it('announces the liquidation price and its distance once, a second after the order stops changing', async () => {
    const order = createStore<OrderState>({ kind: 'waiting' });
    const { q } = await show(props({ order }));
    const region = q('order-announcement')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    for (const entry of [81_900, 81_950, 82_000]) await act(() => order.set(computed(entry, 10)));
    expect(region.textContent).toBe('');
    await new Promise((r) => setTimeout(r, 1_100));
    expect(region.textContent).toMatch(/^Liquidation \(long\) \$7\d,\d{3}\.\d, \u2212\d+\.\d\d% · \u2212\$[\d,.]+ from price\.$/);
  });
  it('opens the calculator after its link, keeping focus on the link, so the next Tab goes into the fields', async () => {
    const { q, container } = await show(props({ order: createStore(computed(82_000, 10)) }));
    const link = q('order-manual-toggle') as HTMLButtonElement;
    link.focus();
    await act(() => link.click());
    const calc = q('calculator')!;
    expect(link.compareDocumentPosition(calc) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(link.isConnected && container.contains(link)).toBe(true);
    expect(link.getAttribute('aria-expanded')).toBe('true');
  });
  it('says in the compact view too when the position runs past the tier table (priced at its last tier)', async () => {
    const within = computed(82_000, 10);
    expect((await show(props({ order: createStore(within) }))).q('order-beyond-table-long')).toBeNull();
    // 0.5 BTC at 82,000 = 41,000 notional, past a table that ends at 10,000.
    const input = { ...within.sides[0]!.input!, tier: undefined, tiers: [{ floor: 0, cap: 10_000, mmr: 0.004, maintenanceAmount: 0 }] };
    const past: OrderState = { kind: 'computed', sides: [{ side: 'long', input, result: computeLiquidation(input) }] };
    const { text } = await show(props({ order: createStore(past) }));
    expect(text('order-beyond-table-long')).toBe('The position is beyond the last bracket of the table: its last tier was used.');
  });
  it('re-renders on a new order without touching the rest', async () => {
    const order = createStore<OrderState>({ kind: 'waiting' });
    const { text } = await show(props({ order }));
    expect(text('order-waiting')).toBe('Type an order on the page to see its liquidation price.');
    await act(() => order.set(computed(82_000, 10)));
    expect(text('order-liq-long')).toMatch(/^\$7/);
  });
  it('says which order leaves which position, and when an order closes it', async () => {
    const base = computed(82_000, 10);
    const side = base.sides[0]!;
    const order = createStore<OrderState>({ kind: 'computed', sides: [{ ...side, orderSide: 'short' }], closes: ['long'] });
    const { q, text } = await show(props({ order }));
    expect(q('order-short')?.textContent).toContain('If you sell: long left, liq.');
    expect(text('order-closes-long')).toBe('If you buy: position closed, no liquidation');
  });
  it('renders page-derived and engine strings as text, never markup', async () => {
    const state = computed(82_000, 10);
    const side = state.kind === 'computed' ? state.sides[0]! : null;
    if (!side || !('result' in side)) throw new Error('computed');
    side.result.assumptions.push('<img src=x onerror=alert(1)>');
    const { container } = await show(props({ order: createStore(state), expanded: true }));
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
  it('expanded: tier, assumptions, largest band, imbalance and realized 24h as a lower bound', async () => {
    const { text } = await show(props({ order: createStore(computed(82_000, 10)), expanded: true }));
    expect(text('order-details-long')).toContain('Tier: MMR 0.40%, maintenance amount 0.00 USDT');
    expect(text('overlay-bands')).toContain('≈$512M longs $76.0k–$75.0k');
    expect(text('overlay-imbalance')).toBe('Longs below $798M · shorts above $698M (long-heavy ×1.1)');
    expect(text('realized-total')).toBe('Total $60.1M');
    expect(text('realized-split')).toBe('longs $41.2M · shorts $18.9M');
    expect(text('realized-lower-bound')).toBe('Exchange feeds are sampled: true totals are higher.');
    expect(text('realized-partial')).toBeNull();
  });
  it('says when the 24h realized figure is partial, and for how long it was collected', async () => {
    const full = snapshot();
    const realized = { ...full.realized!, collectingSince: NOW - 25 * 60_000 };
    const { text } = await show(props({ data: ready({ realized }), expanded: true }));
    expect(text('realized-partial')).toBe('Collected for 25 min only: the 24h figure is partial.');
  });
  it('shows the spread between sources instead of an average', async () => {
    const comparisons = [
      {
        figure: '24h long liquidations',
        values: [
          { source: 'binance', value: 41.2e6 },
          { source: 'coinglass', value: 50.2e6 },
        ],
        spread: 0.18,
      },
    ];
    const { text } = await show(props({ data: ready({ comparisons }), expanded: true }));
    expect(text('realized-spread')).toContain('Sources differ by 18% on 24h long liquidations');
    expect(text('realized-spread')).toContain('binance $41.2M · coinglass $50.2M');
  });
  it('shows where sources put the largest band, with the bands, not under realized', async () => {
    const comparisons = [
      {
        figure: 'largest long-liquidation band (price)',
        values: [
          { source: 'model:liqlens-oi-delta', value: 79_600 },
          { source: 'coinglass:aggregated-map:7d', value: 76_200 },
        ],
        spread: 0.0427,
      },
    ];
    const { text, q } = await show(props({ data: ready({ comparisons }), expanded: true }));
    expect(text('bands-spread')).toBe(
      'Sources differ by 4% on largest long-liquidation band (price) (model:liqlens-oi-delta $79.6k · coinglass:aggregated-map:7d $76.2k)',
    );
    expect(q('realized-spread')).toBeNull();
  });
});

describe('overlay controls', () => {
  it('expands with the button and collapses with Esc', async () => {
    const onExpandedChange = vi.fn();
    const { q } = await show(props({ expanded: true, onExpandedChange }));
    expect(q('overlay-expand')?.getAttribute('aria-expanded')).toBe('true');
    await act(() => {
      q('overlay-root')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onExpandedChange).toHaveBeenCalledWith(false);
  });
  it('moves with the arrow keys on the drag handle, clamped to the window', async () => {
    const onMove = vi.fn();
    const { q } = await show(props({ position: { x: 12, y: 100 }, onMove }));
    await act(() => {
      q('overlay-drag')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true }));
    });
    expect(onMove).toHaveBeenCalledWith({ x: 8, y: 100 });
    expect(q('overlay-root')!.style.left).toBe('8px');
  });
  it('drags with the pointer, clamped to the window, and reports the position once at the end', async () => {
    const onMove = vi.fn();
    const { q } = await show(props({ position: { x: 100, y: 100 }, onMove }));
    const handle = q('overlay-drag')!;
    const root = q('overlay-root')!;
    await act(() => {
      handle.dispatchEvent(new PointerEvent('pointerdown', { clientX: 110, clientY: 105, button: 0, bubbles: true }));
      handle.dispatchEvent(new PointerEvent('pointermove', { clientX: 400, clientY: 300, bubbles: true }));
    });
    expect(root.style.left).toBe('390px');
    expect(root.style.top).toBe('295px');
    expect(onMove).not.toHaveBeenCalled();
    await act(() => {
      handle.dispatchEvent(new PointerEvent('pointermove', { clientX: -500, clientY: 99_999, bubbles: true }));
      handle.dispatchEvent(new PointerEvent('pointerup', { clientX: -500, clientY: 99_999, bubbles: true }));
    });
    expect(onMove).toHaveBeenCalledOnce();
    const [at] = onMove.mock.calls[0]!;
    expect(at.x).toBe(8);
    expect(at.y).toBe(innerHeight - 8);
  });
  it('every button has an accessible name', async () => {
    const { container } = await show(props({ order: createStore(computed()), expanded: true }));
    for (const b of container.querySelectorAll('button')) expect(b.getAttribute('aria-label') || b.textContent?.trim(), b.outerHTML).toBeTruthy();
    for (const input of container.querySelectorAll('input, select')) {
      const id = input.getAttribute('id');
      expect(id && container.querySelector(`label[for="${id}"]`), input.outerHTML).toBeTruthy();
    }
  });
  it('shows on demand which hook read each field, hooks as plain text', async () => {
    const health = createStore<PageHealth | null>({
      entries: [
        { field: 'leverage', ok: true, detail: '[data-testid="leverage-btn"]' },
        { field: 'availableBalance', ok: false, detail: 'no probe matched exactly once <b>x</b>' },
      ],
      refusedSensitive: 2,
    });
    const { q, text, container } = await show(props({ expanded: true, health }));
    expect(q('overlay-health')).toBeNull();
    await act(() => q('overlay-health-toggle')!.click());
    expect(text('overlay-health')).toBe(
      'leverage: read from [data-testid="leverage-btn"]available balance: not read (no probe matched exactly once <b>x</b>)2 sensitive fields were skipped and never read.',
    );
    expect(container.querySelector('[data-testid="overlay-health"] b')).toBeNull();
  });
  it('speaks Chinese', async () => {
    const { text } = await show(props({ order: createStore(computed(81_500, 30)), expanded: true }), 'zh_CN');
    expect(text('overlay-price')).toBe('标记价格 $82,560.0');
    expect(text('band-long')).toContain('≈$286M 多单 $80.0k–$79.2k（\u22123.1%）');
    expect(text('overlay-warning')).toMatch(/^穿过 \$80\.0–79\.2k 的连环强平会触及你在 \$79\.\dk 的强平价$/);
  });
});

describe('overlay root', () => {
  it('applies a new language and theme from settings without a remount', async () => {
    type OverlayLook = import('@/components/overlay/OverlayRoot').OverlayLook;
    const { createOverlaySession } = await import('@/core/overlay/session');
    const session = createOverlaySession({
      request: (async () => snapshot()) as never,
      compute: computeLiquidation,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    session.setMarket(market);
    const look = createStore<OverlayLook>({ language: 'en', style: 'en', theme: 'dark', windowPct: 10 });
    const m = await mountRoot(session, look);
    expect(m.text('overlay-price')).toBe('mark price $82,560.0');
    await act(() => look.set({ language: 'zh_CN', style: 'zh', theme: 'light', windowPct: 10 }));
    expect(m.text('overlay-price')).toBe('标记价格 $82,560.0');
    expect(m.q('overlay-root')?.dataset.theme).toBe('light');
  });

  it("shows the heat strip's box empty in the content script's first frame and the strip after it, at the same height", async () => {
    const { STRIP_BOX_HEIGHT, STRIP_HEIGHT, AXIS_ROW_HEIGHT } = await import('@/components/overlay/HeatStrip');
    const { createOverlaySession } = await import('@/core/overlay/session');
    let painted: () => void = () => undefined;
    const firstPaint = new Promise<void>((resolve) => (painted = resolve));
    const session = createOverlaySession({
      request: (async () => snapshot()) as never,
      compute: computeLiquidation,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: () => undefined,
      afterFirstPaint: (task) => void firstPaint.then(task),
    });
    session.setMarket(market);
    const m = await mountRoot(session, createStore({ language: 'en' as const, style: 'en' as const, theme: 'dark' as const, windowPct: 10 }));
    expect(m.text('band-long')).toBe('nearest longs ≈$286M at $80.0k (\u22123.1%)');
    const pending = m.q('overlay-heatstrip-pending')!;
    expect(pending.style.height).toBe(`${STRIP_BOX_HEIGHT}px`);
    expect(m.q('overlay-heatstrip')).toBeNull();
    await act(() => painted());
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(m.q('overlay-heatstrip-pending')).toBeNull();
    expect(m.q('heatstrip-axis')).not.toBeNull();
    // The placeholder's height is the strip's: its canvas and the two label rows overlay.css gives.
    const css = readFileSync('components/overlay/overlay.css', 'utf8');
    expect(css).toMatch(new RegExp(`\\.ll-axis \\{[^}]*height: ${AXIS_ROW_HEIGHT}px;`));
    expect(STRIP_BOX_HEIGHT).toBe(STRIP_HEIGHT + 2 * AXIS_ROW_HEIGHT);
  });

  it('takes the place and size the settings give on a re-render before the next frame, so a first render made before the settings never shows', async () => {
    const { render } = await import('preact');
    const { OverlayRoot } = await import('@/components/overlay/OverlayRoot');
    type OverlayLook = import('@/components/overlay/OverlayRoot').OverlayLook;
    const { createOverlaySession } = await import('@/core/overlay/session');
    const session = createOverlaySession({
      request: (async () => snapshot()) as never,
      compute: computeLiquidation,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    const look = createStore<OverlayLook>({ language: 'en', style: 'en', theme: 'dark', windowPct: 10 });
    const container = document.createElement('div');
    document.body.append(container);
    const paint = (position: { x: number; y: number }, initialExpanded: boolean) =>
      render(
        <OverlayRoot
          look={look}
          session={session}
          compute={computeLiquidation}
          initialExpanded={initialExpanded}
          position={position}
          visible={createStore(true)}
          onMove={() => undefined}
          now={() => NOW}
        />,
        container,
      );
    // As the content script does: once before the settings are known, once with them, same task.
    paint({ x: 16, y: 128 }, false);
    paint({ x: 300, y: 40 }, true);
    // Preact re-renders on a microtask; the frame (and any useEffect) comes later.
    await Promise.resolve();
    await Promise.resolve();
    const root = container.querySelector<HTMLElement>('[data-testid="overlay-root"]')!;
    expect(root.style.left).toBe('300px');
    expect(root.style.top).toBe('40px');
    expect(root.dataset.expanded).toBe('true');
    render(null, container);
    container.remove();
  });
});
