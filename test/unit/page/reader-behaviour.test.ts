// @vitest-environment happy-dom
/** Fallback order, fail-closed reasons and side detection, on the venue fixtures edited per case. */
import { describe, expect, it } from 'vitest';
import { pageAdapterFor } from '@/core/page/adapters';
import { readPage } from '@/core/page/read-page';
import type { PageReading } from '@/core/page/types';
import type { Market, VenueId } from '@/core/types';
import { loadFixture } from './load-fixture';

const MARKETS: Record<string, Market> = {
  binance: { venue: 'binance', symbol: 'BTC/USDT:USDT' },
  okx: { venue: 'okx', symbol: 'BTC/USDT:USDT' },
  gate: { venue: 'gate', symbol: 'BTC/USDT:USDT' },
  mexc: { venue: 'mexc', symbol: 'BTC/USDT:USDT' },
  bybit: { venue: 'bybit', symbol: 'BTC/USDT:USDT' },
  hyperliquid: { venue: 'hyperliquid', symbol: 'BTC/USDC:USDC' },
};

function read(venue: VenueId, edit: (doc: Document) => void = () => undefined, market = MARKETS[venue]!): PageReading {
  const doc = loadFixture(venue);
  edit(doc);
  return readPage(doc, pageAdapterFor(venue), market, { url: 'https://example.invalid/', now: () => 0 });
}

const healthOf = (r: PageReading, field: string) => r.health.find((h) => h.field === field)!;

describe('fallback order', () => {
  it('Binance size: without the unitAmount id the form is found from the sell button and the size by aria-label', () => {
    const byAria = read('binance', (doc) => doc.querySelector('#unitAmount-r8')!.removeAttribute('id'));
    // The apiKey decoy also says aria-label="Size": the privacy guard keeps it out, so the hook stays unique.
    expect(byAria.fields.size).toMatchObject({ value: { amount: 0.15 }, hook: expect.stringMatching(/^input\[aria-label="Size"\]/) });
    expect(healthOf(byAria, 'size').passedOver.slice(0, 2)).toEqual([
      'input[id^="unitAmount-"]: matched 0 visible elements',
      'input[aria-label="数量"]: matched 0 visible elements',
    ]);
    expect(byAria.fields.size).toEqual({
      value: { amount: 0.15, unit: 'coin', unitLabel: 'BTC' },
      hook: 'input[aria-label="Size"] + unit .bn-textField-suffix',
    });

    const okx = read('okx', (doc) => doc.querySelector('.size-input')!.classList.remove('size-input'));
    // "Amount size" (the okui a11y label) matches the dictionary word "amount"; the unit then
    // comes from the max-trade line because the .size-input suffix went with the class.
    expect(okx.fields.size).toEqual({
      value: { amount: 12, unit: 'contracts', unitLabel: 'Contracts' },
      hook: 'label "amount" + unit [data-testid="max-trade"]',
    });
    const entry = healthOf(okx, 'size');
    expect(entry.ok).toBe(true);
    expect(entry.passedOver[0]).toBe('.size-input .okui-input-input: matched 0 visible elements');
  });

  it('Binance limit price: removing the id falls back to the aria-label hook, and the health report says so', () => {
    const r = read('binance', (doc) => doc.querySelector('#limitPrice-r7')!.setAttribute('id', 'renamed'));
    expect(r.fields.limitPrice).toEqual({ value: 84000, hook: 'input[aria-label="Price"]' });
    expect(healthOf(r, 'limitPrice').passedOver).toEqual([
      'input[id^="limitPrice-"]: matched 0 visible elements',
      'input[aria-label="委托价格"]: matched 0 visible elements',
    ]);
  });

  it('Binance limit price: with no id and no aria-label the label text finds it, never the password decoy', () => {
    const r = read('binance', (doc) => {
      const input = doc.querySelector('#limitPrice-r7')!;
      input.removeAttribute('id');
      input.removeAttribute('aria-label');
      input.setAttribute('placeholder', 'Price');
    });
    expect(r.fields.limitPrice).toEqual({ value: 84000, hook: 'label "price"' });
    expect(r.refusedSensitive).toBeGreaterThan(0);
  });

  it('OKX available balance: without data-testid="max-asset" the "Available" label is used', () => {
    const r = read('okx', (doc) => doc.querySelector('[data-testid="max-asset"]')!.removeAttribute('data-testid'));
    expect(r.fields.availableBalance).toEqual({ value: { amount: 6996.26, currency: 'USDT' }, hook: 'label "available"' });
    expect(healthOf(r, 'availableBalance').passedOver).toEqual(['[data-testid="max-asset"]: matched 0 visible elements']);
  });

  it('OKX size unit: without the input suffix the max-trade line names the unit', () => {
    const r = read('okx', (doc) => doc.querySelector('.okui-input-suffix')!.remove());
    expect(r.fields.size).toEqual({
      value: { amount: 12, unit: 'contracts', unitLabel: 'Contracts' },
      hook: '.size-input .okui-input-input + unit [data-testid="max-trade"]',
    });
  });

  it('a hook that suddenly matches twice is passed over, not resolved by picking one', () => {
    const r = read('okx', (doc) => {
      const copy = doc.createElement('span');
      copy.className = 'last';
      copy.textContent = '1.0';
      doc.body.appendChild(copy);
    });
    expect(r.fields.lastPrice).toEqual({ missing: 'not found (span.last: matched 2 visible elements; label "last price" / "最新价": 0 labelled elements)' });
  });

  it('a fallback never replaces a found-but-empty field with a decoy', () => {
    const r = read('binance', (doc) => {
      (doc.querySelector('#limitPrice-r7') as HTMLInputElement).value = '';
    });
    expect(r.fields.limitPrice).toEqual({ missing: 'input[id^="limitPrice-"]: limit price is empty' });
  });
});

describe('missing fields say which and why', () => {
  it('no order form: every form field names the form hooks it tried', () => {
    const r = read('okx', (doc) => doc.querySelectorAll('.place-order-container-common').forEach((f) => f.remove()));
    for (const field of ['side', 'orderType', 'limitPrice', 'size', 'leverage', 'availableBalance'] as const) {
      expect(r.fields[field]).toEqual({ missing: expect.stringContaining('order form not found') });
      expect(r.fields[field]).toEqual({ missing: expect.stringContaining('.place-order-container-common: matched 0 visible elements') });
    }
    // Page-level fields are still read.
    expect(r.fields.lastPrice).toEqual({ value: 71704.6, hook: 'span.last' });
  });

  it('a stop order is not a plain market/limit order', () => {
    const r = read('binance', (doc) => {
      doc.querySelector('[data-tab-key="LIMIT"]')!.setAttribute('aria-selected', 'false');
      doc.querySelector('[data-tab-key="CONDITIONAL"]')!.setAttribute('aria-selected', 'true');
    });
    expect(r.fields.orderType).toEqual({ missing: '[role="tab"][aria-selected="true"][data-tab-key]: "CONDITIONAL" is not a plain market or limit order' });
  });

  it('an unknown size unit is refused rather than assumed', () => {
    const r = read('binance', (doc) => {
      doc.querySelector('.field-row:nth-of-type(2) .bn-textField-suffix, #unitAmount-r8 + .bn-textField-suffix')!.textContent = 'ETH';
    });
    expect(r.fields.size).toEqual({ missing: 'size unit "ETH" (.bn-textField-suffix) is not the coin, contracts or the quote of BTC/USDT:USDT' });
  });

  it('an ambiguous number is reported, not guessed', () => {
    const doc = loadFixture('htx');
    // No locale and no unambiguous number on the page: "84,000" could be 84000 or 84.0.
    doc.documentElement.removeAttribute('lang');
    doc.querySelector('.last-price')!.textContent = '84,090';
    doc.querySelector('.contract-header div:nth-child(2) span:nth-child(2)')!.textContent = '84,095';
    const r = readPage(
      doc,
      pageAdapterFor('htx'),
      { venue: 'htx', symbol: 'BTC/USDT:USDT' },
      { url: 'https://www.htx.com/futures/linear_swap/exchange#contract_code=BTC-USDT' },
    );
    expect(r.fields.limitPrice).toEqual({ missing: expect.stringMatching(/^input\[name="price"\]: limit price "84,000" is ambiguous/) });
    expect(r.fields.lastPrice).toEqual({ missing: expect.stringContaining('"84,090" is ambiguous') });
  });

  it("the page's own unambiguous numbers outrank the locale: a ru page printing 84,012.3 reads 1,000 as 1000", () => {
    const doc = loadFixture('binance');
    doc.documentElement.setAttribute('lang', 'ru'); // ru's locale decimal is ","
    (doc.querySelector('#unitAmount-r8') as HTMLInputElement).value = '1,000';
    const r = readPage(doc, pageAdapterFor('binance'), { venue: 'binance', symbol: 'BTC/USDT:USDT' });
    expect(r.fields.size).toMatchObject({ value: { amount: 1000 } });

    // With nothing on the page to learn from, the locale decides.
    doc.title = 'BTCUSDT';
    doc.querySelector('.orderbook-ticker .contractPrice')!.textContent = '84 012';
    doc.querySelector('.ticker-market-list')!.textContent = '';
    const ru = readPage(doc, pageAdapterFor('binance'), { venue: 'binance', symbol: 'BTC/USDT:USDT' });
    expect(ru.fields.size).toMatchObject({ value: { amount: 1 } });
  });

  it('garbage in a price node is refused', () => {
    const r = read('gate', (doc) => {
      doc.querySelector('[data-testid="tr-futures-header-price"] span')!.textContent = '--';
    });
    expect(r.fields.lastPrice).toEqual({ missing: '[data-testid="tr-futures-header-price"] span: last price is empty' });
  });

  it('page text inside a reason is clipped (the page is hostile input)', () => {
    const r = read('binance', (doc) => {
      doc.querySelector('[data-tab-key="LIMIT"]')!.setAttribute('data-tab-key', `<img src=x onerror=alert(1)>${'A'.repeat(5000)}`);
    });
    const reason = 'missing' in r.fields.orderType ? r.fields.orderType.missing : '';
    expect(reason.length).toBeLessThan(160); // hook + 40 clipped characters + message, not 5,000
    expect(reason).toContain('…');
  });

  it('leverage outside 1–1000 is refused', () => {
    const r = read('binance', (doc) => {
      doc.querySelector('.margin-row button')!.textContent = 'Cross 5000x';
    });
    expect(r.fields.leverage).toEqual({ missing: 'button showing leverage "Cross 20x": leverage 5000 is outside 1–1000' });
  });

  it('hedge-mode positions with two rows for one market are not merged', () => {
    const r = read('gate', (doc) => {
      const rows = doc.querySelectorAll('table.position-table tbody tr');
      rows[0]!.querySelector('td.contract')!.firstChild!.textContent = 'BTC_USDT ';
    });
    expect(r.fields.position).toEqual({ missing: '2 position rows for BTC/USDT:USDT (hedge mode?): read them from the table' });
  });

  it('no row for this market in a visible positions table means no position (value null)', () => {
    const r = read('okx', undefined, { venue: 'okx', symbol: 'SOL/USDT:USDT' });
    expect(r.fields.position).toEqual({ value: null, hook: '.position-box row .okui-table-row' });
  });
});

describe('size units', () => {
  it('Gate: a typed number in 张 is contracts, read from the qty label (not the price label)', () => {
    const r = read('gate', (doc) => {
      (doc.querySelector('input[name="f_order"]') as HTMLInputElement).value = '25';
    });
    expect(r.fields.size).toEqual({
      value: { amount: 25, unit: 'contracts', unitLabel: '张' },
      hook: 'input[name="f_order"] + unit label span.truncate (qty label)',
    });
  });

  it('Gate: the unit switched to the coin reads as coin', () => {
    const r = read('gate', (doc) => {
      (doc.querySelector('input[name="f_order"]') as HTMLInputElement).value = '0.01';
      doc.querySelector('label.qty span.truncate')!.textContent = 'BTC';
    });
    expect(r.fields.size).toMatchObject({ value: { amount: 0.01, unit: 'coin', unitLabel: 'BTC' } });
  });

  it('Binance: a USDT size unit is the quote (order value), not coins', () => {
    const r = read('binance', (doc) => {
      doc.querySelector('#unitAmount-r8 + .bn-textField-suffix')!.textContent = 'USDT';
    });
    expect(r.fields.size).toMatchObject({ value: { amount: 0.15, unit: 'quote', unitLabel: 'USDT' } });
  });
});

describe('side', () => {
  it('both submit buttons → undecided', () => {
    expect(read('mexc').fields.side).toMatchObject({ value: 'undecided' });
  });

  it('a close tab selected → missing (a closing order reduces a position)', () => {
    const r = read('gate', (doc) => {
      doc.querySelector('#tab-long')!.setAttribute('aria-selected', 'false');
      doc.querySelector('#tab-short')!.setAttribute('aria-selected', 'true');
    });
    expect(r.fields.side).toEqual({
      missing: '#tab-long[aria-selected="true"], #tab-short[aria-selected="true"]: "平仓" tab selected: a closing order reduces a position',
    });
  });

  it('a side toggle decides: Hyperliquid Sell / Short pressed → short', () => {
    const r = read('hyperliquid', (doc) => {
      doc.querySelector('.variant_green')!.setAttribute('aria-pressed', 'false');
      doc.querySelector('.variant_red')!.setAttribute('aria-pressed', 'true');
    });
    expect(r.fields.side).toEqual({ value: 'short', hook: 'button[aria-pressed="true"]' });
  });

  it('Bybit zh toggle: 卖出/做空 checked → short', () => {
    const r = read('bybit', (doc) => {
      doc.querySelector('.by-checkbox--long')!.classList.remove('by-checkbox--checked');
      doc.querySelector('.by-checkbox--short')!.classList.add('by-checkbox--checked');
    });
    expect(r.fields.side).toMatchObject({ value: 'short' });
  });

  it('only one submit button visible → that side', () => {
    const r = read('mexc', (doc) => doc.querySelector('[data-testid="contract-trade-open-short-btn"]')!.setAttribute('hidden', ''));
    expect(r.fields.side).toEqual({ value: 'long', hook: 'only [data-testid="contract-trade-open-long-btn"]' });
  });
});

describe('title price', () => {
  it('is refused when the title names another market (stale after a switch)', () => {
    const doc = loadFixture('binance');
    doc.title = '3,120.55 | ETHUSDT | Binance USDⓈ-M Futures';
    const r = readPage(doc, pageAdapterFor('binance'), MARKETS.binance!);
    expect(r.fields.titlePrice).toEqual({ missing: 'title names ETHUSDT, not this market (stale after a switch?)' });
  });

  it('is refused when the title has a number but no market name', () => {
    const doc = loadFixture('binance');
    doc.title = '84,012.3 | Binance Futures';
    expect(readPage(doc, pageAdapterFor('binance'), MARKETS.binance!).fields.titlePrice).toEqual({
      missing: 'title does not name the market, so its number cannot be trusted',
    });
  });

  it('reads COIN-M titles by their BTCUSD_PERP name', () => {
    const doc = loadFixture('binance');
    doc.title = '84,100.0 | BTCUSD_PERP | Binance COIN-M Futures';
    expect(readPage(doc, pageAdapterFor('binance'), { venue: 'binance', symbol: 'BTC/USD:BTC' }).fields.titlePrice).toEqual({
      value: 84100,
      hook: 'document.title',
    });
  });
});
