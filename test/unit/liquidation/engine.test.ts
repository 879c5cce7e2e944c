import { describe, expect, it } from 'vitest';
import { computeLiquidation } from '@/core/liquidation/engine';
import { LiquidationInputError } from '@/core/liquidation/errors';
import { linearLiquidationPrice, linearLiquidationPriceTiered } from '@/core/liquidation/math';
import { roundToTick } from '@/core/liquidation/tick-rounding';
import { bundledTiers, tiersFor } from '@/core/liquidation/tier-sources';
import type { LiquidationInput } from '@/core/liquidation/types';

const btc = tiersFor(bundledTiers({ venue: 'binance', symbol: 'BTC/USDT:USDT' })!)!;
const base: LiquidationInput = {
  venue: 'binance',
  marginMode: 'isolated',
  side: 'long',
  entryPrice: 100000,
  quantity: 1,
  leverage: 20,
  tier: { mmr: 0.004, maintenanceAmount: 0 },
};

describe('computeLiquidation', () => {
  it('reports bankruptcy price, tier, distance from mark and the rule', () => {
    const r = computeLiquidation({ ...base, markPrice: 99000 });
    // equity 5000 + (P − 100000) = 0.004·P  →  P = 95000 / 0.996
    expect(r.price).toBeCloseTo(95000 / 0.996, 8);
    expect(r.bankruptcyPrice).toBe(95000);
    expect(r.tierUsed).toEqual({ mmr: 0.004, maintenanceAmount: 0 });
    expect(r.distance!.abs).toBeCloseTo(95000 / 0.996 - 99000, 8);
    expect(r.distance!.pct).toBeCloseTo(((95000 / 0.996 - 99000) / 99000) * 100, 8);
    expect(r.rule).toEqual({ venue: 'binance', status: 'published', name: 'Binance FAQ formula' });
    expect(r.assumptions).toEqual([]);
  });

  it('takes the tier at the liquidation price, not at entry, and names it', () => {
    const r = computeLiquidation({ ...base, quantity: 8.5, leverage: 10, tier: undefined, ...btc });
    expect(r.tierUsed.index).toBe(1);
    expect(r.tierUsed).toMatchObject({ floor: 300000, cap: 800000, mmr: 0.005, maintenanceAmount: 300 });
    expect(r.table!.source).toMatch(/^bundled:binance-btcusdt/);
  });

  it('says when a position is beyond the last bracket of the table', () => {
    const r = computeLiquidation({ ...base, quantity: 200, leverage: 5, tier: undefined, ...btc });
    expect(r.tierUsed.index).toBe(3);
    expect(r.assumptions.join(' ')).toMatch(/beyond the last bracket/);
  });

  it('computes cross without a wallet as isolated and says so', () => {
    const isolated = computeLiquidation(base);
    const cross = computeLiquidation({ ...base, marginMode: 'cross' });
    expect(cross.price).toBe(isolated.price);
    expect(cross.assumptions.join(' ')).toMatch(/account balance unknown, computed as isolated/);
    const wallet = computeLiquidation({ ...base, marginMode: 'cross', margin: 20000 });
    expect(wallet.assumptions.join(' ')).toMatch(/other positions not visible/);
    expect(wallet.price!).toBeLessThan(isolated.price!);
  });

  it('counts other cross positions: their maintenance lowers, their profit raises the buffer', () => {
    const alone = computeLiquidation({ ...base, marginMode: 'cross', margin: 20000, otherPositions: { maintenanceMargin: 0, unrealizedPnl: 0 } }).price!;
    const withMm = computeLiquidation({ ...base, marginMode: 'cross', margin: 20000, otherPositions: { maintenanceMargin: 3000, unrealizedPnl: 0 } }).price!;
    const withProfit = computeLiquidation({
      ...base,
      marginMode: 'cross',
      margin: 20000,
      otherPositions: { maintenanceMargin: 0, unrealizedPnl: 3000 },
    }).price!;
    expect(withMm).toBeGreaterThan(alone);
    expect(withProfit).toBeLessThan(alone);
  });

  it('cross hedge legs share one price (Binance LONG+SHORT terms)', () => {
    const r = computeLiquidation({
      ...base,
      marginMode: 'cross',
      positionMode: 'hedge',
      margin: 10000,
      hedgeOppositeLeg: { quantity: 0.4, entryPrice: 101000 },
    });
    // python3: (10000 - (100000 - 0.4*101000)) / (1.4*0.004 - 0.6) = 83445.49125168237
    expect(r.price).toBeCloseTo(83445.49125168237, 6);
    expect(r.bankruptcyPrice).toBeNull();
    expect(r.assumptions.join(' ')).toMatch(/share one liquidation price/);
    // Bracket re-picked at the shared price: entry notional 850k (bracket 3), liquidation ≈757.8k (bracket 2).
    // python3 decimal bisection on 85000 + 8.5(P−1e5) − (P−1e5) = 9.5·P·mmr(8.5P) − 2·cum(8.5P): 89151.29151291513
    const tiered = computeLiquidation({
      ...base,
      tier: undefined,
      ...btc,
      marginMode: 'cross',
      quantity: 8.5,
      margin: 85000,
      hedgeOppositeLeg: { quantity: 1, entryPrice: 100000 },
    });
    expect(tiered.tierUsed.index).toBe(1);
    expect(tiered.price).toBeCloseTo(89151.29151291513, 6);
    const fullyHedged = computeLiquidation({ ...base, marginMode: 'cross', margin: 10000, hedgeOppositeLeg: { quantity: 1, entryPrice: 100000 } });
    // Equity no longer moves with price, but both legs' maintenance grows with it: 2·P·0.004 = 10000.
    expect(fullyHedged.price).toBeCloseTo(1_250_000, 6);
  });

  it('adds the taker fee only where the venue counts it, and says when it assumed the rate', () => {
    const noFee = computeLiquidation({ ...base, venue: 'binance', takerFeeRate: 0.0005 }).price!;
    const okx = computeLiquidation({ ...base, venue: 'okx', takerFeeRate: 0.0005 }).price!;
    expect(noFee).toBeCloseTo(95000 / 0.996, 8);
    expect(okx).toBeCloseTo(95000 / 0.9955, 8);
    const assumed = computeLiquidation({ ...base, venue: 'bitget' });
    expect(assumed.assumptions.join(' ')).toMatch(/Taker fee rate unknown: assumed .*0\.06%/);
  });

  it('marks Gate and MEXC as closest-documented with a sentence saying so', () => {
    for (const venue of ['gate', 'mexc'] as const) {
      const r = computeLiquidation({ ...base, venue, takerFeeRate: 0.0005 });
      expect(r.rule.status).toBe('closest-documented');
      expect(r.assumptions.join(' ')).toMatch(/closest documented|documented formula/);
    }
  });

  it('OKX picks the whole-position tier by size in a quantity table', () => {
    const tiers = [
      { floor: 0, cap: 10, mmr: 0.004, maintenanceAmount: 0 },
      { floor: 10, cap: 20, mmr: 0.005, maintenanceAmount: 0 },
    ];
    const small = computeLiquidation({ ...base, venue: 'okx', quantity: 9.99, takerFeeRate: 0.0005, tier: undefined, tiers, tierBasis: 'quantity' });
    const big = computeLiquidation({ ...base, venue: 'okx', quantity: 10, takerFeeRate: 0.0005, tier: undefined, tiers, tierBasis: 'quantity' });
    expect(small.tierUsed.index).toBe(0);
    expect(big.tierUsed.index).toBe(1);
    expect(big.price).toBeCloseTo(95000 / (1 - 0.0055), 6);
  });

  it('returns null with a sentence when the price would be ≤ 0', () => {
    const r = computeLiquidation({ ...base, leverage: 1, extraMargin: 100, markPrice: 100000 });
    expect(r.price).toBeNull();
    expect(r.distance).toBeUndefined();
    expect(r.assumptions.join(' ')).toMatch(/not liquidated by any price move/);
  });

  it('warns when the mark is already past the liquidation price', () => {
    const past = computeLiquidation({ ...base, markPrice: 94000 });
    expect(past.assumptions.join(' ')).toMatch(/already past this liquidation price/);
    const fine = computeLiquidation({ ...base, markPrice: 99000 });
    expect(fine.assumptions.join(' ')).not.toMatch(/already past/);
    const short = computeLiquidation({ ...base, side: 'short', markPrice: 106000 });
    expect(short.assumptions.join(' ')).toMatch(/already past/);
  });

  it('carries upstream notes first', () => {
    expect(computeLiquidation({ ...base, notes: ['Market order: entry = mark price.'] }).assumptions[0]).toBe('Market order: entry = mark price.');
  });

  it('never rounds; roundToTick is for display', () => {
    const r = computeLiquidation(base);
    expect(r.price).not.toBe(roundToTick(r.price!, 0.1));
    expect(roundToTick(95381.52610441767, 0.1)).toBe(95381.5);
    expect(roundToTick(95381.55, 0.1)).toBe(95381.6);
    expect(roundToTick(0.123456, 0.0001)).toBe(0.1235);
    expect(roundToTick(1.5e-7, 1e-8)).toBe(1.5e-7);
  });
});

describe('typed input errors name the field', () => {
  const cases: [string, Partial<LiquidationInput> | Record<string, unknown>][] = [
    ['entryPrice', { entryPrice: -1 }],
    ['entryPrice', { entryPrice: Number.NaN }],
    ['quantity', { quantity: 0 }],
    ['quantity', { quantity: '1' }],
    ['leverage', { leverage: Infinity }],
    ['margin', { margin: -5 }],
    ['markPrice', { markPrice: 0 }],
    ['takerFeeRate', { takerFeeRate: 0.5 }],
    ['side', { side: 'buy' }],
    ['venue', { venue: 'ftx' }],
    ['tier.mmr', { tier: { mmr: 1.5, maintenanceAmount: 0 } }],
    ['otherPositions.unrealizedPnl', { marginMode: 'cross', otherPositions: { maintenanceMargin: 0, unrealizedPnl: Number.NaN } }],
  ];
  for (const [field, patch] of cases) {
    it(`${field} ← ${JSON.stringify(patch)}`, () => {
      try {
        computeLiquidation({ ...base, ...patch } as LiquidationInput);
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(LiquidationInputError);
        expect((error as LiquidationInputError).field).toBe(field);
      }
    });
  }
  it('a missing leverage and margin, or a missing tier, names what is missing', () => {
    expect(() => computeLiquidation({ ...base, leverage: undefined })).toThrow(expect.objectContaining({ field: 'leverage' }));
    expect(() => computeLiquidation({ ...base, tier: undefined })).toThrow(expect.objectContaining({ field: 'tiers' }));
  });
  it('tier tables with a gap, an overlap or out of order are refused', () => {
    const t = (floor: number, cap: number, mmr = 0.004) => ({ floor, cap, mmr, maintenanceAmount: 0 });
    const run = (tiers: ReturnType<typeof t>[]) => () => computeLiquidation({ ...base, tier: undefined, tiers });
    expect(run([t(0, 100), t(150, 200)])).toThrow(expect.objectContaining({ field: 'tiers[1].floor', message: expect.stringMatching(/gap/) }));
    expect(run([t(0, 100), t(50, 200)])).toThrow(expect.objectContaining({ field: 'tiers[1].floor', message: expect.stringMatching(/overlap/) }));
    expect(run([t(100, 200), t(0, 100)])).toThrow(expect.objectContaining({ field: 'tiers[0].floor' }));
    expect(run([t(0, 100), t(100, 50)])).toThrow(expect.objectContaining({ field: 'tiers[1].cap' }));
    expect(run([])).toThrow(expect.objectContaining({ field: 'tiers' }));
  });
});

describe('fast entry points for the heatmap model', () => {
  it('linearLiquidationPrice matches the engine for one tier', () => {
    expect(linearLiquidationPrice(1, 1, 100000, 5000, 0.004, 0, 0)).toBe(computeLiquidation(base).price);
    expect(linearLiquidationPrice(-1, 1, 100000, 5000, 0.004, 0, 0)).toBe(computeLiquidation({ ...base, side: 'short' }).price);
  });
  it('linearLiquidationPriceTiered matches the engine across brackets', () => {
    for (const q of [0.5, 3.1, 8.5, 30]) {
      const engine = computeLiquidation({ ...base, quantity: q, leverage: 10, tier: undefined, ...btc }).price;
      expect(linearLiquidationPriceTiered(1, q, 100000, (q * 100000) / 10, btc.tiers)).toBe(engine);
    }
  });
});
