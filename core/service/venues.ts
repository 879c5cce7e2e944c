import type { VenueId } from '../types';
import type { VenueMarketData } from '../net/market-data';
import type { LiquidationStream } from '../realized/stream-types';
import { fromVenueFolders } from '../venues/registry';
import { DESCRIPTOR_LIST } from '../venues/descriptors';

/** Every venue's public market data (core/venues/<venue>/market-data.ts). */
export const MARKET_DATA = fromVenueFolders(
  'market-data.ts',
  import.meta.glob<VenueMarketData>('../venues/*/market-data.ts', { eager: true, import: 'marketData' }),
  (m) => m,
);

const streamModules = import.meta.glob<LiquidationStream>('../venues/*/streams.ts', { eager: true, import: 'liquidationStream' });

/** Venues with a public market-wide liquidation stream: those whose descriptor declares one (the meta-test holds the file to it). */
export const LIQUIDATION_STREAMS: Partial<Record<VenueId, LiquidationStream>> = Object.fromEntries(
  DESCRIPTOR_LIST.filter((v) => v.capabilities.liquidationStream === true)
    .map(({ basics: { id } }) => [id, streamModules[`../venues/${id}/streams.ts`]])
    .filter(([, s]) => s),
);
