/**
 * Reading a cached market snapshot from IndexedDB in real Chromium (issue 5 item 8).
 *
 * The recorded Binance page is opened once so the background builds and caches the BTC snapshot
 * from replayed data; then, inside the service worker, the product's own cached read
 * (__liqlens.readSnapshot → the idb cache) is timed 50 times, and the whole `snapshot.get`
 * round trip from an extension page (message, validation, cache read, reply) 20 times.
 */
import type { BenchRow } from '../scripts/lib/bench-types.ts';
import { configure, launchBrowser, RECORDED_VENUES } from '../scripts/lib/extension-browser.ts';
import { tradingPage } from '../scripts/lib/fixture-sites.ts';
import { waitForOverlay } from '../scripts/lib/overlay-driver.ts';
import { quantile } from '../scripts/lib/trace.ts';

const MARKET = { venue: 'binance', symbol: 'BTC/USDT:USDT' };

export default async function run(): Promise<BenchRow[]> {
  const browser = await launchBrowser();
  try {
    await configure(browser, { keylessVenues: RECORDED_VENUES });
    const page = await browser.open(tradingPage('binance').url);
    const overlay = await waitForOverlay(page);
    if (!overlay.mounted || overlay.state !== 'ready') throw new Error(`The overlay did not get data (${overlay.reason || overlay.state}).`);
    const worker = await browser.serviceWorker();

    // Plain loops only inside evaluate: tsx's keepNames would break named inner functions.
    type Hooks = Record<'readSnapshot' | 'readSnapshotFromDb', (m: unknown) => Promise<{ snapshot: unknown } | null>>;
    const timeReads = (hook: keyof Hooks) =>
      worker.evaluate(
        async ([market, name]) => {
          const hooks = (globalThis as unknown as { __liqlens: Hooks }).__liqlens;
          const times: number[] = [];
          let bytes = 0;
          for (let i = 0; i < 50; i++) {
            const t0 = performance.now();
            const hit = await hooks[name as keyof Hooks](market);
            times.push(performance.now() - t0);
            if (!hit) throw new Error('No cached snapshot.');
            bytes = JSON.stringify(hit.snapshot).length;
          }
          return { times, bytes };
        },
        [MARKET, hook] as const,
      );
    // IndexedDB itself, then the cache's read path, which answers from the worker's memory while it lives.
    const read = await timeReads('readSnapshotFromDb');
    const hot = await timeReads('readSnapshot');

    const ext = await browser.openExtensionPage('manifest.json');
    const roundTrips = await ext.evaluate(async (market) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const reply = await runtime.sendMessage({ channel: 'liqlens', command: 'snapshot.get', payload: { market } });
        times.push(performance.now() - t0);
        if (!reply.ok) throw new Error('snapshot.get failed');
      }
      return times;
    }, MARKET);

    const median = quantile(read.times, 0.5);
    const p95 = quantile(read.times, 0.95);
    return [
      { name: 'cached snapshot read from IndexedDB, median', value: median, unit: 'ms', goal: '< 10 ms', ok: median < 10 },
      { name: 'cached snapshot read from IndexedDB, p95', value: p95, unit: 'ms', goal: '< 10 ms', ok: p95 < 10 },
      { name: 'cached snapshot read through the cache (worker memory while it lives), median', value: quantile(hot.times, 0.5), unit: 'ms' },
      { name: 'cached snapshot size (JSON)', value: read.bytes / 1024, unit: 'KB' },
      { name: 'snapshot.get round trip from an extension page, median', value: quantile(roundTrips, 0.5), unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}
