import { describe, expect, it } from 'vitest';
import { missingOrderFields, orderFromReading, prefillFrom, readingToInputs } from '@/core/overlay/page-order';
import type { PageFields, PageReading } from '@/core/page/types';

const found = <T>(value: T) => ({ value, hook: 'test' });
const missing = (why: string) => ({ missing: why });

function reading(patch: Partial<PageFields> = {}): PageReading {
  const fields: PageFields = {
    side: found('undecided' as const),
    orderType: found('limit' as const),
    limitPrice: found(80_000),
    size: found({ amount: 0.5, unit: 'coin' as const, unitLabel: 'BTC' }),
    leverage: found(20),
    marginMode: found('isolated' as const),
    availableBalance: found({ amount: 1000, currency: 'USDT' }),
    position: found(null),
    lastPrice: found(82_000),
    markPrice: missing('not shown'),
    titlePrice: missing('no title'),
    ...patch,
  };
  return {
    venue: 'binance',
    market: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    readAt: 0,
    fields,
    health: [],
    refusedSensitive: 0,
  };
}
const none = () => ({ inputs: [], orderSides: [], closes: [] });
const ctx = { market: { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' }, tiers: null, instrument: null, markPrice: 82_100 };

describe('page reading → order panel', () => {
  it('names what is missing, with the limit price only for limit orders', () => {
    expect(missingOrderFields(reading().fields)).toEqual([]);
    expect(missingOrderFields(reading({ limitPrice: missing('empty'), leverage: missing('no hook') }).fields)).toEqual(['price', 'leverage']);
    expect(missingOrderFields(reading({ orderType: found('market' as const), limitPrice: missing('market order') }).fields)).toEqual([]);
  });
  it('waits while the size is empty, and asks when the form is not there at all', () => {
    expect(orderFromReading(reading({ size: missing('empty') }), ctx, none)).toEqual({ waiting: true });
    const gone = reading({
      size: missing('no form'),
      side: missing('no form'),
      orderType: missing('no form'),
      leverage: missing('no form'),
      marginMode: missing('no form'),
    });
    expect(orderFromReading(gone, ctx, none)).toMatchObject({ missing: ['side', 'orderType', 'leverage', 'marginMode', 'size'] });
  });
  it('prefills the calculator with what the page showed, never a size in another unit', () => {
    expect(prefillFrom(reading(), ctx)).toEqual({ side: 'both', entry: 80_000, quantity: 0.5, leverage: 20, marginMode: 'isolated', balance: 1000 });
    const contracts = prefillFrom(
      reading({ size: found({ amount: 5, unit: 'contracts' as const, unitLabel: 'Cont' }), orderType: found('market' as const) }),
      ctx,
    );
    expect(contracts.quantity).toBeUndefined();
    expect(contracts.entry).toBe(82_100);
  });
  it("hands complete readings to the engine's order builder and passes its own missing fields on", () => {
    const input = { venue: 'binance' as const, marginMode: 'isolated' as const, side: 'long' as const, entryPrice: 80_000, quantity: 0.5, leverage: 20 };
    const built = { inputs: [input], orderSides: ['long' as const], closes: [] };
    expect(orderFromReading(reading(), ctx, () => built)).toEqual(built);
    expect(orderFromReading(reading(), ctx, () => ({ missing: ['contractSize'] }))).toMatchObject({ missing: ['contractSize'] });
    expect(orderFromReading(reading(), ctx, null)).toMatchObject({ missing: ['market'] });
  });
});

describe('page reading → engine inputs (core/liquidation/order.ts)', () => {
  const table = {
    venue: 'binance' as const,
    symbol: 'BTC/USDT:USDT',
    tiers: [{ floor: 0, cap: 1e9, mmr: 0.004, maintenanceAmount: 0 }],
    source: 'test-table',
    asOf: 1,
  };
  it('builds one input per side when undecided, at the limit price, with the tier table', () => {
    const built = readingToInputs(reading(), { ...ctx, tiers: table });
    if (!('inputs' in built)) throw new Error(`not priced: ${JSON.stringify(built)}`);
    expect(built.orderSides).toEqual(['long', 'short']);
    expect(built.inputs.map((i) => [i.side, i.entryPrice, i.quantity, i.leverage, i.markPrice, i.table?.source])).toEqual([
      ['long', 80_000, 0.5, 20, 82_100, 'test-table'],
      ['short', 80_000, 0.5, 20, 82_100, 'test-table'],
    ]);
  });
  it("converts contracts with the venue's contract size, and asks for it when unknown", () => {
    const r = reading({ side: found('long' as const), size: found({ amount: 5, unit: 'contracts' as const, unitLabel: 'Cont' }) });
    expect(readingToInputs(r, ctx)).toEqual({ missing: ['contractSize'] });
    const instrument = { market: ctx.market, contractSize: 0.01, tickSize: 0.1, source: 'okx', asOf: 1 };
    const built = readingToInputs(r, { ...ctx, instrument });
    expect('inputs' in built && built.inputs[0]!.quantity).toBeCloseTo(0.05, 12);
  });
  it('needs a mark price for market orders and says so', () => {
    expect(readingToInputs(reading({ orderType: found('market' as const) }), { ...ctx, markPrice: null })).toEqual({ missing: ['markPrice'] });
  });
  it('labels what each order side leaves: an opposite order reduces the long, an equal one closes it', () => {
    const long = { side: 'long' as const, size: 0.5, sizeUnitLabel: 'BTC', entryPrice: 78_000 };
    const reduce = readingToInputs(reading({ position: found(long), size: found({ amount: 0.2, unit: 'coin' as const, unitLabel: 'BTC' }) }), {
      ...ctx,
      tiers: table,
    });
    if (!('inputs' in reduce)) throw new Error('inputs expected');
    expect(reduce.inputs.map((i, k) => [reduce.orderSides[k], i.side, i.quantity])).toEqual([
      ['long', 'long', 0.7],
      ['short', 'long', expect.closeTo(0.3, 12)],
    ]);
    const close = readingToInputs(reading({ position: found(long), size: found({ amount: 0.5, unit: 'coin' as const, unitLabel: 'BTC' }) }), {
      ...ctx,
      tiers: table,
    });
    expect('closes' in close && close.closes).toEqual(['short']);
  });
  it('end to end through orderFromReading: a complete form gives inputs the engine accepts', () => {
    const build = orderFromReading(reading({ side: found('short' as const) }), { ...ctx, tiers: table }, readingToInputs);
    expect('inputs' in build && build.inputs.map((i) => i.side)).toEqual(['short']);
  });
});
