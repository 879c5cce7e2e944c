import { describe, expect, it } from 'vitest';
import { liquidationForOrder } from '@/core/liquidation';
import { LiquidationInputError } from '@/core/liquidation/errors';
import { orderToLiquidationInputs, type OrderDraft } from '@/core/liquidation/order';

const draft: OrderDraft = {
  venue: 'binance',
  side: 'long',
  type: 'limit',
  price: 100000,
  markPrice: 101000,
  size: { value: 0.5, unit: 'coin' },
  leverage: 10,
  marginMode: 'isolated',
  tier: { mmr: 0.004, maintenanceAmount: 0 },
};

describe('orderToLiquidationInputs', () => {
  it('a limit order with no visible position: entry = limit, margin = notional ÷ leverage, absence assumed', () => {
    const { inputs, assumptions } = orderToLiquidationInputs(draft);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ side: 'long', entryPrice: 100000, quantity: 0.5, margin: 5000, markPrice: 101000, positionMode: 'one-way' });
    expect(assumptions).toEqual(['No existing position visible: assumed none.']);
    expect(inputs[0]!.notes).toEqual(assumptions);
  });

  it('a market order enters at the mark and says so; a page showing no position is not an assumption', () => {
    const { inputs, assumptions } = orderToLiquidationInputs({ ...draft, type: 'market', price: undefined, existingPosition: null });
    expect(inputs[0]!.entryPrice).toBe(101000);
    expect(assumptions).toEqual(['Market order: entry = mark price (slippage and spread not included).']);
  });

  it('converts sizes in contracts and quote, for linear and inverse contracts', () => {
    expect(orderToLiquidationInputs({ ...draft, size: { value: 50, unit: 'contracts' }, contractSize: 0.01 }).inputs[0]!.quantity).toBeCloseTo(0.5, 12);
    expect(orderToLiquidationInputs({ ...draft, size: { value: 50000, unit: 'quote' } }).inputs[0]!.quantity).toBe(0.5);
    const inverse = orderToLiquidationInputs({ ...draft, contract: 'inverse', size: { value: 100, unit: 'contracts' }, contractSize: 100 }).inputs[0]!;
    expect(inverse).toMatchObject({ contract: 'inverse', quantity: 10000 });
    expect(inverse.margin).toBeCloseTo(10000 / 100000 / 10, 15);
    expect(() => orderToLiquidationInputs({ ...draft, size: { value: 5, unit: 'contracts' } })).toThrow(expect.objectContaining({ field: 'contractSize' }));
  });

  it('adds added margin to the isolated margin', () => {
    expect(orderToLiquidationInputs({ ...draft, addedMargin: 250 }).inputs[0]!.margin).toBe(5250);
  });

  it('merges a same-side position into the new average entry and margin', () => {
    const { inputs, assumptions } = orderToLiquidationInputs({ ...draft, existingPosition: { side: 'long', size: 1.5, entryPrice: 96000, margin: 14400 } });
    expect(inputs[0]).toMatchObject({ side: 'long', quantity: 2, margin: 19400 });
    expect(inputs[0]!.entryPrice).toBeCloseTo((1.5 * 96000 + 0.5 * 100000) / 2, 9);
    expect(assumptions.join(' ')).toMatch(/combined size and average entry/);
  });

  it('averages inverse entries harmonically (contracts per price)', () => {
    const r = orderToLiquidationInputs({
      ...draft,
      contract: 'inverse',
      size: { value: 10000, unit: 'quote' },
      existingPosition: { side: 'long', size: 10000, entryPrice: 80000 },
    });
    expect(r.inputs[0]!.entryPrice).toBeCloseTo(20000 / (10000 / 80000 + 10000 / 100000), 9);
    expect(r.assumptions.join(' ')).toMatch(/margin not visible/);
  });

  it('one-way: an opposite order reduces, closes or flips the position', () => {
    const existing = { side: 'short' as const, size: 2, entryPrice: 104000, margin: 20800 };
    const reduce = orderToLiquidationInputs({ ...draft, existingPosition: existing });
    expect(reduce.inputs[0]).toMatchObject({ side: 'short', quantity: 1.5, entryPrice: 104000, margin: 15600 });
    const close = orderToLiquidationInputs({ ...draft, size: { value: 2, unit: 'coin' }, existingPosition: existing });
    expect(close.inputs).toEqual([]);
    expect(close.assumptions.join(' ')).toMatch(/closes the open position/);
    const flip = orderToLiquidationInputs({ ...draft, size: { value: 3, unit: 'coin' }, existingPosition: existing });
    expect(flip.inputs[0]).toMatchObject({ side: 'long', quantity: 1, entryPrice: 100000, margin: 10000 });
  });

  it('hedge mode keeps the opposite leg apart (and hands it over for cross)', () => {
    const r = orderToLiquidationInputs({ ...draft, positionMode: 'hedge', existingPosition: { side: 'short', size: 2, entryPrice: 104000 } });
    expect(r.inputs[0]).toMatchObject({
      side: 'long',
      quantity: 0.5,
      entryPrice: 100000,
      positionMode: 'hedge',
      hedgeOppositeLeg: { quantity: 2, entryPrice: 104000 },
    });
    expect(r.assumptions.join(' ')).toMatch(/opposite leg is kept apart/);
  });

  it('cross uses the wallet when the page shows it, else leaves the engine to say it is unknown', () => {
    const known = orderToLiquidationInputs({
      ...draft,
      marginMode: 'cross',
      walletBalance: 30000,
      otherPositions: { maintenanceMargin: 100, unrealizedPnl: -50 },
    }).inputs[0]!;
    expect(known).toMatchObject({ margin: 30000, otherPositions: { maintenanceMargin: 100, unrealizedPnl: -50 } });
    const unknown = liquidationForOrder({ ...draft, marginMode: 'cross' });
    expect(unknown.results[0]!.assumptions.join(' ')).toMatch(/account balance unknown/);
  });

  it('liquidationForOrder prices what the order leaves, with every assumption', () => {
    const { results } = liquidationForOrder({ ...draft, venue: 'okx', takerFeeRate: 0.0005, tier: { mmr: 0.004, maintenanceAmount: 0 } });
    expect(results[0]!.price).toBeCloseTo(90000 / 0.9955, 8);
    expect(results[0]!.distance!.pct).toBeLessThan(0);
    expect(results[0]!.assumptions[0]).toBe('No existing position visible: assumed none.');
  });

  it('refuses bad drafts naming the field', () => {
    const bad: [string, Partial<OrderDraft> | Record<string, unknown>][] = [
      ['price', { price: undefined }],
      ['price', { price: -3 }],
      ['markPrice', { markPrice: Number.NaN }],
      ['leverage', { leverage: 0 }],
      ['size.value', { size: { value: '1', unit: 'coin' } }],
      ['size.unit', { size: { value: 1, unit: 'lots' } }],
      ['addedMargin', { addedMargin: -1 }],
      ['existingPosition.entryPrice', { existingPosition: { side: 'long', size: 1, entryPrice: 0 } }],
    ];
    for (const [field, patch] of bad) {
      let caught: unknown;
      try {
        orderToLiquidationInputs({ ...draft, ...patch } as OrderDraft);
      } catch (error) {
        caught = error;
      }
      expect(caught, field).toBeInstanceOf(LiquidationInputError);
      expect((caught as LiquidationInputError).field).toBe(field);
    }
  });
});
