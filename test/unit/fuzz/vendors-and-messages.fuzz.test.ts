import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SchemaError, safeParse } from '@/core/messages/schema';
import { SourceError } from '@/core/net/errors';
import { COMMANDS, envelopeSchema, marketSchema } from '@/core/messages/protocol';
import { settingsSchema } from '@/core/settings/settings';
import { createTabRouter, parseTabMarket } from '@/core/overlay/tab-messages';

const tabRouter = createTabRouter('liqlens-id', {
  'overlay.toggle': () => ({ visible: true }),
  'market.get': () => ({ market: null }),
  'report.capture': () => null,
  'order.get': () => null,
});
import { aggregatedHeatmap, aggregatedHistory, aggregatedMap, exchangeList, type VendorEndpoint } from '@/core/vendors/coinglass';
import { exchanges, futureMarkets, liquidationHistory } from '@/core/vendors/coinalyze';
import { coinIntervals, liqHeatmap, pairHistory, symbols } from '@/core/vendors/coinank';
import { anyJson, checkParser, fixtures, mutate, mutation, RUNS } from './helpers';

// Issue #16, finding 7: vendor parsers and the message schemas against random and mutated input.

const VENDOR_ENDPOINTS: [string, VendorEndpoint<unknown>, RegExp][] = [
  ['coinglass exchangeList', exchangeList('BTC', '24h'), /^coinglass\//],
  ['coinglass aggregatedHistory', aggregatedHistory('BTC', ['Binance', 'OKX'], '1h', 24), /^coinglass\//],
  ['coinglass aggregatedMap', aggregatedMap('BTC', '1d'), /^coinglass\//],
  ['coinglass aggregatedHeatmap', aggregatedHeatmap('BTC', '3d'), /^coinglass\//],
  ['coinalyze futureMarkets', futureMarkets(), /^coinalyze\//],
  ['coinalyze liquidationHistory', liquidationHistory(['BTCUSDT_PERP.A'], 1_700_000_000, 1_700_086_400), /^coinalyze\//],
  ['coinalyze exchanges', exchanges(), /^coinalyze\//],
  ['coinank coinIntervals', coinIntervals('BTC'), /^coinank\/coin-intervals/],
  ['coinank pairHistory', pairHistory('Binance', 'BTCUSDT', 1_725_972_522_356, 10), /^coinank\/liquidation-history/],
  ['coinank symbols', symbols('Binance'), /^coinank\/symbols/],
  ['coinank liqHeatmap', liqHeatmap('Binance', 'BTCUSDT', '1d'), /^coinank\/(liq-heatmap|error)/],
];

describe.each(VENDOR_ENDPOINTS)('%s', (_name, endpoint, files) => {
  const recorded = fixtures('api', files);
  it('refuses random JSON and mutated recordings with SchemaError or SourceError only, and yields sane numbers', () => {
    fc.assert(
      fc.property(anyJson, (json) => checkParser(() => endpoint.parse(json), [SchemaError, SourceError])),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.nat(recorded.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, edits) =>
        checkParser(() => endpoint.parse(mutate(recorded[i]!.json, edits)), [SchemaError, SourceError]),
      ),
      { numRuns: RUNS },
    );
  });
});

/** A valid payload per command, for mutation. */
const VALID: Record<string, unknown> = {
  ping: {},
  'snapshot.get': { market: { venue: 'binance', symbol: 'BTC/USDT:USDT' } },
  'overlay.open': { market: { venue: 'okx', symbol: 'ETH/USDT:USDT' } },
  'tiers.get': { market: { venue: 'binance', symbol: 'BTC/USDT:USDT' } },
  'instrument.get': { market: { venue: 'gate', symbol: 'BTC/USDT:USDT' } },
  'markets.list': { venue: 'bybit' },
  'settings.get': {},
  'i18n.catalog': { language: 'zh_CN' },
  'overlay.position': { venue: 'binance', x: 10, y: 20 },
  'overlay.formBox': { venue: 'binance', formBox: { viewport: { width: 1600, height: 900 }, box: { x: 1200, y: 200, width: 320, height: 500 } } },
  'vendor.setKey': { vendor: 'coinglass', key: 'abc' },
  'vendor.test': { vendor: 'coinalyze' },
  'sources.status': {},
  'cache.clear': {},
};

const OBJECT_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'market',
  'venue',
  'symbol',
  'x',
  'settings',
  'overlayPositions',
  'binance',
  'vendors',
];
const hostileObject = fc.dictionary(fc.constantFrom(...OBJECT_KEYS), anyJson, { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o)) as unknown);

describe('message schemas', () => {
  it.each(Object.keys(COMMANDS))('%s: random and mutated payloads fail only with SchemaError, and nothing reaches a prototype', (name) => {
    const schema = COMMANDS[name as keyof typeof COMMANDS].request as (v: unknown, p: string) => unknown;
    const check = (payload: unknown) => {
      try {
        const out = schema(payload, 'payload');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        return out;
      } catch (error) {
        if (!(error instanceof SchemaError)) throw error;
        return null;
      }
    };
    fc.assert(
      fc.property(fc.oneof(anyJson, hostileObject), (payload) => void check(payload)),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (edits) => void check(mutate(VALID[name], edits))),
      { numRuns: RUNS },
    );
  });

  it('settings, envelope, market and tab messages take anything without throwing other errors', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, hostileObject), (value) => {
        for (const schema of [settingsSchema, envelopeSchema, marketSchema]) {
          const r = safeParse(schema as (v: unknown, p: string) => unknown, value);
          if (r.ok) expect(Object.getPrototypeOf(r.value)).not.toHaveProperty('polluted');
        }
        const answered = tabRouter(value, { id: 'liqlens-id' });
        expect(answered === undefined || answered instanceof Promise).toBe(true);
        const market = parseTabMarket(value);
        expect(market === null || typeof market.symbol === 'string').toBe(true);
      }),
      { numRuns: 2 * RUNS },
    );
  });
});
