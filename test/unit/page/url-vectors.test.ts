import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketFromUrl } from '@/core/page/market-from-url';
import { isVenueId, parseUnifiedSymbol } from '@/core/types';

interface UrlCase {
  url: string;
  expected: null | { venue: string; symbol: string };
  note?: string;
}

const DIR = resolve(__dirname, '../../vectors/urls');

function loadCases(): { file: string; case: UrlCase }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as UrlCase | UrlCase[];
      return (Array.isArray(data) ? data : [data]).map((c) => ({ file, case: c }));
    });
}

const cases = loadCases();

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
