// @vitest-environment happy-dom
/**
 * Reading by meaning when the hooks fail: every venue fixture (and the real OKX page) with its
 * hooks removed — classes, names, data-* attributes and ids, except ids that tie a <label for> or
 * aria-labelledby to its input (those are the accessible name, not a hook). What the meaning path
 * reads must equal what the hooks read; what it cannot read it says, field by field.
 */
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { marketFromUrl } from '@/core/page/market-from-url';
import { readPage } from '@/core/page/read-page';
import { isSensitiveElement } from '@/core/page/privacy';
import type { PageFieldName } from '@/core/page/types';
import type { VenueId } from '@/core/types';
import { loadFixture } from './load-fixture';

export function stripHooks(doc: Document): Document {
  const referenced = new Set<string>();
  for (const l of Array.from(doc.querySelectorAll('label[for]'))) referenced.add(l.getAttribute('for') ?? '');
  for (const el of Array.from(doc.querySelectorAll('[aria-labelledby]')))
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) referenced.add(id);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    // What makes a field sensitive (a name like apiKey) is the privacy guard's, not a hook: kept.
    if (isSensitiveElement(el)) continue;
    for (const attr of Array.from(el.attributes).map((a) => a.name)) {
      if (attr === 'class' || attr === 'name' || attr.startsWith('data-') || (attr === 'id' && !referenced.has(el.id))) el.removeAttribute(attr);
    }
  }
  return doc;
}

const PAGES: { name: string; venue: VenueId; url: string; reads: PageFieldName[] }[] = [
  {
    name: 'binance',
    venue: 'binance',
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    reads: ['markPrice', 'titlePrice', 'side', 'orderType', 'limitPrice', 'size', 'leverage', 'marginMode', 'availableBalance'],
  },
  {
    name: 'okx',
    venue: 'okx',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    reads: ['markPrice', 'side', 'limitPrice', 'leverage', 'marginMode', 'availableBalance'],
  },
  {
    name: 'okx-2026-04-08.real',
    venue: 'okx',
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    reads: ['markPrice', 'titlePrice', 'orderType', 'limitPrice', 'marginMode'],
  },
  { name: 'bybit', venue: 'bybit', url: 'https://www.bybit.com/trade/usdt/BTCUSDT', reads: ['availableBalance', 'markPrice', 'orderType', 'side', 'size'] },
  {
    name: 'htx',
    venue: 'htx',
    url: 'https://www.htx.com/en-us/futures/linear_swap/exchange#contract_code=BTC-USDT&contract_type=swap&type=isolated',
    reads: ['availableBalance', 'leverage', 'limitPrice', 'marginMode', 'markPrice', 'orderType', 'side', 'size'],
  },
  { name: 'bitget', venue: 'bitget', url: 'https://www.bitget.com/de/futures/usdt/BTCUSDT', reads: ['markPrice', 'titlePrice'] },
  {
    name: 'gate',
    venue: 'gate',
    url: 'https://www.gate.com/zh/futures/USDT/BTC_USDT',
    reads: ['availableBalance', 'leverage', 'limitPrice', 'marginMode', 'markPrice', 'orderType', 'side'],
  },
  { name: 'mexc', venue: 'mexc', url: 'https://futures.mexc.com/exchange/BTC_USDT', reads: ['availableBalance', 'limitPrice', 'orderType', 'side', 'size'] },
  {
    name: 'hyperliquid',
    venue: 'hyperliquid',
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    reads: ['availableBalance', 'leverage', 'limitPrice', 'marginMode', 'markPrice', 'orderType', 'side', 'size', 'titlePrice'],
  },
];

describe.each(PAGES)('$name with its hooks removed', ({ name, venue, url, reads }) => {
  it('reads by meaning exactly what the hooks read, and says what it cannot', () => {
    const market = marketFromUrl(url)!;
    expect(market).toBeTruthy();
    const adapter = VENUE_PAGES[venue].adapter;
    const hooked = readPage(loadFixture(name), adapter, market, { url }).fields;
    const meaning = readPage(stripHooks(loadFixture(name)), adapter, market, { url }).fields;
    const read: string[] = [];
    for (const [field, result] of Object.entries(meaning)) {
      if (!('value' in result)) continue;
      read.push(field);
      const hookedValue = (hooked as unknown as Record<string, { value?: unknown }>)[field]?.value;
      // A toggle whose chosen state is only a class (Bybit) reads as both sides: shown both ways, never the wrong one.
      if (field === 'side' && result.value === 'undecided' && hookedValue !== undefined) continue;
      expect(result.value, field).toEqual(hookedValue);
    }
    // Whatever is not read says why (never an empty reason).
    for (const result of Object.values(meaning)) if ('missing' in result) expect(result.missing.length).toBeGreaterThan(10);
    if (process.env.LIQLENS_MEANING_LOG) console.log(name, read, meaning);
    expect(read.sort()).toEqual([...reads].sort());
  });
});
