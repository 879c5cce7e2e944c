import type { Market } from '../types';
import type { DbHandle } from '../cache/db';
import type { Clock } from '../net/clock';
import { isVenueId } from '../venues/registry';

const KEY = 'viewed-markets';
const MAX = 20;

/** Markets someone looked at recently, so the refresh alarm keeps just those warm. */
export function createViewedMarkets(handle: DbHandle, clock: Clock) {
  async function list(): Promise<{ market: Market; at: number }[]> {
    const row = await (await handle.get()).get('meta', KEY);
    const v = row?.value;
    if (!Array.isArray(v)) return [];
    return v.filter(
      (x): x is { market: Market; at: number } => typeof x?.at === 'number' && isVenueId(x?.market?.venue) && typeof x?.market?.symbol === 'string',
    );
  }
  return {
    list,
    async touch(market: Market): Promise<void> {
      const now = clock.now();
      const rest = (await list()).filter((x) => !(x.market.venue === market.venue && x.market.symbol === market.symbol));
      const next = [{ market, at: now }, ...rest].slice(0, MAX);
      await (await handle.get()).put('meta', { key: KEY, value: next });
    },
    async recent(withinMs: number): Promise<Market[]> {
      const now = clock.now();
      return (await list()).filter((x) => now - x.at <= withinMs).map((x) => x.market);
    },
  };
}
export type ViewedMarkets = ReturnType<typeof createViewedMarkets>;
