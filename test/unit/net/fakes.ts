import type { Clock, Timers } from '@/core/net/clock';
import type { FetchLike, ResponseLike } from '@/core/net/fetcher';

/** A clock whose time moves only when the test says so. */
export class FakeClock implements Clock, Timers {
  time: number;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void; every?: number }>();

  constructor(start = Date.UTC(2025, 9, 22, 9, 36)) {
    this.time = start;
  }
  now = () => this.time;
  sleep = (ms: number) => new Promise<void>((resolve) => void this.setTimeout(resolve, ms));
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  };
  clearTimeout = (h: unknown) => void this.pending.delete(h as number);
  setInterval = (fn: () => void, ms: number) => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.time + ms, fn, every: ms });
    return id;
  };
  clearInterval = (h: unknown) => void this.pending.delete(h as number);
  get pendingCount() {
    return this.pending.size;
  }
  /** Moves time forward, firing due timers in order and letting promises settle between them. */
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      this.time = Math.max(this.time, t.at);
      if (t.every) t.at += t.every;
      else this.pending.delete(id);
      t.fn();
    }
    this.time = end;
    await flush();
  }
}

export async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export function response(status: number, body: string, headers: Record<string, string> = {}): ResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, ok: status >= 200 && status < 300, headers: { get: (n) => lower[n.toLowerCase()] ?? null }, text: async () => body };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => response(status, JSON.stringify(body), headers);

export interface FakeCall {
  url: string;
  init: Parameters<FetchLike>[1];
}

/** A fetch that answers from a route table (URL prefix → response or function) and records calls. */
export function fakeFetch(routes: Record<string, ResponseLike | ((url: string, init: Parameters<FetchLike>[1]) => Promise<ResponseLike> | ResponseLike)>) {
  const calls: FakeCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const route = Object.keys(routes)
      .filter((prefix) => url.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    if (route === undefined) throw new TypeError(`fake fetch: no route for ${url}`);
    const r = routes[route]!;
    return typeof r === 'function' ? r(url, init) : r;
  };
  return { fetch, calls };
}

/** A fetch that never answers until aborted, like a hung server. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
