/** The venue registry: VenueId → its URL rule and page adapter (one folder per venue). */
import type { Market, VenueId } from '../types';
import type { VenuePageAdapter } from './adapter-types';
import { MARKET_URL_RULES } from './url-rules';
import { adapter as binance } from '../venues/binance/page';
import { adapter as okx } from '../venues/okx/page';
import { adapter as bybit } from '../venues/bybit/page';
import { adapter as htx } from '../venues/htx/page';
import { adapter as bitget } from '../venues/bitget/page';
import { adapter as gate } from '../venues/gate/page';
import { adapter as mexc } from '../venues/mexc/page';
import { adapter as hyperliquid } from '../venues/hyperliquid/page';

export interface VenuePage {
  parseMarketUrl: (url: URL) => Market | null;
  adapter: VenuePageAdapter;
}

export const VENUE_PAGES: Record<VenueId, VenuePage> = {
  binance: { parseMarketUrl: MARKET_URL_RULES.binance, adapter: binance },
  okx: { parseMarketUrl: MARKET_URL_RULES.okx, adapter: okx },
  bybit: { parseMarketUrl: MARKET_URL_RULES.bybit, adapter: bybit },
  htx: { parseMarketUrl: MARKET_URL_RULES.htx, adapter: htx },
  bitget: { parseMarketUrl: MARKET_URL_RULES.bitget, adapter: bitget },
  gate: { parseMarketUrl: MARKET_URL_RULES.gate, adapter: gate },
  mexc: { parseMarketUrl: MARKET_URL_RULES.mexc, adapter: mexc },
  hyperliquid: { parseMarketUrl: MARKET_URL_RULES.hyperliquid, adapter: hyperliquid },
};

export function pageAdapterFor(venue: VenueId): VenuePageAdapter {
  return VENUE_PAGES[venue].adapter;
}
