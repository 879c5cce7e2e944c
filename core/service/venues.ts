import type { VenueId } from '../types';
import type { VenueMarketData } from '../net/market-data';
import type { LiquidationStream } from '../realized/stream-types';
import { fromVenueFolders, VENUES } from '../venues/registry';

/** Every venue's public market data (core/venues/<venue>/market-data.ts). */
export const MARKET_DATA = fromVenueFolders(
  'market-data.ts',
  import.meta.glob<{ marketData: VenueMarketData }>('../venues/*/market-data.ts', { eager: true }),
  (m) => m.marketData,
);

const streamModules = import.meta.glob<{ liquidationStream: LiquidationStream }>('../venues/*/streams.ts', { eager: true });

/** Venues with a public market-wide liquidation stream: those whose descriptor declares one (the meta-test holds the file to it). */
export const LIQUIDATION_STREAMS: Partial<Record<VenueId, LiquidationStream>> = Object.fromEntries(
  VENUES.filter((v) => v.capabilities.liquidationStream === true).map((v) => [v.id, streamModules[`../venues/${v.id}/streams.ts`]?.liquidationStream]).filter(([, s]) => s),
);
