import type { VenueId } from '../types';
import type { VenueMarketData } from '../net/market-data';
import { marketData as binance } from '../venues/binance/market-data';
import { marketData as okx } from '../venues/okx/market-data';
import { marketData as bybit } from '../venues/bybit/market-data';
import { marketData as htx } from '../venues/htx/market-data';
import { marketData as bitget } from '../venues/bitget/market-data';
import { marketData as gate } from '../venues/gate/market-data';
import { marketData as mexc } from '../venues/mexc/market-data';
import { marketData as hyperliquid } from '../venues/hyperliquid/market-data';
import { liquidationStream as binanceStream } from '../venues/binance/streams';
import { liquidationStream as bybitStream } from '../venues/bybit/streams';
import { liquidationStream as okxStream } from '../venues/okx/streams';
import { liquidationStream as htxStream } from '../venues/htx/streams';
import type { LiquidationStream } from '../realized/stream-types';

export const MARKET_DATA: Record<VenueId, VenueMarketData> = { binance, okx, bybit, htx, bitget, gate, mexc, hyperliquid };

/** Venues with a public market-wide liquidation stream (Bitget and Hyperliquid have none). */
export const LIQUIDATION_STREAMS: Partial<Record<VenueId, LiquidationStream>> = { binance: binanceStream, bybit: bybitStream, okx: okxStream, htx: htxStream };
