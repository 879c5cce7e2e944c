import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { VenueId } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import { MARKET_DATA, LIQUIDATION_HISTORIES, LIQUIDATION_STREAMS } from '@/core/service/venues';
import { TIER_SOURCES } from '@/core/liquidation/tier-sources';
import { TierTableError } from '@/core/liquidation/tier-source';
import { SchemaError } from '@/core/messages/schema';
import { SourceError } from '@/core/net/errors';
import { UnsupportedMarket, type Endpoint } from '@/core/net/market-data';
import type { StreamContext } from '@/core/realized/stream-types';
import { anyJson, checkParser, fixtures, mutate, mutation, RUNS } from './helpers';
import { forceOrderMessage, recordedForceOrders } from '../realized/helpers';

// Issue #16, finding 7: exchange parsers against random JSON and mutated recordings. A parser may
// refuse (its documented error types) but never crash otherwise, and never hand on NaN, Infinity
// or a negative price or size.
const MARKET_ERRORS = [SchemaError, SourceError, UnsupportedMarket] as const;
const symbolFor = (venue: VenueId) => (venue === 'hyperliquid' ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT');
const NOW = Date.UTC(2026, 0, 1);

function endpoints(venue: VenueId): [string, Endpoint<unknown>][] {
  const md = MARKET_DATA[venue];
  const s = symbolFor(venue);
  const out: [string, () => Endpoint<unknown> | undefined][] = [
    ['mark', () => md.mark(s)],
    ['instrument', () => md.instrument(s)],
    ['markets', () => md.markets()],
    ['klines', () => md.klines?.(s, '1h', 50, NOW)],
    ['openInterestHistory', () => md.openInterestHistory?.(s, '1h', 50)],
    ['takerBuyVolume', () => md.takerBuyVolume?.(s, '1h', 50)],
  ];
  return out.flatMap(([name, make]) => {
    const e = make();
    return e ? [[name, e] as [string, Endpoint<unknown>]] : [];
  });
}

const recordedFor = (venue: VenueId) => [...fixtures('api', new RegExp(`^${venue}/`)), ...fixtures('tiers', new RegExp(`^${venue}`))];

describe.each(VENUE_IDS)('%s parsers', (venue) => {
  const recorded = recordedFor(venue);

  it.each(endpoints(venue))('market data %s: random JSON and mutated recordings', (_name, endpoint) => {
    fc.assert(
      fc.property(anyJson, (json) => checkParser(() => endpoint.parse(json), MARKET_ERRORS)),
      { numRuns: RUNS },
    );
    if (recorded.length === 0) return;
    fc.assert(
      fc.property(fc.nat(recorded.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) =>
        checkParser(() => endpoint.parse(mutate(recorded[i]!.json, edits)), MARKET_ERRORS),
      ),
      { numRuns: RUNS },
    );
  });

  it('tiers: random JSON and mutated recordings throw only TierTableError', () => {
    const source = TIER_SOURCES[venue];
    const onlyLastOpen = (out: unknown) => {
      const tiers = (out as { tiers: { cap: number }[] }).tiers;
      if (tiers.slice(0, -1).some((t) => !Number.isFinite(t.cap))) throw new Error(`an open-ended tier before the last: ${JSON.stringify(tiers)}`);
    };
    const market = { venue, symbol: symbolFor(venue) };
    fc.assert(
      fc.property(anyJson, (json) => checkParser(() => source.parse(json, market, NOW), [TierTableError], onlyLastOpen)),
      { numRuns: RUNS },
    );
    if (recorded.length === 0) return;
    fc.assert(
      fc.property(fc.nat(recorded.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) =>
        checkParser(() => source.parse(mutate(recorded[i]!.json, edits), market, NOW), [TierTableError], onlyLastOpen),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('overflowing products (found by this fuzz pass)', () => {
  it('a size × price beyond the double range is rejected, not reported as an Infinity USD liquidation', () => {
    // JSON numbers (schemas accept them as well as strings) whose product overflows.
    const bybit = { topic: 'allLiquidation.BTCUSDT', type: 'snapshot', ts: 1, data: [{ T: 1, s: 'BTCUSDT', S: 'Buy', v: 1e300, p: 1e10 }] };
    const bybitOk = { ...bybit, data: [{ ...bybit.data[0]!, v: 0.5, p: 84_000 }] };
    expect(LIQUIDATION_STREAMS.bybit!.parse(JSON.stringify(bybitOk), context).events).toHaveLength(1);
    expect(LIQUIDATION_STREAMS.bybit!.parse(JSON.stringify(bybit), context).events).toEqual([]);
    const okx = {
      arg: { channel: 'liquidation-orders', instType: 'SWAP' },
      data: [{ instId: 'BTC-USDT-SWAP', details: [{ bkPx: 1e300, sz: 1e300, posSide: 'long', side: 'sell', ts: 1 }] }],
    };
    const okxOk = { ...okx, data: [{ ...okx.data[0]!, details: [{ ...okx.data[0]!.details[0]!, bkPx: 84_000, sz: 2 }] }] };
    expect(LIQUIDATION_STREAMS.okx!.parse(JSON.stringify(okxOk), context).events).toHaveLength(1);
    expect(LIQUIDATION_STREAMS.okx!.parse(JSON.stringify(okx), context).events).toEqual([]);
  });
});

/** Recorded stream messages per venue, one JSON text each. */
function streamMessages(venue: VenueId): unknown[] {
  if (venue === 'binance')
    return recordedForceOrders()
      .slice(0, 20)
      .map((r) => JSON.parse(forceOrderMessage(r)) as unknown);
  const file = fixtures('api', new RegExp(`^streams/${venue}_`))[0];
  return file ? (Array.isArray(file.json) ? file.json : [file.json]) : [];
}

const context: StreamContext = {
  contract: (id) => (id.startsWith('BTC') ? { ctVal: 0.01, inverse: false } : id.includes('USD-') ? { ctVal: 100, inverse: true } : undefined),
};

describe.each(Object.keys(LIQUIDATION_STREAMS) as VenueId[])('%s liquidation stream', (venue) => {
  const stream = LIQUIDATION_STREAMS[venue]!;
  const recorded = streamMessages(venue);
  it('never throws on random or mutated messages, and yields only positive, finite events', () => {
    const check = (text: string) =>
      checkParser(() => {
        const { events, rejected } = stream.parse(text, context);
        for (const e of events)
          if (!(e.price > 0 && e.quantity >= 0 && e.usd > 0 && Number.isFinite(e.time))) throw new Error(`bad event ${JSON.stringify(e)}`);
        return { events, rejected };
      }, []);
    fc.assert(
      fc.property(
        fc.oneof(
          anyJson.map((j) => JSON.stringify(j) ?? 'null'),
          fc.string(),
        ),
        check,
      ),
      { numRuns: RUNS },
    );
    if (recorded.length === 0) return;
    fc.assert(
      fc.property(fc.nat(recorded.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) =>
        check(JSON.stringify(mutate(recorded[i], edits)) ?? 'null'),
      ),
      { numRuns: RUNS },
    );
  });
});

describe.each(Object.keys(LIQUIDATION_HISTORIES) as VenueId[])('%s REST liquidation history', (venue) => {
  const history = LIQUIDATION_HISTORIES[venue]!;
  const ep = history.endpoint(history.families[0]!, NOW - 60_000, NOW);
  const name = ep.source.split(':')[1]!;
  const recorded = fixtures('api', new RegExp(`^${venue}/${name}`)).map((f) => f.json);
  // Contract values for the families' own names too (Gate's BTC_USDT), so mutated rows reach the arithmetic.
  const ctx: StreamContext = { contract: (id) => context.contract(id) ?? (id.startsWith('ETH') ? { ctVal: 0.01, inverse: false } : undefined) };
  const check = (json: unknown) =>
    checkParser(
      () => ep.parse(json, ctx),
      [SchemaError],
      (page) => {
        const { events, next } = page as { events: { price: number; quantity: number; usd: number; time: number }[]; next?: number };
        for (const e of events)
          if (!(e.price > 0 && e.quantity > 0 && e.usd > 0 && Number.isFinite(e.usd) && Number.isFinite(e.time)))
            throw new Error(`bad event ${JSON.stringify(e)}`);
        if (next !== undefined && !(Number.isFinite(next) && next < NOW)) throw new Error(`a cursor that does not page back: ${next}`);
      },
    );
  it('has a recorded or documented page to mutate', () => expect(recorded.length).toBeGreaterThan(0));
  it('refuses random JSON and mutated pages with a SchemaError or reads them into positive, finite events', () => {
    fc.assert(fc.property(anyJson, check), { numRuns: RUNS });
    fc.assert(
      fc.property(fc.nat(recorded.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) => check(mutate(recorded[i], edits))),
      { numRuns: RUNS },
    );
  });
});
