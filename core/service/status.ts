import type { DbHandle, SourceStatusRow } from '../cache/db';
import type { Clock } from '../net/clock';
import { SourceError } from '../net/errors';

/** Remembers each source's last success and last error, in IndexedDB so the options page sees them after a restart. */
export function createStatusRecorder(handle: DbHandle, clock: Clock) {
  // Updates of one source run one after another: two in flight (one page failing while another of
  // the same source succeeds) would each read the old row and the later write would drop the error.
  const queues = new Map<string, Promise<void>>();

  function update(source: string, change: (row: SourceStatusRow) => SourceStatusRow): Promise<void> {
    const run = (queues.get(source) ?? Promise.resolve()).then(async () => {
      const db = await handle.get();
      const row = (await db.get('sources', source)) ?? { source, lastSuccess: null, lastError: null };
      await db.put('sources', change(row));
    });
    const tail = run.catch(() => undefined);
    queues.set(source, tail);
    void tail.then(() => queues.get(source) === tail && queues.delete(source));
    return run;
  }

  return {
    ok: (source: string) => update(source, (r) => ({ ...r, lastSuccess: clock.now() })),
    failed: (source: string, error: unknown) =>
      update(source, (r) => ({
        ...r,
        // SourceError messages are built to be shown; anything else is summarised so no detail leaks.
        lastError: {
          at: clock.now(),
          message: error instanceof SourceError ? error.message : `${source}: failed (${error instanceof Error ? error.name : 'error'}).`,
        },
      })),
    async all(): Promise<SourceStatusRow[]> {
      return (await handle.get()).getAll('sources');
    },
    async clear(): Promise<void> {
      await (await handle.get()).clear('sources');
    },
  };
}
export type StatusRecorder = ReturnType<typeof createStatusRecorder>;
