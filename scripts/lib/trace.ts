/**
 * Chromium performance traces for the benches: record one through CDP, then attribute main-thread
 * time to the extension's content script (V8 FunctionCall/EvaluateScript slices whose script URL is
 * chrome-extension://<id>/…) and find long tasks.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** `frame` at the top level: navigationStart's (blink.user_timing). */
  args?: { data?: { url?: string; type?: string; frame?: string; message?: string }; name?: string; message?: string; frame?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'blink.console', 'toplevel'];

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

export interface MainThread {
  pid: number;
  tid: number;
}

/**
 * The renderer thread of one frame (pass the page's main frame id from Page.getFrameTree). Two
 * tabs of the same site share a renderer process, so the frame, not the URL, tells them apart.
 */
export function frameThread(events: TraceEvent[], frameId: string): MainThread {
  const hit = events.find(
    (e) =>
      e.args?.data?.frame === frameId && (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'ParseHTML' || e.name === 'EventDispatch'),
  );
  if (!hit) throw new Error(`No activity of frame ${frameId} in the trace.`);
  return { pid: hit.pid, tid: hit.tid };
}

const on = (e: TraceEvent, t: MainThread) => e.pid === t.pid && e.tid === t.tid;

/** Top-level (non-nested) slices of the extension's scripts on the thread, in time order. */
export function extensionSlices(events: TraceEvent[], thread: MainThread, extensionId: string): { ts: number; dur: number }[] {
  const prefix = `chrome-extension://${extensionId}/`;
  const slices = events
    .filter(
      (e) =>
        on(e, thread) &&
        e.ph === 'X' &&
        (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction') &&
        (e.args?.data?.url ?? '').startsWith(prefix),
    )
    .map((e) => ({ ts: e.ts, dur: e.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts);
  const top: { ts: number; dur: number }[] = [];
  for (const s of slices) {
    const last = top[top.length - 1];
    if (last && s.ts < last.ts + last.dur) continue;
    top.push(s);
  }
  return top;
}

/** Extension time (µs) inside [from, to). */
export function extensionTimeIn(slices: { ts: number; dur: number }[], from: number, to: number): number {
  let sum = 0;
  for (const s of slices) {
    const start = Math.max(s.ts, from);
    const end = Math.min(s.ts + s.dur, to);
    if (end > start) sum += end - start;
  }
  return sum;
}

/**
 * Top-level tasks of the thread (RunTask), with the extension time inside each. A task is traced
 * twice (ThreadControllerImpl::RunTask around RunTask): only the outermost slice is kept, so a
 * long task counts once.
 */
export function tasks(events: TraceEvent[], thread: MainThread, ext: { ts: number; dur: number }[]): { ts: number; dur: number; extension: number }[] {
  const slices = events
    .filter((e) => on(e, thread) && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .map((e) => ({ ts: e.ts, dur: e.dur ?? 0 }))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const outermost: { ts: number; dur: number }[] = [];
  for (const s of slices) {
    const last = outermost[outermost.length - 1];
    if (last && s.ts >= last.ts && s.ts + s.dur <= last.ts + last.dur) continue;
    outermost.push(s);
  }
  return outermost.map((t) => ({ ...t, extension: extensionTimeIn(ext, t.ts, t.ts + t.dur) }));
}

/** The page's main frame id (for frameThread). */
export async function mainFrameId(cdp: CDPSession): Promise<string> {
  return ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
}

export const LONG_TASK_US = 50_000;

/** Long tasks (> 50 ms) the content script caused: ones that would have stayed under 50 ms without its time in them. */
export function causedLongTasks(all: { dur: number; extension: number }[]): number {
  return all.filter((t) => t.dur > LONG_TASK_US && t.extension > 0 && t.dur - t.extension <= LONG_TASK_US).length;
}

/** One traced frame's main thread: its top-level tasks and (with an extension id) the content script's slices in them. */
export function mainThreadCost(events: TraceEvent[], frameId: string, extensionId: string | null) {
  const thread = frameThread(events, frameId);
  const ext = extensionId ? extensionSlices(events, thread, extensionId) : [];
  return { thread, ext, tasks: tasks(events, thread, ext) };
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
