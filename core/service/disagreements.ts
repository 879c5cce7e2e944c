/**
 * Self-check disagreements kept on this device: what the exchange's page showed against what
 * LiqLens computed. Bounded (the newest MAX_DISAGREEMENTS; the oldest is dropped), local only.
 */
import type { DbHandle } from '../cache/db';
import type { KeptDisagreement } from '../messages/protocol';
import type { Clock } from '../net/clock';
import type { Market } from '../types';

export const MAX_DISAGREEMENTS = 200;

export function createDisagreements(handle: DbHandle, clock: Clock, max = MAX_DISAGREEMENTS) {
  return {
    async add(row: Omit<KeptDisagreement, 'at'>): Promise<void> {
      const db = await handle.get();
      const tx = db.transaction('disagreements', 'readwrite');
      await tx.store.add({ ...row, at: clock.now() });
      let extra = (await tx.store.count()) - max;
      // Keys grow with every row: the lowest are the oldest.
      for (let cursor = extra > 0 ? await tx.store.openCursor() : null; cursor && extra > 0; extra--) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    },
    /** This market's rows, newest first (at most `limit`). */
    async list(market: Market, limit = 20): Promise<KeptDisagreement[]> {
      const db = await handle.get();
      const out: KeptDisagreement[] = [];
      for (let cursor = await db.transaction('disagreements').store.openCursor(null, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
        const { id: _id, ...row } = cursor.value;
        if (row.market.venue === market.venue && row.market.symbol === market.symbol) out.push(row);
      }
      return out;
    },
  };
}
export type Disagreements = ReturnType<typeof createDisagreements>;
