import { describe, expect, it } from 'vitest';
import { loadVectorCases } from '../../support/vectors';
import { marketFromUrl } from '@/core/page/market-from-url';
import { parseUnifiedSymbol } from '@/core/types';
import { isVenueId } from '@/core/venues/registry';

interface UrlCase {
  url: string;
  expected: null | { venue: string; symbol: string };
  note?: string;
}

const cases = loadVectorCases<UrlCase>('urls');

describe('URL vectors (test/vectors/urls/*.json)', () => {
  it('has vectors for every venue, positive and negative', () => {
    const venues = new Set(cases.map((c) => c.case.expected?.venue).filter(Boolean));
    expect([...venues].sort()).toEqual(['binance', 'bitget', 'bybit', 'gate', 'htx', 'hyperliquid', 'mexc', 'okx']);
    expect(cases.filter((c) => c.case.expected === null).length).toBeGreaterThan(50);
  });

  for (const { file, case: c } of cases) {
    it(`${c.url || '(empty)'}  [${file}]`, () => {
      if (c.expected) {
        // The vector itself must be well-formed: a real venue id and a ccxt swap symbol.
        expect(isVenueId(c.expected.venue)).toBe(true);
        expect(parseUnifiedSymbol(c.expected.symbol)).not.toBeNull();
      }
      expect(marketFromUrl(c.url)).toEqual(c.expected);
    });
  }
});
