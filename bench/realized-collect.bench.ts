// Background cost of collecting realized liquidations through a replayed busy hour (issue 14 item 1).
//
// Input: the 73 recorded Binance force orders (test/fixtures/api/streams, BTC and ETH, 13 minutes of
// 2025-10-22) re-sent as an hour of messages at BUSY_PER_SECOND on Binance (cycled, times shifted by
// whole cycles and symbols spread over 20 markets so every order is new), plus Bybit's documented
// allLiquidation pushes and OKX's documented liquidation-orders push at OTHER_PER_SECOND each. Every
// message goes the product's way: the venue's parser, then the realized store (one IndexedDB
// transaction per message, dedup by stable id, minute buckets), coverage marked every 30 s per venue.
//
// IndexedDB here is fake-indexeddb (pure JavaScript in Node), far slower than Chromium's: the CPU
// figure is an upper bound for the store part. CPU is process CPU time (user + system) spent on the
// hour's messages, divided by the hour they stand for.
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import 'fake-indexeddb/auto';
import { createDbHandle } from '../core/cache/db';
import { createRealizedStore } from '../core/realized/realized-store';
import { parseForceOrder } from '../core/venues/binance/streams';
import { parseAllLiquidation } from '../core/venues/bybit/streams';
import { parseLiquidationPush } from '../core/venues/okx/streams';
import type { VenueId } from '../core/types';
import type { BenchRow } from '../scripts/lib/bench-types.ts';

const BUSY_PER_SECOND = 10;
const OTHER_PER_SECOND = 5;
const HOUR_S = 3600;
const SYMBOLS = [
  'BTC',
  'ETH',
  'SOL',
  'XRP',
  'DOGE',
  'BNB',
  'ADA',
  'AVAX',
  'LINK',
  'LTC',
  'DOT',
  'TRX',
  'SUI',
  'APT',
  'ARB',
  'OP',
  'NEAR',
  'FIL',
  'ATOM',
  'PEPE',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (p: string) => fs.readFileSync(path.join(root, 'test/fixtures/api/streams', p), 'utf8');

function binanceMessages(start: number, count: number): string[] {
  const [, ...lines] = read('binance_um_forceorder_derived_2025-10-22T0936-0949_BTC_ETH.recorded.csv').trim().split('\n');
  const rows = lines.map((l) => l.split(','));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const [, , side, ap, z] = rows[i % rows.length]!;
    const cycle = Math.floor(i / rows.length);
    const time = start + Math.floor((i / count) * HOUR_S * 1000);
    const base = SYMBOLS[(i + cycle) % SYMBOLS.length]!;
    out.push(
      JSON.stringify({
        e: 'forceOrder',
        E: time + 5,
        o: { s: `${base}USDT`, S: side, q: z, p: ap, ap, X: 'FILLED', l: z, z, T: time + cycle, o: 'LIMIT', f: 'IOC' },
      }),
    );
  }
  return out;
}

function templated(file: string, start: number, count: number, retime: (msg: Record<string, unknown>, time: number, i: number) => void): string[] {
  const pushes = (JSON.parse(read(file)) as Record<string, unknown>[]).filter((m) => Array.isArray(m.data) && (m.topic || m.arg));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const msg = structuredClone(pushes[i % pushes.length]!);
    retime(msg, start + Math.floor((i / count) * HOUR_S * 1000), i);
    out.push(JSON.stringify(msg));
  }
  return out;
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/** A real gc() even without --expose-gc (as model.bench.ts). */
function getGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export default async function run(): Promise<BenchRow[]> {
  const start = Date.now() - HOUR_S * 1000;
  let now = start;
  const clock = { now: () => now, sleep: async () => undefined };
  const store = createRealizedStore(createDbHandle(), clock as never);
  const okxContext = { contract: () => ({ ctVal: 0.01, inverse: false }) };
  const streams: { venue: VenueId; messages: string[]; parse: (m: string) => { events: import('../core/realized/types').LiquidationEvent[] } }[] = [
    { venue: 'binance', messages: binanceMessages(start, BUSY_PER_SECOND * HOUR_S), parse: parseForceOrder },
    {
      venue: 'bybit',
      messages: templated('bybit_allLiquidation.from-docs.json', start, OTHER_PER_SECOND * HOUR_S, (m, t, i) => {
        for (const d of m.data as { T: number; v: string }[]) {
          d.T = t;
          d.v = String(Number(d.v) + i * 1e-6);
        }
      }),
      parse: parseAllLiquidation,
    },
    {
      venue: 'okx',
      messages: templated('okx_liquidation-orders.from-docs.json', start, OTHER_PER_SECOND * HOUR_S, (m, t, i) => {
        for (const e of m.data as { details: { ts: string; sz: string }[] }[])
          for (const d of e.details) {
            d.ts = String(t);
            d.sz = String(Number(d.sz) + i);
          }
      }),
      parse: (m) => parseLiquidationPush(m, okxContext),
    },
  ];
  // Interleave the venues in time order, as the worker would receive them.
  const all = streams
    .flatMap((s) => s.messages.map((m, i) => ({ s, m, at: start + Math.floor((i / s.messages.length) * HOUR_S * 1000) })))
    .sort((a, b) => a.at - b.at);

  const gc = getGc();
  gc();
  const heap0 = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const lastMark = new Map<VenueId, number>();
  let events = 0;
  let parsedUsd = 0;
  let pending: Promise<unknown>[] = [];
  let peakHeap = 0;
  for (const { s, m, at } of all) {
    now = at;
    const parsed = s.parse(m);
    events += parsed.events.length;
    for (const e of parsed.events) parsedUsd += e.usd;
    if (parsed.events.length) pending.push(store.record(parsed.events));
    if (now - (lastMark.get(s.venue) ?? 0) >= 30_000) {
      lastMark.set(s.venue, now);
      pending.push(store.markVenueAlive(s.venue));
    }
    // The worker awaits nothing per message; let the writes drain in batches as the event loop would.
    if (pending.length >= 200) {
      await Promise.all(pending);
      pending = [];
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
  }
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - wall0;
  const heap1 = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heap1.heapUsed);
  const stored = await store.recent({ minutes: 24 * 60 });
  // In the browser the database lives outside the worker's heap; here fake-indexeddb keeps it in
  // this one. Emptying it and collecting garbage leaves what the collector itself retains.
  await store.clear();
  gc();
  const retained = process.memoryUsage().heapUsed - heap0.heapUsed;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const share = (cpuMs / (HOUR_S * 1000)) * 100;
  return [
    {
      name: `busy hour replayed: ${all.length} messages (${events} liquidations, Binance ${BUSY_PER_SECOND}/s, Bybit and OKX ${OTHER_PER_SECOND}/s)`,
      value: all.length,
      unit: 'messages',
    },
    {
      name: 'collection CPU over the hour, share of one core (parse + fake-indexeddb store: an upper bound)',
      value: Math.round(share * 100) / 100,
      unit: '%',
      goal: '≤ 1%',
      ok: share <= 1,
    },
    { name: 'collection CPU time for the hour / wall time of the replay', value: Math.round(cpuMs), unit: `ms CPU (${Math.round(wallMs)} ms wall)` },
    {
      name: 'collection memory: retained by the collector after the hour (database emptied, gc)',
      value: mb(retained),
      unit: 'MB',
      goal: '≤ 30 MB',
      ok: mb(retained) <= 30,
    },
    {
      name: 'memory with the database in the heap (fake-indexeddb, a day of events: not the browser figure), peak heap growth',
      value: mb(peakHeap - heap0.heapUsed),
      unit: 'MB',
    },
    { name: 'same, RSS growth over the hour', value: mb(heap1.rss - heap0.rss), unit: 'MB' },
    {
      name: 'check: liquidations stored / parsed (each once)',
      value: stored.count / events,
      unit: `(${stored.count} of ${events}, USD ${Math.round(stored.longUsd + stored.shortUsd)} of ${Math.round(parsedUsd)})`,
    },
  ];
}
