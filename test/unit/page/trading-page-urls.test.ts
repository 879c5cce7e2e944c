import { describe, expect, it } from 'vitest';
import { loadVectorCases } from '../../support/vectors';
import { marketFromUrl } from '@/core/page/market-from-url';
import { tradingPageUrl } from '@/core/page/trading-page-urls';
import type { Market } from '@/core/types';

const markets = loadVectorCases<{ expected: Market | null }>('urls').flatMap((c) => (c.case.expected ? [c.case.expected] : []));

describe('trading-page URLs (what a clicked alert opens)', () => {
  it('covers every venue in the URL vectors', () => {
    expect(new Set(markets.map((m) => m.venue)).size).toBe(8);
  });

  // Every market the URL vectors recognise gets a page that our own URL rules read back as that market.
  for (const market of markets) {
    it(`${market.venue} ${market.symbol} round-trips`, () => {
      const url = tradingPageUrl(market);
      expect(url).not.toBeNull();
      expect(url!.startsWith('https://')).toBe(true);
      expect(marketFromUrl(url!)).toEqual(market);
    });
  }

  it('gives null for a market the venue has no page for', () => {
    expect(tradingPageUrl({ venue: 'hyperliquid', symbol: 'BTC/USDT:USDT' })).toBeNull();
    expect(tradingPageUrl({ venue: 'htx', symbol: 'BTC/USDC:USDC' })).toBeNull();
  });
});
