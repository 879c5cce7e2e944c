/** The venue registry: VenueId → its URL rule and page adapter (one folder per venue). */
import type { Market, VenueId } from '../types';
import type { VenuePageAdapter } from './adapter-types';
import * as binanceUrls from '../venues/binance/urls';
import * as okxUrls from '../venues/okx/urls';
import * as bybitUrls from '../venues/bybit/urls';
import * as htxUrls from '../venues/htx/urls';
import * as bitgetUrls from '../venues/bitget/urls';
import * as gateUrls from '../venues/gate/urls';
import * as mexcUrls from '../venues/mexc/urls';
import * as hyperliquidUrls from '../venues/hyperliquid/urls';
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
  binance: { parseMarketUrl: binanceUrls.parseMarketUrl, adapter: binance },
  okx: { parseMarketUrl: okxUrls.parseMarketUrl, adapter: okx },
  bybit: { parseMarketUrl: bybitUrls.parseMarketUrl, adapter: bybit },
  htx: { parseMarketUrl: htxUrls.parseMarketUrl, adapter: htx },
  bitget: { parseMarketUrl: bitgetUrls.parseMarketUrl, adapter: bitget },
  gate: { parseMarketUrl: gateUrls.parseMarketUrl, adapter: gate },
  mexc: { parseMarketUrl: mexcUrls.parseMarketUrl, adapter: mexc },
  hyperliquid: { parseMarketUrl: hyperliquidUrls.parseMarketUrl, adapter: hyperliquid },
};

export function pageAdapterFor(venue: VenueId): VenuePageAdapter {
  return VENUE_PAGES[venue].adapter;
}
