import type { Clock } from './clock';

/** Requests allowed per host: a burst of `capacity`, refilled at `perSecond`. */
export interface HostLimit {
  capacity: number;
  perSecond: number;
}

/** For a host nobody declared a budget for. Venue hosts are declared in core/venues/<venue>/venue.ts, vendor hosts in core/vendors/hosts.ts. */
export const DEFAULT_HOST_LIMIT: HostLimit = { capacity: 5, perSecond: 1 };

/** A token bucket per host; `take` waits (on the injected clock) until a token is free. */
export class HostBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number; queue: Promise<void> }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Record<string, HostLimit> = {},
  ) {}

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
