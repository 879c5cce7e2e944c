import type { VenueId } from '../types';
import type { VenueMarketData } from '../net/market-data';
import type { LiquidationHistory, LiquidationStream } from '../realized/stream-types';
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

const historyModules = import.meta.glob<LiquidationHistory>('../venues/*/history.ts', { eager: true, import: 'liquidationHistory' });

/** Venues with a public REST liquidation history: those whose descriptor declares one (the meta-test holds the file to it). */
export const LIQUIDATION_HISTORIES: Partial<Record<VenueId, LiquidationHistory>> = Object.fromEntries(
  DESCRIPTOR_LIST.filter((v) => v.capabilities.liquidationHistory === true)
    .map(({ basics: { id } }) => [id, historyModules[`../venues/${id}/history.ts`]])
    .filter(([, h]) => h),
);
