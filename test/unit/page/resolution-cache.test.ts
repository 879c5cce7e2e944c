// @vitest-environment happy-dom
/**
 * readPage with a ResolutionCache (what the watcher uses on every keystroke) must give exactly the
 * reading a fresh readPage gives on the same DOM — values, hooks, reasons, passed-over hooks and the
 * sensitive count — and must notice when a located element stops being the right one, even before
 * the watcher clears the cache.
 */
import { withMeaning } from '@/core/page/meaning';
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { ReadContext, ResolutionCache, resolve } from '@/core/page/dom';
import { findOrderForm, readPage } from '@/core/page/read-page';
import { marketFromUrl } from '@/core/page/market-from-url';
import type { PageReading } from '@/core/page/types';
import type { VenueId } from '@/core/types';
import { loadFixture } from './load-fixture';

const URLS: Record<VenueId, string> = {
  binance: 'https://www.binance.com/en/futures/BTCUSDT',
  okx: 'https://www.okx.com/trade-swap/btc-usdt-swap',
  bybit: 'https://www.bybit.com/trade/usdt/BTCUSDT',
  htx: 'https://www.htx.com/futures/linear_swap/exchange#contract_code=BTC-USDT&type=cross',
  bitget: 'https://www.bitget.com/futures/usdt/BTCUSDT',
  gate: 'https://www.gate.com/futures/USDT/BTC_USDT',
  mexc: 'https://futures.mexc.com/exchange/BTC_USDT',
  hyperliquid: 'https://app.hyperliquid.xyz/trade/BTC',
};

function setup(venue: VenueId) {
  const doc = loadFixture(venue);
  const adapter = VENUE_PAGES[venue].adapter;
  const url = URLS[venue];
  const market = marketFromUrl(url);
  if (!market) throw new Error(`fixture URL for ${venue} is not a market`);
  const cache = new ResolutionCache();
  const cached = () => readPage(doc, adapter, market, { url, now: () => 0, cache });
  const fresh = () => readPage(doc, adapter, market, { url, now: () => 0 });
  const sizeInput = () => {
    const r = resolve(new ReadContext(doc, undefined), withMeaning(adapter).size, findOrderForm(doc, adapter), { defaultScope: 'form', input: true });
    if (!('found' in r)) throw new Error(`no size input in the ${venue} fixture`);
    return r.found.element as HTMLInputElement;
  };
  return { doc, cache, cached, fresh, sizeInput };
}

const sizeOf = (r: PageReading) => ('value' in r.fields.size ? r.fields.size.value.amount : undefined);

describe.each(Object.keys(URLS) as VenueId[])('%s: a cached read equals a fresh read', (venue) => {
  it('on the fixture, and after the trader types a new size', () => {
    const { cache, cached, fresh, sizeInput } = setup(venue);
    expect(cached()).toEqual(fresh());
    expect(cache.entries.size).toBeGreaterThan(0);
    sizeInput().value = '0.42'; // the test plays the user; the product never writes
    const again = cached();
    expect(again).toEqual(fresh());
    expect(sizeOf(again)).toBe(0.42);
  });
});

describe('a cached element that stopped being the right one is located again', () => {
  it('replaced by the page (React re-mount): the new input is read, not the detached one', () => {
    const { doc, cached, fresh } = setup('binance');
    cached();
    const old = doc.querySelector<HTMLInputElement>('#unitAmount-r8')!;
    const replacement = old.cloneNode(true) as HTMLInputElement;
    replacement.value = '0.9';
    old.replaceWith(replacement);
    old.value = '5';
    expect(sizeOf(cached())).toBe(0.9);
    expect(cached()).toEqual(fresh());
  });

  it('hidden by an attribute: the field falls back exactly as a fresh read does', () => {
    const { doc, cached, fresh } = setup('binance');
    cached();
    doc.querySelector('#limitPrice-r7')!.setAttribute('hidden', '');
    const after = cached();
    expect(after).toEqual(fresh());
    expect(after.fields.limitPrice).not.toMatchObject({ hook: 'input[id^="limitPrice-"]' });
  });

  it('a text-matched button whose text no longer matches (leverage) is not kept', () => {
    const { doc, cached, fresh } = setup('binance');
    expect(cached().fields.leverage).toEqual({ value: 20, hook: 'button showing leverage "Cross 20x"' });
    const button = Array.from(doc.querySelectorAll('button')).find((b) => b.textContent === 'Cross 20x')!;
    button.textContent = 'Adjust';
    const after = cached();
    expect(after).toEqual(fresh());
    expect(after.fields.leverage).toMatchObject({ missing: expect.any(String) });
  });

  it('a label whose text changed (OKX "Available") is checked again', () => {
    const { doc, cached, fresh } = setup('okx');
    doc.querySelector('[data-testid="max-asset"]')?.removeAttribute('data-testid');
    const before = cached();
    expect(before.fields.availableBalance).toMatchObject({ hook: expect.stringMatching(/^label /) });
    const label = Array.from(doc.querySelectorAll('*')).find((el) =>
      Array.from(el.childNodes).some((n) => n.nodeType === 3 && /^\s*Available/.test(n.textContent ?? '')),
    )!;
    for (const n of Array.from(label.childNodes)) if (n.nodeType === 3) n.textContent = 'Margin';
    expect(cached()).toEqual(fresh());
  });

  it('the order form left the page: every field is located again in the new form', () => {
    const { doc, cached, fresh } = setup('binance');
    cached();
    const form = findOrderForm(doc, VENUE_PAGES.binance.adapter)!;
    const copy = form.cloneNode(true) as Element;
    copy.querySelector<HTMLInputElement>('#unitAmount-r8')!.value = '0.33';
    form.replaceWith(copy);
    expect(sizeOf(cached())).toBe(0.33);
    expect(cached()).toEqual(fresh());
  });

  it('after clear(), a decoy the page added is passed over like in a fresh read', () => {
    const { doc, cache, cached, fresh } = setup('binance');
    cached();
    const decoy = doc.createElement('input');
    decoy.id = 'limitPrice-decoy';
    decoy.value = '1';
    doc.querySelector('#limitPrice-r7')!.after(decoy);
    cache.clear();
    const after = cached();
    expect(after).toEqual(fresh());
    expect(after.health.find((h) => h.field === 'limitPrice')?.passedOver[0]).toBe('input[id^="limitPrice-"]: matched 2 visible elements');
  });

  it('sensitive fields met when the elements were located are still counted on cached reads', () => {
    const { cached, fresh } = setup('binance');
    const first = cached();
    expect(first.refusedSensitive).toBeGreaterThan(0);
    expect(cached().refusedSensitive).toBe(fresh().refusedSensitive);
  });
});
