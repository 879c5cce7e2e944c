import { describe, expect, it } from 'vitest';
import { createFetcher, retryAfterMs } from '@/core/net/fetcher';
import { SourceError, exchangeErrorOf } from '@/core/net/errors';
import { num, object } from '@/core/messages/schema';
import { FakeClock, fakeFetch, flush, hangingFetch, json, response } from './fakes';

const URL_A = 'https://fapi.binance.com/fapi/v1/premiumIndex?symbol=BTCUSDT';
const src = { source: 'binance:premiumIndex' };

async function failure(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return e as SourceError;
  }
  throw new Error('expected a failure');
}

describe('fetcher faults', () => {
  it('turns an exchange error body into its own code and message', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({ [URL_A]: json({ code: -1121, msg: 'Invalid symbol.' }, 400) });
    const err = await failure(createFetcher({ fetch, clock }).json({ url: URL_A }, src));
    expect(err.kind).toBe('http');
    expect(err.message).toContain('-1121: Invalid symbol.');
    expect(err.details.status).toBe(400);
  });

  it('treats an error envelope inside HTTP 200 as an error (OKX, Bybit)', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({
      'https://www.okx.com/': json({ code: '51001', msg: "Instrument ID doesn't exist.", data: [] }),
      'https://api.bybit.com/': json({ retCode: 10001, retMsg: 'params error: symbol invalid', result: {} }),
    });
    const f = createFetcher({ fetch, clock });
    expect((await failure(f.json({ url: 'https://www.okx.com/api/v5/public/mark-price?instId=X' }, src))).message).toContain('51001');
    expect((await failure(f.json({ url: 'https://api.bybit.com/v5/market/tickers?symbol=X' }, src))).message).toContain('10001');
  });

  it('backs off after a 429 for as long as Retry-After says, without calling the host again', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = fakeFetch({ [URL_A]: json({ code: -1003, msg: 'Too many requests' }, 429, { 'Retry-After': '30' }) });
    const f = createFetcher({ fetch, clock });
    const first = await failure(f.json({ url: URL_A }, src));
    expect(first.kind).toBe('rate-limited');
    expect(first.details.retryAfterMs).toBe(30_000);
    const second = await failure(f.json({ url: URL_A }, src));
    expect(second.kind).toBe('rate-limited');
    expect(calls).toHaveLength(1);
    await clock.advance(30_001);
    await failure(f.json({ url: URL_A }, src));
    expect(calls).toHaveLength(2);
  });

  it('treats 418 as a ban with a longer default back-off', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({ [URL_A]: response(418, '') });
    const err = await failure(createFetcher({ fetch, clock }).json({ url: URL_A }, src));
    expect(err.kind).toBe('banned');
    expect(err.details.retryAfterMs).toBe(120_000);
  });

  it('times out a hung request with AbortController', async () => {
    const clock = new FakeClock();
    const f = createFetcher({ fetch: hangingFetch, clock, defaultTimeoutMs: 5000 });
    const p = failure(f.json({ url: URL_A }, src));
    await clock.advance(5000);
    const err = await p;
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('5 s');
  });

  it('reports offline when fetch itself fails', async () => {
    const clock = new FakeClock();
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await failure(createFetcher({ fetch, clock }).json({ url: URL_A }, src))).kind).toBe('offline');
    expect((await failure(createFetcher({ fetch, clock, isOffline: () => true }).json({ url: URL_A }, src))).message).toContain('offline');
  });

  it('says malformed JSON and HTML error pages apart', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({
      'https://fapi.binance.com/a': response(200, '{"markPrice": "9395'),
      'https://fapi.binance.com/b': response(502, '<!DOCTYPE html><html><body>Bad gateway</body></html>'),
    });
    const f = createFetcher({ fetch, clock });
    expect((await failure(f.json({ url: 'https://fapi.binance.com/a' }, src))).kind).toBe('malformed-json');
    const html = await failure(f.json({ url: 'https://fapi.binance.com/b' }, src));
    expect(html.kind).toBe('html-page');
    expect(html.message).toContain('HTTP 502');
  });

  it('reports a schema mismatch with the offending path', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({ [URL_A]: json({ markPrice: 'NaN' }) });
    const err = await failure(createFetcher({ fetch, clock }).get({ url: URL_A }, object({ markPrice: num() }), src));
    expect(err.kind).toBe('schema');
    expect(err.message).toContain('markPrice');
  });

  it('keeps one request in flight per resource key', async () => {
    const clock = new FakeClock();
    let resolve!: (r: ReturnType<typeof json>) => void;
    const { fetch, calls } = fakeFetch({ [URL_A]: () => (calls.length === 1 ? new Promise((r) => (resolve = r)) : json({ markPrice: '2' })) });
    const f = createFetcher({ fetch, clock });
    const a = f.json({ url: URL_A }, src);
    const b = f.json({ url: URL_A }, src);
    await flush();
    resolve(json({ markPrice: '1' }));
    expect(await a).toEqual(await b);
    expect(calls).toHaveLength(1);
    await f.json({ url: URL_A }, src);
    expect(calls).toHaveLength(2);
  });

  it('spaces requests to one host by its token bucket', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = fakeFetch({ 'https://x.example/': json({}) });
    const f = createFetcher({ fetch, clock, limits: { 'x.example': { capacity: 2, perSecond: 1 } } });
    const all = [1, 2, 3, 4].map((i) => f.json({ url: `https://x.example/${i}` }, src));
    await flush();
    expect(calls).toHaveLength(2);
    await clock.advance(1000);
    expect(calls).toHaveLength(3);
    await clock.advance(1000);
    expect(calls).toHaveLength(4);
    await Promise.all(all);
  });

  it('never puts request headers (keys) into error messages', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch({ 'https://api.coinalyze.net/': json({ message: 'bad key' }, 401) });
    const err = await failure(
      createFetcher({ fetch, clock }).json({ url: 'https://api.coinalyze.net/v1/exchanges' }, { source: 'coinalyze', headers: { api_key: 'SECRET123' } }),
    );
    expect(err.message).not.toContain('SECRET123');
  });

  it('refuses plain http', async () => {
    const clock = new FakeClock();
    const { fetch, calls } = fakeFetch({});
    await failure(createFetcher({ fetch, clock }).json({ url: 'http://fapi.binance.com/x' }, src));
    expect(calls).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('parses Retry-After seconds and dates', () => {
    expect(retryAfterMs('12', 0)).toBe(12_000);
    expect(retryAfterMs('Wed, 22 Oct 2025 09:37:00 GMT', Date.UTC(2025, 9, 22, 9, 36))).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
  it('recognises each venue error envelope and leaves success alone', () => {
    expect(exchangeErrorOf({ status: 'error', 'err-code': 'bad-request', 'err-msg': 'invalid contract' })?.code).toBe('bad-request');
    expect(exchangeErrorOf({ label: 'INVALID_PARAM_VALUE', message: 'invalid contract' })?.code).toBe('INVALID_PARAM_VALUE');
    expect(exchangeErrorOf({ success: false, code: 1001, message: 'contract not exist' })?.code).toBe('1001');
    expect(exchangeErrorOf({ code: '401', msg: 'API key missing.' })?.code).toBe('401');
    expect(exchangeErrorOf({ code: '0', msg: 'success', data: [] })).toBeNull();
    expect(exchangeErrorOf({ code: '00000', msg: 'success', data: [] })).toBeNull();
    // Binance's public bapi answers success as code "000000" with no success flag (2026-08-02 capture).
    expect(exchangeErrorOf({ code: '000000', message: null, data: [] })).toBeNull();
    expect(exchangeErrorOf({ code: '100001', message: 'system busy' })?.code).toBe('100001');
    expect(exchangeErrorOf({ retCode: 0, retMsg: 'OK' })).toBeNull();
    expect(exchangeErrorOf({ success: true, code: 0, data: {} })).toBeNull();
    expect(exchangeErrorOf([1, 2])).toBeNull();
  });
});

describe('response size cap and keyed requests (issue #16)', () => {
  const MB = 1024 * 1024;
  /** A body stream of `chunks` 1 MB chunks of JSON-ish text, counting how many were pulled. */
  function streamed(chunks: number) {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode('['.padEnd(MB, ' '));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= chunks) return controller.close();
        pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    return { res: { ...response(200, ''), body }, pulled: () => pulled, cancelled: () => cancelled };
  }

  it('refuses a streamed body over the cap, stopping the stream at the cap', async () => {
    const big = streamed(100);
    const { fetch } = fakeFetch({ [URL_A]: big.res });
    const err = await failure(createFetcher({ fetch, clock: new FakeClock() }).json({ url: URL_A }, src));
    expect(err.kind).toBe('http');
    expect(err.message).toContain('more than 8 MB');
    expect(big.pulled()).toBeLessThanOrEqual(10);
    expect(big.cancelled()).toBe(true);
  });

  it('refuses a declared Content-Length over the cap, and a text body over it', async () => {
    const { fetch } = fakeFetch({
      'https://a.example/': response(200, '{}', { 'Content-Length': String(9 * MB) }),
      'https://b.example/': response(200, `[${'0,'.repeat(4.5 * MB)}0]`),
    });
    const f = createFetcher({ fetch, clock: new FakeClock() });
    expect((await failure(f.json({ url: 'https://a.example/x' }, src))).message).toContain('more than 8 MB');
    expect((await failure(f.json({ url: 'https://b.example/x' }, src))).message).toContain('more than 8 MB');
  });

  it('reads a streamed body under the cap', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"markPrice":"9'));
        c.enqueue(new TextEncoder().encode('3951.8"}'));
        c.close();
      },
    });
    const { fetch } = fakeFetch({ [URL_A]: { ...response(200, 'unused'), body } });
    expect(await createFetcher({ fetch, clock: new FakeClock() }).json({ url: URL_A }, src)).toEqual({ markPrice: '93951.8' });
  });

  it('sends a request carrying a key with redirect: "error", and others without', async () => {
    const { fetch, calls } = fakeFetch({ 'https://open-api-v4.coinglass.com/': json({ code: '0', data: [] }), [URL_A]: json({}) });
    const f = createFetcher({ fetch, clock: new FakeClock() });
    await f.json({ url: 'https://open-api-v4.coinglass.com/api/x' }, { source: 'coinglass:x', headers: { 'CG-API-KEY': 'k' } });
    await f.json({ url: URL_A }, src);
    expect(calls[0]!.init.redirect).toBe('error');
    expect(calls[1]!.init.redirect).toBeUndefined();
  });
});
