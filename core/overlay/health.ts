/** The page reader's health report as the overlay shows it: one line per field, found or why not. */
import type { PageReading } from '../page/types';

export interface PageHealth {
  entries: { field: string; ok: boolean; detail: string }[];
  refusedSensitive: number;
}

/** Equal readings give the same key, so the store is not touched on every keystroke. */
export function healthOf(reading: PageReading): PageHealth {
  return { entries: reading.health.map((h) => ({ field: h.field, ok: h.ok, detail: h.detail })), refusedSensitive: reading.refusedSensitive };
}

export function sameHealth(a: PageHealth | null, b: PageHealth | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.refusedSensitive !== b.refusedSensitive || a.entries.length !== b.entries.length) return false;
  return a.entries.every((e, i) => {
    const o = b.entries[i]!;
    return e.field === o.field && e.ok === o.ok && e.detail === o.detail;
  });
}
