import type { Clock } from './clock';

/** Requests allowed per host: a burst of `capacity`, refilled at `perSecond`. */
export interface HostLimit {
  capacity: number;
  perSecond: number;
}

/** For a host nobody declared a budget for. Venue hosts are declared in core/venues/<venue>/venue.ts, vendor hosts in core/vendors/hosts.ts. */
export const DEFAULT_HOST_LIMIT: HostLimit = { capacity: 5, perSecond: 1 };

/**
 * Requests that may wait for one host at once. More means something asks faster than the host's
 * budget can ever serve (a page cycling markets): the next one is refused at once, never queued.
 */
export const MAX_QUEUED_PER_HOST = 64;

/** Thrown by `take` when a host's queue is full; the fetcher turns it into a SourceError. */
export class QueueFull extends Error {
  constructor(
    readonly host: string,
    readonly waiting: number,
  ) {
    super(`${waiting} requests are already waiting for ${host}`);
    this.name = 'QueueFull';
  }
}

/** A token bucket per host; `take` waits (on the injected clock) until a token is free. */
export class HostBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number; queue: Promise<void>; waiting: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: Record<string, HostLimit> = {},
    private readonly maxQueued = MAX_QUEUED_PER_HOST,
  ) {}

  limitFor(host: string): HostLimit {
    return this.limits[host] ?? DEFAULT_HOST_LIMIT;
  }

  /** Serialised per host so waiting callers are served in order; refused with QueueFull when `maxQueued` already wait. */
  take(host: string): Promise<void> {
    const limit = this.limitFor(host);
    let bucket = this.buckets.get(host);
    if (!bucket) {
      bucket = { tokens: limit.capacity, at: this.clock.now(), queue: Promise.resolve(), waiting: 0 };
      this.buckets.set(host, bucket);
    }
    const b = bucket;
    if (b.waiting >= this.maxQueued) return Promise.reject(new QueueFull(host, b.waiting));
    b.waiting++;
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
    const done = turn.finally(() => b.waiting--);
    b.queue = done.catch(() => undefined);
    return done;
  }
}
