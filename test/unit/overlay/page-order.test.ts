import { describe, expect, it } from 'vitest';
import { missingOrderFields, orderFromReading, prefillFrom } from '@/core/overlay/page-order';
import type { PageFields, PageReading } from '@/core/page/types';

const found = <T,>(value: T) => ({ value, hook: 'test' });
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
  return { venue: 'binance', market: { venue: 'binance', symbol: 'BTC/USDT:USDT' }, url: 'https://www.binance.com/en/futures/BTCUSDT', readAt: 0, fields, health: [], refusedSensitive: 0 };
}
const ctx = { market: { venue: 'binance' as const, symbol: 'BTC/USDT:USDT' }, tiers: null, instrument: null, markPrice: 82_100 };

describe('page reading → order panel', () => {
  it('names what is missing, with the limit price only for limit orders', () => {
    expect(missingOrderFields(reading().fields)).toEqual([]);
    expect(missingOrderFields(reading({ limitPrice: missing('empty'), leverage: missing('no hook') }).fields)).toEqual(['price', 'leverage']);
    expect(missingOrderFields(reading({ orderType: found('market' as const), limitPrice: missing('market order') }).fields)).toEqual([]);
  });
  it('waits while the size is empty, and asks when the form is not there at all', () => {
    expect(orderFromReading(reading({ size: missing('empty') }), ctx, () => [])).toEqual({ waiting: true });
    const gone = reading({ size: missing('no form'), side: missing('no form'), orderType: missing('no form'), leverage: missing('no form'), marginMode: missing('no form') });
    expect(orderFromReading(gone, ctx, () => [])).toMatchObject({ missing: ['side', 'orderType', 'leverage', 'marginMode', 'size'] });
  });
  it('prefills the calculator with what the page showed, never a size in another unit', () => {
    expect(prefillFrom(reading(), ctx)).toEqual({ side: 'both', entry: 80_000, quantity: 0.5, leverage: 20, marginMode: 'isolated', balance: 1000 });
    const contracts = prefillFrom(reading({ size: found({ amount: 5, unit: 'contracts' as const, unitLabel: 'Cont' }), orderType: found('market' as const) }), ctx);
    expect(contracts.quantity).toBeUndefined();
    expect(contracts.entry).toBe(82_100);
  });
  it('hands complete readings to the engine\'s order builder and passes its own missing fields on', () => {
    const input = { venue: 'binance' as const, marginMode: 'isolated' as const, side: 'long' as const, entryPrice: 80_000, quantity: 0.5, leverage: 20 };
    expect(orderFromReading(reading(), ctx, () => [input])).toEqual({ inputs: [input] });
    expect(orderFromReading(reading(), ctx, () => ({ missing: ['contractSize'] }))).toMatchObject({ missing: ['contractSize'] });
    expect(orderFromReading(reading(), ctx, null)).toMatchObject({ missing: ['market'] });
  });
});
