import { describe, expect, it } from 'vitest';
import { liquidatedSide as binanceSide, parseForceOrder } from '@/core/venues/binance/streams';
import { liquidatedSide as bybitSide, parseAllLiquidation, liquidationStream as bybitStream } from '@/core/venues/bybit/streams';
import { liquidatedSide as okxSide, liquidationOrdersEndpoint, parseLiquidationPush } from '@/core/venues/okx/streams';
import { liquidatedSide as htxSide } from '@/core/venues/htx/streams';
import { fixtureText, forceOrderMessage, recordedForceOrders } from './helpers';

const okxContracts = {
  contract: (id: string) =>
    ({ 'BTC-USDT-SWAP': { ctVal: 0.01, inverse: false }, 'IOST-USDT-SWAP': { ctVal: 1000, inverse: false }, 'BTC-USD-SWAP': { ctVal: 100, inverse: true } })[
      id
    ],
};

describe('side semantics, each venue in its own streams.ts', () => {
  it('Binance SELL and Bybit Buy both mean a long was liquidated', () => {
    expect(binanceSide('SELL')).toBe('long');
    expect(bybitSide('Buy')).toBe('long');
    expect(binanceSide('BUY')).toBe('short');
    expect(bybitSide('Sell')).toBe('short');
  });
  it('OKX: posSide when hedged, order side when net', () => {
    expect(okxSide('short', 'buy')).toBe('short');
    expect(okxSide('net', 'sell')).toBe('long');
    expect(okxSide('net', 'buy')).toBe('short');
  });
  it('HTX: sell+close liquidates a long; anything unclear is null', () => {
    expect(htxSide('sell', 'close')).toBe('long');
    expect(htxSide('sell', 'open')).toBeNull();
    // One-way mode: HTX documents offset "both"; the order side still says which position closed.
    expect(htxSide('sell', 'both')).toBe('long');
    expect(htxSide('buy', 'both')).toBe('short');
    expect(binanceSide('HOLD')).toBeNull();
  });
});

describe('Binance !forceOrder@arr (messages rebuilt from the recorded CSV)', () => {
  const rows = recordedForceOrders();
  it('parses all 73 recorded orders with the recorded USD value', () => {
    expect(rows).toHaveLength(73);
    for (const r of rows) {
      const { events, rejected } = parseForceOrder(forceOrderMessage(r));
      expect(rejected).toBe(0);
      expect(events).toHaveLength(1);
      const e = events[0]!;
      expect(e.side).toBe(r.side === 'SELL' ? 'long' : 'short');
      expect(e.usd).toBeCloseTo(r.usdValue, 4);
      expect(e.time).toBe(r.time);
      expect(e.symbol).toMatch(/^(BTC|ETH)\/(USDT|USDC):(USDT|USDC)$/);
    }
  });
  it('accepts the combined-stream wrapper and ignores request answers', () => {
    const msg = JSON.stringify({ stream: '!forceOrder@arr', data: JSON.parse(forceOrderMessage(rows[0]!)) });
    expect(parseForceOrder(msg).events).toHaveLength(1);
    expect(parseForceOrder('{"result":["!forceOrder@arr"],"id":1}')).toEqual({ events: [], rejected: 0 });
  });
  it('rejects junk without throwing', () => {
    for (const junk of [
      '',
      'not json',
      '{"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","ap":"NaN","p":"1","z":"1","T":1}}',
      '{"e":"forceOrder","o":{"s":"BTCUSDT","S":"SELL","ap":"1","p":"1","z":"-1","T":1}}',
    ]) {
      expect(parseForceOrder(junk).events).toHaveLength(0);
      expect(parseForceOrder(junk).rejected).toBe(1);
    }
  });
});

describe('Bybit allLiquidation (from docs)', () => {
  const msgs = (JSON.parse(fixtureText('streams/bybit_allLiquidation.from-docs.json')) as unknown[]).map((m) => JSON.stringify(m));
  it('reads a batch; Buy means longs; pong and acks are not errors', () => {
    expect(parseAllLiquidation(msgs[0]!).events[0]).toMatchObject({ venue: 'bybit', symbol: 'ROSE/USDT:USDT', side: 'short', usd: 20000 * 0.04499 });
    const btc = parseAllLiquidation(msgs[1]!).events;
    expect(btc.map((e) => e.side)).toEqual(['long', 'long']);
    expect(btc[0]!.usd).toBe(48000);
    expect(parseAllLiquidation(msgs[2]!)).toEqual({ events: [], rejected: 0 });
    expect(parseAllLiquidation(msgs[3]!)).toEqual({ events: [], rejected: 0 });
  });
  it('subscribes in chunks of ten topics', () => {
    const symbols = Array.from({ length: 12 }, (_, i) => `C${i}USDT`);
    const subs = bybitStream.subscribe(symbols).map((s) => JSON.parse(s) as { args: string[] });
    expect(subs.map((s) => s.args.length)).toEqual([10, 2]);
    expect(subs[0]!.args[0]).toBe('allLiquidation.C0USDT');
  });
});

describe('OKX liquidation-orders (from docs)', () => {
  const msgs = (JSON.parse(fixtureText('streams/okx_liquidation-orders.from-docs.json')) as unknown[]).map((m) => JSON.stringify(m));
  it('multiplies contracts by ctVal and reads posSide / net side', () => {
    expect(parseLiquidationPush(msgs[0]!, okxContracts)).toEqual({ events: [], rejected: 0 });
    const iost = parseLiquidationPush(msgs[1]!, okxContracts).events[0]!;
    expect(iost).toMatchObject({ symbol: 'IOST/USDT:USDT', side: 'short', quantity: 13000 });
    expect(iost.usd).toBeCloseTo(13 * 1000 * 0.007831, 9);
    const btc = parseLiquidationPush(msgs[2]!, okxContracts).events;
    expect(btc.map((e) => [e.side, e.usd])).toEqual([
      ['long', 2 * 0.01 * 62000],
      ['long', 3 * 0.01 * 62100],
    ]);
    expect(parseLiquidationPush('pong', okxContracts)).toEqual({ events: [], rejected: 0 });
  });
  it('skips an instrument whose contract value is unknown instead of guessing', () => {
    const unknown = msgs[2]!.replaceAll('BTC-USDT-SWAP', 'NEW-USDT-SWAP');
    expect(parseLiquidationPush(unknown, okxContracts)).toMatchObject({ events: [], rejected: 2 });
  });
  it('REST backfill shares the parser; inverse contracts are USD face value', () => {
    const ep = liquidationOrdersEndpoint('BTC-USDT');
    expect(ep.request.url).toBe('https://www.okx.com/api/v5/public/liquidation-orders?instType=SWAP&instFamily=BTC-USDT&state=filled&limit=100');
    const { events } = ep.parse(JSON.parse(fixtureText('okx/liquidation-orders_SWAP.from-docs.json')), okxContracts);
    expect(events.map((e) => e.side)).toEqual(['long', 'short']);
    const inverse = parseLiquidationPush(msgs[2]!.replaceAll('BTC-USDT-SWAP', 'BTC-USD-SWAP'), okxContracts).events[0]!;
    expect(inverse.usd).toBe(200);
    expect(inverse.quantity).toBeCloseTo(200 / 62000, 12);
  });
});
