/**
 * Each venue's URL → market rule, and nothing else from the venue folders: the content script's
 * first file (entrypoints/first-answer.ts) needs the market before anything else is loaded, so this
 * registry must stay free of page readers and other venue code.
 */
import type { Market, VenueId } from '../types';
import { parseMarketUrl as binance } from '../venues/binance/urls';
import { parseMarketUrl as okx } from '../venues/okx/urls';
import { parseMarketUrl as bybit } from '../venues/bybit/urls';
import { parseMarketUrl as htx } from '../venues/htx/urls';
import { parseMarketUrl as bitget } from '../venues/bitget/urls';
import { parseMarketUrl as gate } from '../venues/gate/urls';
import { parseMarketUrl as mexc } from '../venues/mexc/urls';
import { parseMarketUrl as hyperliquid } from '../venues/hyperliquid/urls';

export type MarketUrlRule = (url: URL) => Market | null;

export const MARKET_URL_RULES: Record<VenueId, MarketUrlRule> = { binance, okx, bybit, htx, bitget, gate, mexc, hyperliquid };
