import type { Clock } from './clock';

/** Requests allowed per host: a burst of `capacity`, refilled at `perSecond`. */
export interface HostLimit {
  capacity: number;
  perSecond: number;
}

/**
 * Limits from each venue's docs, kept well under the published ceiling because one IP may run
 * several LiqLens browsers. Binance: 2400 weight/min and 1000 req/5 min for /futures/data;
 * OKX: 10–40 req/2 s per endpoint; Bybit: 600/5 s; HTX: 240/3 s; Bitget: 20/s per endpoint;
 * Hyperliquid: 1200 weight/min with most info requests weighing 20 (so ~60/min);
 * CoinGlass Hobbyist 30/min; Coinalyze 40/min per key.
 */
export const HOST_LIMITS: Record<string, HostLimit> = {
  'fapi.binance.com': { capacity: 10, perSecond: 3 },
  'dapi.binance.com': { capacity: 10, perSecond: 3 },
  'www.okx.com': { capacity: 5, perSecond: 2 },
  'api.bybit.com': { capacity: 10, perSecond: 5 },
  'api.hbdm.com': { capacity: 10, perSecond: 5 },
  'api.bitget.com': { capacity: 10, perSecond: 5 },
  'api.gateio.ws': { capacity: 10, perSecond: 5 },
  'contract.mexc.com': { capacity: 10, perSecond: 5 },
  'api.hyperliquid.xyz': { capacity: 5, perSecond: 0.8 },
  'open-api-v4.coinglass.com': { capacity: 3, perSecond: 0.4 },
  'api.coinalyze.net': { capacity: 3, perSecond: 0.6 },
};

export const DEFAULT_HOST_LIMIT: HostLimit = { capacity: 5, perSecond: 1 };

/** A token bucket per host; `take` waits (on the injected clock) until a token is free. */
export class HostBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number; queue: Promise<void> }>();

  constructor(private readonly clock: Clock, private readonly limits: Record<string, HostLimit> = HOST_LIMITS) {}

  limitFor(host: string): HostLimit {
    return this.limits[host] ?? DEFAULT_HOST_LIMIT;
  }

  /** Serialised per host so waiting callers are served in order. */
  take(host: string): Promise<void> {
    const limit = this.limitFor(host);
    let bucket = this.buckets.get(host);
    if (!bucket) {
      bucket = { tokens: limit.capacity, at: this.clock.now(), queue: Promise.resolve() };
      this.buckets.set(host, bucket);
    }
    const b = bucket;
    const turn = b.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        b.tokens = Math.min(limit.capacity, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
        b.at = now;
        if (b.tokens >= 1) {
          b.tokens -= 1;
          return;
        }
        await this.clock.sleep(Math.ceil(((1 - b.tokens) / limit.perSecond) * 1000));
      }
    });
    b.queue = turn.catch(() => undefined);
    return turn;
  }
}
