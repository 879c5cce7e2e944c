/**
 * Storms do not cost frames (issue 16 item 2), in real Chromium.
 *
 * The Binance fixture page gets a 20,000-element subtree inside its order form (a widget the
 * trader does not type into), then one element in it is toggled — removed and put back, a
 * child-list change in the form each time — on every animation frame for 5 s. The same scenario
 * runs in the same process twice, without and with the extension, traced through CDP (helpers in
 * scripts/lib/trace.ts, shared with page-cost). The storm's own rAF callback stamps each frame
 * (console.timeStamp), so content-script time is summed per frame between two stamps; fps is the
 * number of storm frames the page ran per second of the storm.
 */
import os from 'node:os';
import type { BenchRow } from '../scripts/lib/bench-types.ts';
import { launchBrowser, type ExtensionBrowser } from '../scripts/lib/extension-browser.ts';
import { tradingPage } from '../scripts/lib/fixture-sites.ts';
import { waitForOverlay } from '../scripts/lib/overlay-driver.ts';
import { causedLongTasks, extensionTimeIn, LONG_TASK_US, mainFrameId, mainThreadCost, quantile, startTrace } from '../scripts/lib/trace.ts';

const STORM_NODES = 20_000;
const STORM_MS = 5000;
const STAMP = 'liqlens-storm-frame';

interface StormResult {
  fps: number;
  frames: number;
  longTasks: number;
  extLongTasks: number;
  perFrameMs: number[];
  extTotalMs: number;
}

/** Adds the subtree to the visible order form; the page's own script, as an exchange widget would be. */
const ADD_SUBTREE = `(() => {
  const form = [...document.querySelectorAll('.order-form-wrap')].find((f) => !f.hidden);
  if (!form) throw new Error('no visible order form on the fixture page');
  const host = document.createElement('div');
  host.className = 'storm-widget';
  host.style.cssText = 'height:120px;overflow:hidden';
  const CELLS = 10;
  const rows = Math.floor((${STORM_NODES} - 1) / (CELLS + 1));
  const frag = document.createDocumentFragment();
  for (let r = 0; r < rows; r++) {
    const row = document.createElement('div');
    row.className = 'storm-row';
    for (let c = 0; c < CELLS; c++) {
      const cell = document.createElement('span');
      cell.className = 'storm-cell';
      cell.textContent = String((r * CELLS + c) % 997);
      row.appendChild(cell);
    }
    frag.appendChild(row);
  }
  const blink = document.createElement('i');
  blink.className = 'storm-blink';
  host.appendChild(frag);
  host.appendChild(blink);
  form.appendChild(host);
  window.__stormBlink = blink;
  window.__stormHost = host;
  return host.querySelectorAll('*').length + 1;
})()`;

/** Toggles the element once per animation frame for STORM_MS; resolves with the frame count. */
const RUN_STORM = `new Promise((resolve) => {
  const blink = window.__stormBlink, host = window.__stormHost;
  const start = performance.now();
  let frames = 0;
  const frame = (now) => {
    console.timeStamp('${STAMP}');
    if (blink.isConnected) blink.remove(); else host.appendChild(blink);
    frames++;
    if (now - start < ${STORM_MS}) requestAnimationFrame(frame);
    else resolve({ frames, ms: performance.now() - start });
  };
  requestAnimationFrame(frame);
})`;

async function storm(browser: ExtensionBrowser, url: string, withExtension: boolean): Promise<StormResult> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension) {
    const overlay = await waitForOverlay(page);
    if (!overlay.mounted) throw new Error(`overlay did not mount: ${overlay.reason}`);
  }
  const nodes = (await page.evaluate(ADD_SUBTREE)) as number;
  if (nodes < STORM_NODES) throw new Error(`storm subtree has ${nodes} nodes`);
  await page.waitForTimeout(1000); // the subtree's arrival is new structure: let that one read settle

  const cdp = await browser.context.newCDPSession(page);
  const frameId = await mainFrameId(cdp);
  const stop = await startTrace(cdp);
  const { frames, ms } = (await page.evaluate(RUN_STORM)) as { frames: number; ms: number };
  const events = await stop();
  await cdp.detach();
  await page.close();

  const { thread, ext, tasks } = mainThreadCost(events, frameId, withExtension ? browser.extensionId : null);
  const stamps = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'TimeStamp' && JSON.stringify(e.args ?? {}).includes(STAMP))
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const perFrameMs = stamps.slice(1).map((ts, i) => extensionTimeIn(ext, stamps[i]!, ts) / 1000);
  const first = stamps[0] ?? 0;
  const last = stamps.at(-1) ?? 0;
  const inStorm = tasks.filter((t) => t.ts + t.dur >= first && t.ts <= last);
  return {
    fps: (frames * 1000) / ms,
    frames,
    longTasks: inStorm.filter((t) => t.dur > LONG_TASK_US).length,
    extLongTasks: causedLongTasks(inStorm),
    perFrameMs,
    extTotalMs: extensionTimeIn(ext, first, last) / 1000,
  };
}

export default async function run(): Promise<BenchRow[]> {
  const url = tradingPage('binance').url;
  const rows: BenchRow[] = [{ name: 'machine load when measured (1-min average)', value: os.loadavg()[0]!, unit: `on ${os.cpus().length} cores` }];

  const bare = await launchBrowser({ withExtension: false });
  let without: StormResult;
  try {
    without = await storm(bare, url, false);
  } finally {
    await bare.close();
  }
  const browser = await launchBrowser();
  let withExt: StormResult;
  try {
    withExt = await storm(browser, url, true);
  } finally {
    await browser.close();
  }

  const median = quantile(withExt.perFrameMs, 0.5);
  const ratio = withExt.fps / without.fps;
  rows.push(
    {
      name: `storm: long tasks (> 50 ms) caused by the content script`,
      value: withExt.extLongTasks,
      unit: `in ${STORM_MS / 1000} s`,
      goal: '0',
      ok: withExt.extLongTasks === 0,
    },
    { name: 'storm: content script per frame, median', value: median, unit: 'ms', goal: '≤ 1 ms', ok: median <= 1 },
    {
      name: 'storm: content script per frame, p95 / max',
      value: quantile(withExt.perFrameMs, 0.95),
      unit: `/ ${Math.max(0, ...withExt.perFrameMs).toFixed(2)} ms`,
    },
    { name: 'storm: content script total', value: withExt.extTotalMs, unit: `ms in ${(withExt.frames / withExt.fps).toFixed(1)} s` },
    { name: 'storm: fps without extension', value: without.fps, unit: 'fps' },
    { name: 'storm: fps with extension', value: withExt.fps, unit: `fps (${((ratio - 1) * 100).toFixed(1)}%)`, goal: 'within 5%', ok: ratio >= 0.95 },
    {
      name: 'storm: page long tasks, without / with extension',
      value: withExt.longTasks - without.longTasks,
      unit: `(${without.longTasks} → ${withExt.longTasks})`,
    },
  );
  return rows;
}
