/**
 * Each venue's URL → market rule, and nothing else from the venue folders: the background needs
 * only these (to check a sender's page and to know which market it shows), so keeping this
 * registry free of page readers keeps the page-reading code out of the service worker (−11 KB).
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
