import type { DbHandle, SourceStatusRow } from '../cache/db';
import type { Clock } from '../net/clock';
import { SourceError } from '../net/errors';

/** Remembers each source's last success and last error, in IndexedDB so the options page sees them after a restart. */
export function createStatusRecorder(handle: DbHandle, clock: Clock) {
  const pending = new Map<string, SourceStatusRow>();

  async function update(source: string, change: (row: SourceStatusRow) => SourceStatusRow): Promise<void> {
    const db = await handle.get();
    const row = pending.get(source) ?? (await db.get('sources', source)) ?? { source, lastSuccess: null, lastError: null };
    const next = change(row);
    pending.set(source, next);
    try {
      await db.put('sources', next);
    } finally {
      pending.delete(source);
    }
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
