// @vitest-environment happy-dom
/**
 * The overlay checking itself against the exchange: the positions row's liq price (Binance, OKX
 * fixtures, built from documentation), the form's "Est. Liq. Price" (found by meaning), and the
 * page's mark against the background's — all under the one agreement rule.
 */
import { describe, expect, it } from 'vitest';
import { pageAdapterFor } from '@/core/page/adapters';
import { readPage } from '@/core/page/read-page';
import { bundledTiers } from '@/core/liquidation';
import { computeLiquidation } from '@/core/liquidation/engine';
import { compareFigures, selfChecks } from '@/core/overlay/self-check';
import { crossCheckPrice } from '@/core/page/price';
import type { MarketContext } from '@/core/overlay/session';
import type { OrderState } from '@/core/overlay/order-view';
import type { Market } from '@/core/types';
import { loadFixture } from '../page/load-fixture';

const BINANCE: Market = { venue: 'binance', symbol: 'BTC/USDT:USDT' };
const OKX: Market = { venue: 'okx', symbol: 'BTC/USDT:USDT' };
const ctx = (market: Market, contractSize: number): MarketContext => ({
  market,
  tiers: bundledTiers(market),
  instrument: { market, contractSize, tickSize: 0.1, source: 'test', asOf: 0 },
  markPrice: 84000,
});
const WAITING: OrderState = { kind: 'waiting' };

describe('self-check', () => {
  it('Binance: the positions row liq price matches LiqLens within the tick', () => {
    const reading = readPage(loadFixture('binance'), pageAdapterFor('binance'), BINANCE, { url: 'https://www.binance.com/en/futures/BTCUSDT' });
    const [position] = selfChecks(reading, ctx(BINANCE, 1), computeLiquidation, WAITING, 84000);
    expect(position).toMatchObject({ what: 'position', exchange: 78689.8, agrees: true });
    expect(position!.ours).toBeCloseTo(78689.76, 2);
  });

  it('OKX: a differing row says by how much and what LiqLens assumed; the page figure is never ours', () => {
    const reading = readPage(loadFixture('okx'), pageAdapterFor('okx'), OKX, { url: 'https://www.okx.com/trade-swap/btc-usdt-swap' });
    const checks = selfChecks(reading, ctx(OKX, 0.01), computeLiquidation, WAITING, 71700);
    const position = checks.find((c) => c.what === 'position')!;
    expect(position.agrees).toBe(false);
    expect(position.exchange).toBe(64500);
    expect(position.ours).not.toBe(64500);
    expect(position.assumed).toEqual(['10x cross as in the form', 'cross as isolated (no balance)', 'tiers bundled:okx-btc-usdt-tiers-1-15']);
    // The page's mark (71,710.2) agrees with the background's 71,700: no mark line.
    expect(checks.map((c) => c.what)).toEqual(['position']);
  });

  it('the page mark against the background mark: a line only when they disagree', () => {
    const reading = readPage(loadFixture('okx'), pageAdapterFor('okx'), OKX, { url: 'https://www.okx.com/trade-swap/btc-usdt-swap' });
    const mark = selfChecks(reading, ctx(OKX, 0.01), computeLiquidation, WAITING, 84000).find((c) => c.what === 'mark');
    expect(mark).toMatchObject({ exchange: 71710.2, ours: 84000, agrees: false });
  });

  it('the order form\'s "Est. Liq. Price", found by meaning, against the one side being computed', () => {
    const doc = loadFixture('binance');
    doc.querySelector('.buttons')!.insertAdjacentHTML('beforebegin', '<div><span>Est. Liq. Price</span><span>80,010.0 USDT</span></div>');
    const reading = readPage(doc, pageAdapterFor('binance'), BINANCE, { url: 'https://www.binance.com/en/futures/BTCUSDT' });
    expect(reading.fields.estLiqPrice).toEqual({ value: 80010, hook: 'label "est. liq. price"' });
    const input = {
      venue: 'binance' as const,
      marginMode: 'isolated' as const,
      side: 'long' as const,
      entryPrice: 84000,
      quantity: 0.15,
      leverage: 20,
      margin: 630,
      tiers: bundledTiers(BINANCE)!.tiers,
    };
    const order: OrderState = { kind: 'computed', sides: [{ side: 'long', input, result: computeLiquidation(input) }] };
    const check = selfChecks(reading, ctx(BINANCE, 1), computeLiquidation, order, 84000).find((c) => c.what === 'order')!;
    expect(check.exchange).toBe(80010);
    expect(check.ours).toBeCloseTo(computeLiquidation(input).price!, 6);
    expect(check.agrees).toBe(Math.abs(80010 - check.ours) <= 0.1);
  });

  it('one rule: compareFigures is crossCheckPrice with the tick as the tolerance', () => {
    expect(compareFigures('position', 79019.9, 79019.86, 0.1, [])).toMatchObject({ agrees: true });
    expect(compareFigures('position', 79350, 79019.9, 0.1, ['x'])).toMatchObject({ agrees: false, assumed: ['x'] });
    expect(compareFigures('position', 79350, 79019.9, 0.1, [])!.pct).toBeCloseTo(0.4177, 3);
    expect(crossCheckPrice(101, 100, 0.02)).toEqual({ deviation: 0.01, agrees: true });
    expect(compareFigures('position', Number.NaN, 1, 0.1, [])).toBeNull();
  });
});
