import type { DbHandle } from '../cache/db';
import type { RealizedInput } from '../alerts/conditions';
import { COVERAGE_GAP_MS, type RealizedStore } from '../realized/realized-store';
import { minuteOf, MINUTE } from '../realized/totals';

/**
 * Realized liquidations of one coin, all collected venues, in the last `minutes` (from the start of
 * the minute `minutes` ago: minute buckets, so up to one minute more). The one place that reads the
 * realized store for alerts: the store keeps minute buckets in IndexedDB; when it gains a windowed
 * query of its own, only this function changes.
 */
export async function realizedWithin(db: DbHandle, realized: RealizedStore, asset: string, minutes: number, now: number): Promise<RealizedInput> {
  const from = minuteOf(now - minutes * MINUTE);
  const [coverage, buckets] = await Promise.all([
    realized.coverage(),
    db.get().then((d) => d.getAllFromIndex('realized', 'by-minute', IDBKeyRange.lowerBound(from))),
  ]);
  const usd = buckets.filter((b) => b.asset === asset).reduce((sum, b) => sum + b.longUsd + b.shortUsd, 0);
  const collecting = coverage !== null && coverage.since <= from && now - coverage.alive <= COVERAGE_GAP_MS;
  return { usd, collecting };
}
