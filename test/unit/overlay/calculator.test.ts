import { describe, expect, it } from 'vitest';
import { calculatorInputs, formFromPrefill } from '@/core/overlay/calculator';
import { computeSides, createSideComputer, initialMargin } from '@/core/overlay/order-view';
import { computeLiquidation } from '@/core/liquidation/engine';
import type { TierTable } from '@/core/liquidation/types';

const market = { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' };
const form = (patch = {}) => ({ ...formFromPrefill({ entry: 80_000, quantity: 0.5, leverage: 20 }), ...patch });

describe('manual calculator', () => {
  it('names every missing or invalid field and computes nothing', () => {
    expect(calculatorInputs(form({ entry: '', leverage: '-5' }), { market })).toEqual({ ok: false, invalid: ['entry', 'leverage'] });
    expect(calculatorInputs(form({ marginMode: 'cross' }), { market })).toEqual({ ok: false, invalid: ['balance'] });
    expect(calculatorInputs(form({ quantity: '12%' }), { market })).toEqual({ ok: false, invalid: ['quantity'] });
  });
  it("builds one input per side when the side is undecided, with the market's contract kind", () => {
    const r = calculatorInputs(form(), { market, markPrice: 81_000 });
    expect(r.ok && r.inputs.map((i) => [i.side, i.contract, i.entryPrice, i.quantity, i.leverage, i.markPrice])).toEqual([
      ['long', 'linear', 80_000, 0.5, 20, 81_000],
      ['short', 'linear', 80_000, 0.5, 20, 81_000],
    ]);
    const inv = calculatorInputs(form({ side: 'short' }), { market: { venue: 'binance', symbol: 'BTC/USD:BTC' } });
    expect(inv.ok && inv.inputs.map((i) => [i.side, i.contract])).toEqual([['short', 'inverse']]);
  });
  it('reads a decimal comma when the number format uses one', () => {
    const r = calculatorInputs(form({ entry: '80.000,5' }), { market, decimal: ',' });
    expect(r.ok && r.inputs[0]!.entryPrice).toBe(80_000.5);
  });
  it("passes the tier table with its source, and HTX's ladder for the chosen leverage", () => {
    const table: TierTable = {
      venue: 'htx',
      symbol: 'BTC/USDT:USDT',
      tiers: [],
      source: 'htx:adjustfactor',
      asOf: 1,
      leverageLadders: [{ leverage: 20, tiers: [{ floor: 0, cap: 1e9, mmr: 0.01, maintenanceAmount: 0 }] }],
    };
    const r = calculatorInputs(form(), { market: { venue: 'htx', symbol: 'BTC/USDT:USDT' }, table });
    expect(r.ok && r.inputs[0]!.tiers).toEqual([{ floor: 0, cap: 1e9, mmr: 0.01, maintenanceAmount: 0 }]);
    expect(r.ok && r.inputs[0]!.table).toEqual({ source: 'htx:adjustfactor', asOf: 1 });
  });
  it('feeds the real engine: the long liquidates below entry, the short above', () => {
    const r = calculatorInputs(form({ side: 'both' }), {
      market,
      table: { venue: 'binance', symbol: 'BTC/USDT:USDT', tiers: [{ floor: 0, cap: 1e9, mmr: 0.004, maintenanceAmount: 0 }], source: 'test', asOf: 0 },
    });
    if (!r.ok) throw new Error('inputs expected');
    const [long, short] = computeSides(r.inputs, computeLiquidation);
    expect(long && 'result' in long && long.result.price! < 80_000).toBe(true);
    expect(short && 'result' in short && short.result.price! > 80_000).toBe(true);
  });
  it('turns an engine error into a message, never a number', () => {
    const [o] = computeSides([{ venue: 'binance', marginMode: 'isolated', side: 'long', entryPrice: -1, quantity: 1, leverage: 10 }], computeLiquidation);
    expect(o && 'error' in o && o.error.length > 0).toBe(true);
  });
  it('memoizes: the same inputs return the same outcome array without recomputing', () => {
    let calls = 0;
    const sides = createSideComputer((input) => {
      calls++;
      return computeLiquidation(input);
    });
    const r = calculatorInputs(form({ side: 'long' }), {
      market,
      table: { venue: 'binance', symbol: 'x', tiers: [{ floor: 0, cap: 1e9, mmr: 0.004, maintenanceAmount: 0 }], source: 's', asOf: 0 },
    });
    if (!r.ok) throw new Error('inputs expected');
    const first = sides(r.inputs);
    const again = sides(r.inputs.map((i) => ({ ...i })));
    expect(again).toBe(first);
    expect(calls).toBe(1);
    sides(r.inputs.map((i) => ({ ...i, leverage: 25 })));
    expect(calls).toBe(2);
  });
  it('shows the initial margin in the margin currency', () => {
    expect(initialMargin({ venue: 'binance', marginMode: 'isolated', side: 'long', entryPrice: 80_000, quantity: 0.5, leverage: 20 })).toEqual({
      value: 2000,
      unit: 'quote',
    });
    expect(
      initialMargin({ venue: 'binance', contract: 'inverse', marginMode: 'isolated', side: 'long', entryPrice: 80_000, quantity: 8000, leverage: 10 }),
    ).toEqual({ value: 0.01, unit: 'coin' });
  });
});
