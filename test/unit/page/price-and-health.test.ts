// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageAdapterFor } from '@/core/page/adapters';
import { healthLines } from '@/core/page/health';
import { choosePagePrice, crossCheckPrice } from '@/core/page/price';
import { readPage } from '@/core/page/read-page';
import { loadFixture } from './load-fixture';

describe('choosePagePrice', () => {
  it('prefers the title, then last, then mark, and names the source', () => {
    expect(
      choosePagePrice({ titlePrice: { value: 3, hook: 'document.title' }, lastPrice: { value: 2, hook: 'a' }, markPrice: { value: 1, hook: 'b' } }),
    ).toEqual({ value: 3, source: 'titlePrice', hook: 'document.title' });
    expect(choosePagePrice({ titlePrice: { missing: 'no' }, lastPrice: { value: 2, hook: 'a' }, markPrice: { value: 1, hook: 'b' } })).toEqual({
      value: 2,
      source: 'lastPrice',
      hook: 'a',
    });
    expect(choosePagePrice({ titlePrice: { missing: 'no' }, lastPrice: { missing: 'gone' }, markPrice: { value: 1, hook: 'b' } })).toEqual({
      value: 1,
      source: 'markPrice',
      hook: 'b',
    });
  });

  it('says why when there is none', () => {
    expect(choosePagePrice({ titlePrice: { missing: 't' }, lastPrice: { missing: 'l' }, markPrice: { missing: 'm' } })).toEqual({
      missing: 'no price on the page (titlePrice: t; lastPrice: l; markPrice: m)',
    });
  });
});

describe('crossCheckPrice', () => {
  it('agrees within tolerance and flags a stale or wrong page price', () => {
    expect(crossCheckPrice(84012.3, 84020.5)).toMatchObject({ agrees: true });
    expect(crossCheckPrice(3120.55, 84020.5)).toMatchObject({ agrees: false }); // ETH price on a BTC market
    expect(crossCheckPrice(84012.3, 84020.5, 0.00005)).toMatchObject({ agrees: false });
  });

  it('refuses nonsense inputs', () => {
    expect(crossCheckPrice(Number.NaN, 1)).toBeNull();
    expect(crossCheckPrice(1, 0)).toBeNull();
    expect(crossCheckPrice(-1, 1)).toBeNull();
    expect(crossCheckPrice(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
});

describe('healthLines', () => {
  it('lists every field with its hook or reason, fallbacks and refused sensitive fields', () => {
    const doc = loadFixture('binance');
    const reading = readPage(doc, pageAdapterFor('binance'), { venue: 'binance', symbol: 'BTC/USDT:USDT' });
    const lines = healthLines(reading);
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('✓ Last price — .orderbook-ticker .contractPrice');
    expect(lines).toContain('✓ Limit price — input[id^="limitPrice-"]');
    expect(lines.at(-1)).toMatch(/^Skipped \d+ sensitive field\(s\)/);

    doc.querySelector('.orderbook-ticker')!.remove();
    const missing = healthLines(readPage(doc, pageAdapterFor('binance'), { venue: 'binance', symbol: 'BTC/USDT:USDT' }));
    expect(missing[0]).toBe(
      '✗ Last price — not found (.orderbook-ticker .contractPrice: matched 0 visible elements; label "last price" / "最新价": 0 labelled elements)',
    );
  });
});
