/** The trader's order and liquidation price for the side panel's charts (issue #13): from the tab's report, recomputed here. */
import { describe, expect, it } from 'vitest';
import { sameLines, traderLinesFrom, type TraderLineFacts } from '@/core/chart/trader-lines';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { OrderReport } from '@/core/overlay/popup-order';
import type { Market } from '@/core/types';
import { BTC, LONG_LIQ as LONG, oneTierTable, orderReport, SHORT_LIQ as SHORT } from '../overlay/order-fixtures';

const FACTS: TraderLineFacts = {
  tiers: oneTierTable(),
  instrument: { market: BTC, contractSize: 1, tickSize: 0.1, source: 'test', asOf: 1 },
  markPrice: 80_500,
};
const NOW = 1_700_000_000_000;

function report(fields: Partial<OrderReport['fields']> = {}, market: Market = BTC): OrderReport {
  // The overlay's own figure is hostile page output: a wrong one must not reach the chart.
  return orderReport(market, fields, { kind: 'computed', figures: [{ side: 'long', orderSide: 'long', price: 12_345 }] });
}

describe('traderLinesFrom', () => {
  it('draws the limit price and the liquidation price computed here, not the overlay figure the page reported', () => {
    const lines = traderLinesFrom(report(), BTC, FACTS, computeLiquidation, NOW)!;
    expect(lines.order).toBe(80_000);
    expect(lines.undecided).toBe(false);
    expect(lines.liquidations).toHaveLength(1);
    expect(lines.liquidations[0]!.side).toBe('long');
    expect(lines.liquidations[0]!.price).toBeCloseTo(LONG, 0);
    expect(lines.liquidations.map((l) => l.price)).not.toContain(12_345);
    expect(lines.readAt).toBe(NOW);
  });

  it('gives both sides, each with its order side, while the form has no side yet', () => {
    const lines = traderLinesFrom(report({ side: 'undecided' }), BTC, FACTS, computeLiquidation, NOW)!;
    expect(lines.undecided).toBe(true);
    const byOrder = Object.fromEntries(lines.liquidations.map((l) => [l.orderSide, l]));
    expect(byOrder.long!.side).toBe('long');
    expect(byOrder.long!.price).toBeCloseTo(LONG, 0);
    expect(byOrder.short!.side).toBe('short');
    expect(byOrder.short!.price).toBeCloseTo(SHORT, 0);
  });

  it('draws nothing for a report of another market, or none', () => {
    expect(traderLinesFrom(report({}, { venue: 'binance', symbol: 'ETH/USDT:USDT' }), BTC, FACTS, computeLiquidation, NOW)).toBeNull();
    expect(traderLinesFrom(report({}, { venue: 'bybit', symbol: BTC.symbol }), BTC, FACTS, computeLiquidation, NOW)).toBeNull();
    expect(traderLinesFrom(null, BTC, FACTS, computeLiquidation, NOW)).toBeNull();
  });

  it('keeps the order line but guesses no liquidation price when an input or the mark is missing', () => {
    const noLeverage = traderLinesFrom(report({ leverage: undefined }), BTC, FACTS, computeLiquidation, NOW)!;
    expect(noLeverage.order).toBe(80_000);
    expect(noLeverage.liquidations).toEqual([]);
    const noMark = traderLinesFrom(report(), BTC, { ...FACTS, markPrice: null }, computeLiquidation, NOW)!;
    expect(noMark.liquidations).toEqual([]);
    const engineFails = traderLinesFrom(
      report(),
      BTC,
      FACTS,
      () => {
        throw new Error('boom');
      },
      NOW,
    )!;
    expect(engineFails.liquidations).toEqual([]);
  });

  it('has no order line for a market order (priced at the mark) and nothing at all without a size', () => {
    const market = traderLinesFrom(report({ orderType: 'market', limitPrice: undefined }), BTC, FACTS, computeLiquidation, NOW)!;
    expect(market.order).toBeNull();
    expect(market.liquidations[0]!.price).toBeCloseTo((80_500 * (1 - 1 / 20)) / (1 - 0.004), 0);
    expect(traderLinesFrom(report({ size: undefined, leverage: undefined, marginMode: undefined }), BTC, FACTS, computeLiquidation, NOW)).toBeNull();
  });

  it('sameLines: an unchanged poll is the same, a moved price is not', () => {
    const a = traderLinesFrom(report(), BTC, FACTS, computeLiquidation, NOW);
    const b = traderLinesFrom(report(), BTC, FACTS, computeLiquidation, NOW + 5000);
    const c = traderLinesFrom(report({ limitPrice: 79_000 }), BTC, FACTS, computeLiquidation, NOW);
    expect(sameLines(a, b)).toBe(true);
    expect(sameLines(a, c)).toBe(false);
    expect(sameLines(a, null)).toBe(false);
    expect(sameLines(null, null)).toBe(true);
  });
});
