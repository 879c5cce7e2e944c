/**
 * REST liquidation histories of Gate (real recorded response) and HTX (built from its docs): the
 * parsers on their fixtures, the page requests and cursors, and hostile input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractsEndpoint as gateContracts, liqOrdersEndpoint as gateEndpoint, parseLiqOrders, PAGE_LIMIT, WINDOW_S } from '@/core/venues/gate/history';
import { liquidationOrdersEndpoint as htxEndpoint, WINDOW_MS } from '@/core/venues/htx/history';
import { parseLiquidationNotify } from '@/core/venues/htx/streams';
import { liquidationId } from '@/core/realized/event-id';

const fixture = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../fixtures/api/${p}`, import.meta.url)), 'utf8')) as unknown;
const GATE_REAL = 'gate/liq_orders_BTC_USDT_2023-11-18.recorded.json';
const HTX_DOCS = 'htx/swap_liquidation_orders_BTC-USDT.from-docs.json';
/** BTC_USDT's contract value from Gate's contracts fixture (docs), the one the parser must use. */
const gateMultiplier = (fixture('gate/contracts_usdt.from-docs.json') as { name: string; quanto_multiplier: string }[]).find(
  (c) => c.name === 'BTC_USDT',
)!.quanto_multiplier;
const gateContext = { contract: (id: string) => (id === 'BTC_USDT' ? { ctVal: Number(gateMultiplier), inverse: false } : undefined) };
const noContracts = { contract: () => undefined };
const NOW = Date.UTC(2023, 10, 18, 1);

describe('Gate liq_orders (real response, ccxt capture 2023-11-18)', () => {
  const rows = fixture(GATE_REAL) as { size: string; fill_price: string; time: string }[];

  it('reads both recorded rows: longs (positive size), the taker fill at fill_price, time in seconds', () => {
    const { events, rejected } = parseLiqOrders(rows, gateContext);
    expect(rejected).toBe(0);
    const ct = Number(gateMultiplier);
    expect(events).toEqual(
      rows.map((r) => ({
        venue: 'gate',
        symbol: 'BTC/USDT:USDT',
        side: 'long',
        price: Number(r.fill_price),
        quantity: Number(r.size) * ct,
        usd: Number(r.size) * ct * Number(r.fill_price),
        time: Number(r.time) * 1000,
      })),
    );
    // Two liquidations in one second at one price: distinct ids (their sizes differ).
    expect(new Set(events.map(liquidationId)).size).toBe(2);
  });

  it('reads the numbers Gate itself sends (ccxt stored them as strings): the same events', () => {
    const numeric = rows.map((r) => ({ ...r, size: Number(r.size), time: Number(r.time), left: 0 }));
    expect(parseLiqOrders(numeric, gateContext)).toEqual(parseLiqOrders(rows, gateContext));
  });

  it('a negative size is a short; the maker part (left) is not counted; an empty fill or unknown contract is rejected', () => {
    const base = rows[0]!;
    const short = parseLiqOrders([{ ...base, size: '-40', left: '-10' }], gateContext).events[0]!;
    expect(short.side).toBe('short');
    expect(short.quantity).toBeCloseTo(30 * Number(gateMultiplier), 12);
    expect(parseLiqOrders([{ ...base, size: '5', left: '5' }], gateContext)).toEqual({ events: [], rejected: 1 });
    expect(parseLiqOrders([{ ...base, fill_price: '0' }], gateContext)).toEqual({ events: [], rejected: 1 });
    expect(parseLiqOrders(rows, noContracts)).toEqual({ events: [], rejected: 2 });
    expect(parseLiqOrders([{ ...base, contract: 'BTC_USD' }], gateContext).rejected).toBe(1);
  });

  it('hostile rows are counted as rejected one by one; a body that is not a list throws (nothing stored)', () => {
    const junk = [
      null,
      'x',
      { contract: 'BTC_USDT', size: 'NaN', fill_price: '1', time: '1' },
      { ...rows[0], time: { $gt: 0 } },
      { ...rows[0], size: '1e999' },
    ];
    expect(parseLiqOrders([...junk, rows[0]], gateContext)).toMatchObject({ rejected: junk.length });
    expect(parseLiqOrders([...junk, rows[0]], gateContext).events).toHaveLength(1);
    for (const body of [{ label: 'INVALID_PARAM_VALUE', message: 'x' }, '<html>', null, {}])
      expect(() => gateEndpoint('BTC_USDT', undefined, NOW).parse(body, gateContext)).toThrow();
    expect(() => gateEndpoint('BTC_USDT', undefined, NOW).parse(Array(PAGE_LIMIT + 1).fill(rows[0]), gateContext)).toThrow();
  });

  it("asks one window of at most Gate's 3600 s, `to` in seconds; the next page starts at a full page's oldest row, else at the window's start", () => {
    const first = new URL(gateEndpoint('BTC_USDT', undefined, NOW).request.url);
    expect(first.origin + first.pathname).toBe('https://api.gateio.ws/api/v4/futures/usdt/liq_orders');
    const to = Math.floor(NOW / 1000);
    expect(Object.fromEntries(first.searchParams)).toEqual({ contract: 'BTC_USDT', from: String(to - WINDOW_S), to: String(to), limit: String(PAGE_LIMIT) });
    const next = new URL(gateEndpoint('BTC_USDT', 1700267258000, NOW).request.url);
    expect(Number(next.searchParams.get('to')) - Number(next.searchParams.get('from'))).toBeLessThanOrEqual(3600);
    expect(next.searchParams.get('to')).toBe('1700267258');
    // Two rows: not a full page, so the hour is done and the next page is the hour before.
    expect(gateEndpoint('BTC_USDT', 1700267300000, NOW).parse(rows, gateContext).next).toBe((1700267300 - WINDOW_S) * 1000);
    // A full page: the next one ends at its oldest row (that second again: repeats count once).
    const full = Array.from({ length: PAGE_LIMIT }, (_, i) => ({ ...rows[0], size: String(i + 1), time: String(1700267258 - i) }));
    expect(gateEndpoint('BTC_USDT', 1700267300000, NOW).parse(full, gateContext).next).toBe((1700267258 - PAGE_LIMIT + 1) * 1000);
    // An empty hour is not the end of the history.
    expect(gateEndpoint('BTC_USDT', 1700267300000, NOW).parse([], gateContext)).toEqual({ events: [], rejected: 0, next: (1700267300 - WINDOW_S) * 1000 });
    expect(gateEndpoint('BTC_USDT', undefined, NOW).source).toBe('gate:liq_orders');
  });

  it('counts the liquidation order (order_size), not the whole position, when Gate sends it', () => {
    const base = rows[0]!;
    const partial = parseLiqOrders([{ ...base, size: '300', order_size: '-120', left: '20' }], gateContext).events[0]!;
    expect(partial.side).toBe('long');
    expect(partial.quantity).toBeCloseTo(100 * Number(gateMultiplier), 12);
  });

  it('contract values come from the USDT contracts list', () => {
    const list = fixture('gate/contracts_usdt.from-docs.json');
    expect(gateContracts().parse(list, noContracts).BTC_USDT).toEqual({ ctVal: Number(gateMultiplier), inverse: false });
    expect(() => gateContracts().parse({ label: 'x' }, noContracts)).toThrow();
  });
});

describe('HTX v3 swap_liquidation_orders (from docs)', () => {
  const body = fixture(HTX_DOCS) as { data: { created_at: number; trade_turnover: number; amount: number; price: number }[] };
  const END = body.data[0]!.created_at + 1000;

  it('reads the USDT-margined swap rows (close and one-way "both"), rejects the delivery contract', () => {
    const page = htxEndpoint('BTC-USDT', END, END).parse(body, noContracts);
    expect(page.rejected).toBe(1);
    expect(page.events).toEqual(
      body.data.slice(0, 3).map((r, i) => ({
        venue: 'htx',
        symbol: 'BTC/USDT:USDT',
        side: ['long', 'short', 'long'][i],
        price: r.price,
        quantity: r.amount,
        usd: r.trade_turnover,
        time: r.created_at,
      })),
    );
  });

  it('gives each order the id its stream push gives it (a backfill overlapping the stream counts once)', () => {
    const rest = htxEndpoint('BTC-USDT', END, END).parse(body, noContracts).events;
    const push = parseLiquidationNotify(
      JSON.stringify({ op: 'notify', topic: 'public.BTC-USDT.liquidation_orders', ts: END, data: body.data.slice(0, 3) }),
    ).events;
    expect(rest.map(liquidationId)).toEqual(push.map(liquidationId));
  });

  it('asks for one documented 2-hour window ending at `olderThan` (else now), newest first', () => {
    const u = new URL(htxEndpoint('BTC-USDT', undefined, END).request.url);
    expect(u.origin + u.pathname).toBe('https://api.hbdm.com/linear-swap-api/v3/swap_liquidation_orders');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      contract: 'BTC-USDT',
      trade_type: '0',
      start_time: String(END - WINDOW_MS),
      end_time: String(END),
      direct: 'prev',
    });
    expect(new URL(htxEndpoint('BTC-USDT', 5_000_000_000, END).request.url).searchParams.get('end_time')).toBe('5000000000');
  });

  it('cursor: the oldest row read, or the window start when the window held nothing older', () => {
    const ep = htxEndpoint('BTC-USDT', END, END);
    expect(ep.parse(body, noContracts).next).toBe(Math.min(...body.data.map((r) => r.created_at)));
    expect(ep.parse({ code: 200, msg: '', data: [], ts: END }, noContracts).next).toBe(END - WINDOW_MS);
    // Only the boundary row again (end_time is inclusive): nothing older, so on to the previous window.
    const boundary = { ...body.data[0], created_at: END };
    expect(ep.parse({ code: 200, data: [boundary] }, noContracts).next).toBe(END - WINDOW_MS);
  });

  it('hostile input: bad rows are rejected one by one; a body without data[] throws (nothing stored)', () => {
    const ep = htxEndpoint('BTC-USDT', END, END);
    const junk = [null, 7, { ...body.data[0], price: '<b>' }, { ...body.data[0], created_at: '1638593647864' }, { ...body.data[0], direction: 'x'.repeat(50) }];
    const page = ep.parse({ code: 200, data: [...junk, body.data[0]] }, noContracts);
    expect(page.events).toHaveLength(1);
    expect(page.rejected).toBe(junk.length);
    for (const bad of ['<html>busy</html>', null, { status: 'error', 'err-code': 1032, 'err-msg': 'too many' }, { code: 200, data: {} }])
      expect(() => ep.parse(bad, noContracts)).toThrow();
  });
});
