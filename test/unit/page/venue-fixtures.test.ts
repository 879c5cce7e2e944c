// @vitest-environment happy-dom
/**
 * Each venue's documented-hook fixture (test/fixtures/pages/<venue>.html) read end to end: the
 * primary hooks match exactly one visible element (decoys included in the page), and the reader's
 * full result — every field, value or reason — is what the fixture shows.
 */
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { marketFromUrl } from '@/core/page/market-from-url';
import { isHidden } from '@/core/page/dom';
import { isSensitiveElement } from '@/core/page/privacy';
import { readPage } from '@/core/page/read-page';
import type { PageFields } from '@/core/page/types';
import type { VenueId } from '@/core/types';
import { loadFixture } from './load-fixture';

interface VenueCase {
  url: string;
  /** Hooks this fixture claims are on the page: each must match exactly one visible, readable element. */
  primaryHooks: string[];
  fields: PageFields;
  refusedAtLeast: number;
}

const MARKET_ORDER_NOTE = 'market order: it fills at the market price, there is no limit price';
const NO_POSITIONS = 'this venue adapter does not read positions';
const NO_EST_LIQ = { missing: 'not found (label "est. liq. price" / "预估强平价": 0 labelled elements)' };

const CASES: Record<VenueId, VenueCase> = {
  binance: {
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    primaryHooks: [
      'input[id^="unitAmount-"]',
      'input[id^="limitPrice-"]',
      '[role="tab"][aria-selected="true"][data-tab-key]',
      '#position-direction [role="tab"][aria-selected="true"]',
      'button.bn-button__buy',
      'button.bn-button__sell',
      '.orderbook-ticker .contractPrice',
      '[data-testid="position-table"]',
    ],
    fields: {
      lastPrice: { value: 84012.3, hook: '.orderbook-ticker .contractPrice' },
      markPrice: { value: 84020.5, hook: 'label "mark"' },
      titlePrice: { value: 84012.3, hook: 'document.title' },
      side: { value: 'undecided', hook: 'both submit buttons (button.bn-button__buy + button.bn-button__sell)' },
      orderType: { value: 'limit', hook: '[role="tab"][aria-selected="true"][data-tab-key]' },
      limitPrice: { value: 84000, hook: 'input[id^="limitPrice-"]' },
      size: { value: { amount: 0.15, unit: 'coin', unitLabel: 'BTC' }, hook: 'input[id^="unitAmount-"] + unit .bn-textField-suffix' },
      leverage: { value: 20, hook: 'button showing leverage "Cross 20x"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode "Cross 20x"' },
      availableBalance: { value: { amount: 1250.4, currency: 'USDT' }, hook: 'label "avbl"' },
      estLiqPrice: NO_EST_LIQ,
      position: {
        value: { side: 'long', size: 0.5, sizeUnitLabel: 'BTC', entryPrice: 82500, liqPrice: 78689.8 },
        hook: '[data-testid="position-table"] row [role="row"]',
      },
    },
    refusedAtLeast: 2,
  },
  okx: {
    url: 'https://www.okx.com/trade-swap/btc-usdt-swap',
    primaryHooks: [
      '.place-order-container-common',
      '.price-input .okui-input-input',
      '.okui-tabs-pane-underline-active[role="tab"]',
      'button.okui-positivebutton',
      'button.okui-negativebutton',
      '[data-testid="max-asset"]',
      '[data-testid="max-trade"]',
      'span.last',
      '.position-box',
    ],
    fields: {
      lastPrice: { value: 71704.6, hook: 'span.last' },
      markPrice: { value: 71710.2, hook: 'label "mark price"' },
      titlePrice: { missing: 'title shows no price' },
      side: { value: 'undecided', hook: 'both submit buttons (button.okui-positivebutton + button.okui-negativebutton)' },
      orderType: { value: 'limit', hook: '.okui-tabs-pane-underline-active[role="tab"]' },
      limitPrice: { value: 71500, hook: '.price-input .okui-input-input' },
      size: { value: { amount: 12, unit: 'contracts', unitLabel: 'Contracts' }, hook: '.size-input .okui-input-input + unit .size-input .okui-input-suffix' },
      leverage: { value: 10, hook: 'button showing leverage "10x"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode "Cross"' },
      availableBalance: { value: { amount: 6996.26, currency: 'USDT' }, hook: '[data-testid="max-asset"]' },
      estLiqPrice: NO_EST_LIQ,
      position: {
        value: { side: 'long', size: 30, sizeUnitLabel: 'Contracts', entryPrice: 70950.1, liqPrice: 64500 },
        hook: '.position-box row .okui-table-row',
      },
    },
    refusedAtLeast: 2,
  },
  bybit: {
    url: 'https://www.bybit.com/trade/usdt/BTCUSDT',
    primaryHooks: ['.oc-main__order-type', '.ob__market-price', '.oc-head-leverage', '.by-checkbox--long.by-checkbox--checked', '.contract-detail'],
    fields: {
      lastPrice: { value: 84100.5, hook: '.ob__market-price' },
      markPrice: { value: 84105, hook: 'label "标记价格"' },
      titlePrice: { missing: 'title shows no price' },
      side: { value: 'long', hook: '.by-checkbox--long.by-checkbox--checked, .by-checkbox--short.by-checkbox--checked' },
      orderType: { value: 'market', hook: '.oc-main__order-type [role="tab"][aria-selected="true"]' },
      limitPrice: { missing: MARKET_ORDER_NOTE },
      size: { value: { amount: 0.25, unit: 'coin', unitLabel: 'BTC' }, hook: 'label "数量" + unit .by-input__right-icon' },
      leverage: { value: 10, hook: '.oc-head-leverage' },
      marginMode: { value: 'cross', hook: '.oc-head-leverage' },
      availableBalance: { value: { amount: 5230.77, currency: 'USDT' }, hook: 'label "可用"' },
      estLiqPrice: NO_EST_LIQ,
      position: { missing: NO_POSITIONS },
    },
    refusedAtLeast: 2,
  },
  htx: {
    url: 'https://www.htx.com/en-us/futures/linear_swap/exchange#contract_code=BTC-USDT&contract_type=swap&type=isolated',
    primaryHooks: ['.contract-order-form', 'input[name="volume"]', '.contract-header .last-price', '.open-close-tabs [aria-selected="true"]'],
    fields: {
      lastPrice: { value: 84090.1, hook: '.contract-header .last-price' },
      markPrice: { value: 84095.4, hook: 'label "mark price"' },
      titlePrice: { missing: 'title shows no price' },
      side: { value: 'undecided', hook: 'both submit buttons (label "buy(long)" + label "sell(short)")' },
      orderType: { value: 'limit', hook: '[role="tab"][aria-selected="true"].order-type-tab' },
      // "84,000" alone is ambiguous; the page is en-US, so "," is grouping.
      limitPrice: { value: 84000, hook: 'input[name="price"]' },
      size: { value: { amount: 25, unit: 'contracts', unitLabel: 'Cont' }, hook: 'input[name="volume"] + unit .unit' },
      leverage: { value: 20, hook: 'button showing leverage "20x"' },
      marginMode: { value: 'isolated', hook: 'url' },
      availableBalance: { value: { amount: 1000, currency: 'USDT' }, hook: 'label "available"' },
      estLiqPrice: NO_EST_LIQ,
      position: { missing: NO_POSITIONS },
    },
    refusedAtLeast: 2,
  },
  bitget: {
    url: 'https://www.bitget.com/de/futures/usdt/BTCUSDT',
    primaryHooks: [
      '[data-testid="FutureOrderForm"]',
      '[data-testid="FutureOrderTableCurrentPrice"]',
      '[data-testid="FutureOrderPriceInput"]',
      '[data-testid="FutureOrderAmountInput"]',
      '[data-testid="FutureOrderOpenLongButton"]',
      '[data-testid="FutureOrderOpenShortButton"]',
    ],
    fields: {
      lastPrice: { value: 84012.5, hook: '[data-testid="FutureOrderTableCurrentPrice"]' },
      markPrice: { value: 84020.1, hook: 'label "mark price"' },
      titlePrice: { value: 84012.5, hook: 'document.title' },
      side: { value: 'undecided', hook: 'both submit buttons ([data-testid="FutureOrderOpenLongButton"] + [data-testid="FutureOrderOpenShortButton"])' },
      orderType: { value: 'limit', hook: '[role="tab"][aria-selected="true"][data-type]' },
      // de page: "84.000" is 84000 and "0,5" is 0.5.
      limitPrice: { value: 84000, hook: '[data-testid="FutureOrderPriceInput"]' },
      size: { value: { amount: 0.5, unit: 'coin', unitLabel: 'BTC' }, hook: '[data-testid="FutureOrderAmountInput"] + unit .unit-select' },
      leverage: { value: 20, hook: 'button showing leverage "20x"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode' },
      availableBalance: { value: { amount: 2500, currency: 'USDT' }, hook: 'label "available"' },
      estLiqPrice: NO_EST_LIQ,
      position: { missing: NO_POSITIONS },
    },
    refusedAtLeast: 1,
  },
  gate: {
    url: 'https://www.gate.com/zh/futures/USDT/BTC_USDT',
    primaryHooks: [
      '.dealbox',
      'input[name="f_order"]',
      '#tab-long[aria-selected="true"]',
      '[data-testid="tr-futures-header-price"] span',
      'table.position-table',
    ],
    fields: {
      lastPrice: { value: 84001.2, hook: '[data-testid="tr-futures-header-price"] span' },
      markPrice: { value: 84003, hook: 'label "标记价格"' },
      titlePrice: { missing: 'title shows no price' },
      side: { value: 'undecided', hook: 'both submit buttons (label "开多" + label "开空")' },
      orderType: { value: 'limit', hook: '.mantine-Tabs-tab[aria-selected="true"]' },
      limitPrice: { value: 84000, hook: 'label "价格"' },
      size: { missing: 'input[name="f_order"]: size "25%" is a percentage of the maximum, not an amount' },
      leverage: { value: 20, hook: 'button showing leverage "20x"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode 全仓/逐仓' },
      availableBalance: { value: { amount: 3210.55, currency: 'USDT' }, hook: 'label "可用"' },
      estLiqPrice: NO_EST_LIQ,
      position: { value: { side: 'short', size: 120, sizeUnitLabel: '张', entryPrice: 85100 }, hook: 'table.position-table row tbody tr' },
    },
    refusedAtLeast: 1,
  },
  mexc: {
    url: 'https://futures.mexc.com/exchange/BTC_USDT',
    primaryHooks: [
      '[data-testid="contract-trade-order-form"]',
      '#mexc_contract_v_open_position',
      '[data-testid="contract-trade-open-long-btn"]',
      '[data-testid="contract-trade-open-short-btn"]',
      '#mexc_contract_v_open_position input[placeholder*="Qty"]',
      '[class*="contractDetail_lastPrice__"] span',
    ],
    fields: {
      lastPrice: { value: 84010, hook: '[class*="contractDetail_lastPrice__"] span' },
      markPrice: { value: 84011.5, hook: 'label "fair price"' },
      titlePrice: { missing: 'title shows no price' },
      side: { value: 'undecided', hook: 'both submit buttons ([data-testid="contract-trade-open-long-btn"] + [data-testid="contract-trade-open-short-btn"])' },
      orderType: { value: 'limit', hook: '#mexc_contract_v_open_position [role="tab"][aria-selected="true"]' },
      limitPrice: { value: 83900.5, hook: '#mexc_contract_v_open_position input[placeholder*="Price"]' },
      size: {
        value: { amount: 1000, unit: 'contracts', unitLabel: 'Cont' },
        hook: '#mexc_contract_v_open_position input[placeholder*="Qty"] + unit [class*="unit"]',
      },
      leverage: { value: 20, hook: 'button showing leverage "20X"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode' },
      availableBalance: { value: { amount: 800.12, currency: 'USDT' }, hook: 'label "available"' },
      estLiqPrice: NO_EST_LIQ,
      position: { missing: NO_POSITIONS },
    },
    refusedAtLeast: 1,
  },
  hyperliquid: {
    url: 'https://app.hyperliquid.xyz/trade/BTC',
    primaryHooks: ['button[color="primary"]', '#marketData', 'button[aria-pressed="true"]'],
    fields: {
      lastPrice: { missing: 'not found (label "last price": 0 labelled elements; label "last price" / "最新价": 0 labelled elements)' },
      markPrice: { value: 84052, hook: 'label "mark"' },
      titlePrice: { value: 84050, hook: 'document.title' },
      side: { value: 'long', hook: 'button[aria-pressed="true"]' },
      orderType: { value: 'limit', hook: '[role="tab"][aria-selected="true"]' },
      limitPrice: { value: 84000, hook: 'label "price (usdc)"' },
      size: { value: { amount: 0.05, unit: 'coin', unitLabel: 'BTC' }, hook: 'label "size" + unit .size-unit' },
      leverage: { value: 20, hook: 'button showing leverage "20x"' },
      marginMode: { value: 'cross', hook: 'button showing margin mode "Cross"' },
      availableBalance: { value: { amount: 1234.56, currency: 'USDC' }, hook: 'label "available to trade"' },
      estLiqPrice: NO_EST_LIQ,
      position: { missing: NO_POSITIONS },
    },
    refusedAtLeast: 1,
  },
};

describe.each(Object.entries(CASES) as [VenueId, VenueCase][])('%s fixture', (venue, c) => {
  const market = marketFromUrl(c.url);

  it('is a market page of this venue', () => {
    expect(market?.venue).toBe(venue);
  });

  it.each(c.primaryHooks)('primary hook %s matches exactly one visible, readable element', (selector) => {
    const doc = loadFixture(venue);
    const visible = Array.from(doc.querySelectorAll(selector)).filter((el) => !isHidden(el) && !isSensitiveElement(el));
    expect(visible).toHaveLength(1);
  });

  it('reads the full result', () => {
    const reading = readPage(loadFixture(venue), VENUE_PAGES[venue].adapter, market!, { url: c.url, now: () => 42 });
    expect(reading.fields).toEqual(c.fields);
    expect(reading).toMatchObject({ venue, market, url: c.url, readAt: 42 });
    expect(reading.refusedSensitive).toBeGreaterThanOrEqual(c.refusedAtLeast);
    // The health report covers every field, with the same hook or reason.
    expect(reading.health.map((h) => h.field).sort()).toEqual(Object.keys(c.fields).sort());
    for (const entry of reading.health) {
      const field = c.fields[entry.field]!;
      expect(entry.ok).toBe('value' in field);
      expect(entry.detail).toBe('value' in field ? field.hook : field.missing);
    }
  });
});
