import { requestKey, type RequestSpec } from './request';
import type { Clock } from './clock';
import { HostBuckets, QueueFull, type HostLimit } from './rate-limit';
import { SourceError, exchangeErrorOf, type ErrorEnvelope } from './errors';
import { SchemaError, type Schema } from '../messages/schema';

/** The part of the Fetch API the fetcher uses, so tests can pass a fake. */
export interface ResponseLike {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** The body as a stream, when the platform gives one: read with a cap instead of text(). */
  body?: ReadableStream<Uint8Array> | null;
}
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect?: 'error' | 'follow' },
) => Promise<ResponseLike>;

/** No public or vendor answer LiqLens reads comes near this; a larger one is refused, not parsed. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

class TooLarge extends Error {}

/** The body as text, refusing more than `cap` bytes: the stream is cancelled at the cap, never read to its end. */
export async function readCapped(response: ResponseLike, cap: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > cap) throw new TooLarge();
  const stream = response.body;
  if (!stream || typeof stream.getReader !== 'function') {
    const text = await response.text();
    if (text.length > cap) throw new TooLarge();
    return text;
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      void reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export interface FetchOptions {
  /** Label for errors and status, e.g. "binance:premiumIndex". */
  source: string;
  /** Extra headers (vendor keys). Never copied into errors. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface FetcherDeps {
  fetch: FetchLike;
  clock: Clock;
  /** Request budget per host (a host not listed gets DEFAULT_HOST_LIMIT). */
  limits?: Record<string, HostLimit>;
  /** The error envelope of the venue that owns a host; others are read with any known envelope. */
  errorEnvelopeFor?: (host: string) => ErrorEnvelope | undefined;
  /** True when the browser says it is offline (navigator.onLine === false). */
  isOffline?: () => boolean;
  defaultTimeoutMs?: number;
  /** Largest body read, in bytes (default MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

const DEFAULT_BACKOFF_MS = { 429: 60_000, 418: 120_000, 403: 600_000 } as const;

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3 * 24 * 3600_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * Executes RequestSpecs for the background: per-host token buckets, a timeout per request,
 * back-off after 429/418 (honouring Retry-After), one request in flight per resource key,
 * and every failure turned into a SourceError that says what went wrong.
 */
export function createFetcher(deps: FetcherDeps) {
  const buckets = new HostBuckets(deps.clock, deps.limits ?? {});
  const blockedUntil = new Map<string, number>();
  const inFlight = new Map<string, Promise<unknown>>();

  async function run(spec: RequestSpec, options: FetchOptions): Promise<unknown> {
    const { source } = options;
    let url: URL;
    try {
      url = new URL(spec.url);
    } catch {
      throw new SourceError('http', source, `${source}: invalid request URL.`);
    }
    if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
      throw new SourceError('http', source, `${source}: refusing a non-HTTPS request.`);
    }
    const host = url.hostname;
    const until = blockedUntil.get(host) ?? 0;
    if (deps.clock.now() < until) {
      const wait = until - deps.clock.now();
      throw new SourceError('rate-limited', source, `${source}: ${host} asked us to slow down; retrying in ${Math.ceil(wait / 1000)} s.`, {
        retryAfterMs: wait,
      });
    }
    if (deps.isOffline?.()) throw new SourceError('offline', source, `${source}: the browser is offline.`);
    try {
      await buckets.take(host);
    } catch (error) {
      if (!(error instanceof QueueFull)) throw error;
      throw new SourceError(
        'rate-limited',
        source,
        `${source}: ${error.waiting} requests are already waiting for ${host}; this one was refused rather than queued (something asks faster than ${host} allows).`,
      );
    }

    const controller = new AbortController();
    const timeoutMs = options.timeoutMs ?? deps.defaultTimeoutMs ?? 10_000;
    const maxBytes = deps.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    let timedOut = false;
    const timer = deps.clock.sleep(timeoutMs).then(() => {
      timedOut = true;
      controller.abort();
    });
    void timer;
    let response: ResponseLike;
    let body: string;
    try {
      response = await deps.fetch(spec.url, {
        method: spec.method ?? 'GET',
        headers: { Accept: 'application/json', ...(spec.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        // A request carrying a key goes to the vendor's own host or nowhere: a redirect could hand
        // the header to another host (fetch keeps custom headers across origins).
        ...(options.headers && Object.keys(options.headers).length > 0 ? { redirect: 'error' as const } : {}),
        signal: controller.signal,
      });
      body = await readCapped(response, maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) {
        throw new SourceError('http', source, `${source}: ${host} sent more than ${Math.round(maxBytes / 1024 / 1024)} MB; the answer was not read.`, {
          status: response!.status,
        });
      }
      if (timedOut) throw new SourceError('timeout', source, `${source}: no answer from ${host} within ${Math.round(timeoutMs / 1000)} s.`);
      if (deps.isOffline?.()) throw new SourceError('offline', source, `${source}: the browser is offline.`);
      const reason = error instanceof Error ? error.name : 'network error';
      throw new SourceError('offline', source, `${source}: ${host} could not be reached (${reason}).`);
    } finally {
      // Cancels nothing once the body is read; stops a hung body stream otherwise.
      controller.abort();
    }
    if (timedOut) throw new SourceError('timeout', source, `${source}: no answer from ${host} within ${Math.round(timeoutMs / 1000)} s.`);
    return interpret(response, body, host, source);
  }

  function interpret(response: ResponseLike, body: string, host: string, source: string): unknown {
    const status = response.status;
    const now = deps.clock.now();
    let json: unknown;
    let jsonOk = false;
    try {
      json = JSON.parse(body);
      jsonOk = true;
    } catch {
      /* judged below */
    }
    const venueError = jsonOk ? (deps.errorEnvelopeFor?.(host) ?? exchangeErrorOf)(json) : null;
    const codeNote = venueError ? ` (${venueError.code}: ${venueError.message})` : '';
    if (status === 429 || status === 418 || (status === 403 && /too frequent/i.test(body))) {
      const wait = retryAfterMs(response.headers.get('Retry-After'), now) ?? DEFAULT_BACKOFF_MS[status as 429 | 418 | 403] ?? 60_000;
      blockedUntil.set(host, now + wait);
      const kind = status === 429 ? 'rate-limited' : 'banned';
      const what = status === 418 ? 'has banned this IP for now' : 'is rate-limiting us';
      throw new SourceError(kind, source, `${source}: ${host} ${what}${codeNote}; retrying in ${Math.ceil(wait / 1000)} s.`, {
        status,
        retryAfterMs: wait,
        ...(venueError ? { code: venueError.code } : {}),
      });
    }
    if (!jsonOk) {
      const looksHtml = /^\s*</.test(body);
      if (looksHtml)
        throw new SourceError(
          'html-page',
          source,
          `${source}: ${host} answered with a web page (HTTP ${status}) instead of data; it may be down or blocking this region.`,
          { status },
        );
      if (status < 200 || status >= 300) throw new SourceError('http', source, `${source}: ${host} answered HTTP ${status}.`, { status });
      throw new SourceError('malformed-json', source, `${source}: ${host} sent data that is not valid JSON.`, { status });
    }
    if (status < 200 || status >= 300 || venueError) {
      const what = venueError ? `the exchange says ${venueError.code}: ${venueError.message}` : `HTTP ${status}`;
      throw new SourceError('http', source, `${source}: ${what}.`, { status, ...(venueError ? { code: venueError.code } : {}) });
    }
    return json;
  }

  /** Raw JSON (already checked for transport and exchange-envelope errors). */
  function json(spec: RequestSpec, options: FetchOptions): Promise<unknown> {
    const key = requestKey(spec);
    const existing = inFlight.get(key);
    if (existing) return existing;
    const promise = run(spec, options).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  /** JSON parsed by a schema or parser; a mismatch becomes a 'schema' SourceError. */
  async function get<T>(spec: RequestSpec, parse: Schema<T> | ((json: unknown) => T), options: FetchOptions): Promise<T> {
    const data = await json(spec, options);
    try {
      return (parse as (v: unknown, p: string) => T)(data, '');
    } catch (error) {
      if (error instanceof SchemaError) throw new SourceError('schema', options.source, `${options.source}: unexpected data (${error.message}).`);
      if (error instanceof SourceError) throw error;
      throw new SourceError('schema', options.source, `${options.source}: unexpected data (${error instanceof Error ? error.message : 'unreadable'}).`);
    }
  }

  return { json, get, blockedUntil: (host: string) => blockedUntil.get(host) ?? 0 };
}

export type Fetcher = ReturnType<typeof createFetcher>;
