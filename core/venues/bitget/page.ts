/**
 * Bitget futures order form. Confirmed in public code (funding scraper): the `Future…` data-testid
 * family — `FutureOrderTableCurrentPrice` (last price), `FutureOrderBuyList`/`FutureOrderSellList`
 * (order book). The order-form hooks below follow that naming but are ASSUMED (exchange-pages.md §3.4:
 * "probably has testids too; inspect live"), with label text (en + zh) as the fallback.
 * See test/fixtures/pages/bitget.html.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, LEVERAGE_TEXT, MARGIN_TEXT, testid } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

export const adapter: VenuePageAdapter = {
  venue: 'bitget',
  formRoot: [testid('FutureOrderForm', { scope: 'document' }), css('.order-form-container', { scope: 'document' })],
  lastPrice: [testid('FutureOrderTableCurrentPrice')],
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.contract-header' })],
  orderType: [css('[role="tab"][aria-selected="true"][data-type]', { attr: 'data-type' }), css('.order-type [role="tab"][aria-selected="true"]')],
  side: {
    openCloseTab: [css('.open-close [role="tab"][aria-selected="true"]')],
    longButton: [testid('FutureOrderOpenLongButton')],
    shortButton: [testid('FutureOrderOpenShortButton')],
  },
  limitPrice: [testid('FutureOrderPriceInput')],
  size: [testid('FutureOrderAmountInput')],
  sizeUnit: [css('.unit-select', { relativeTo: { css: '[data-testid="FutureOrderAmountInput"]' } }), label(['unit', '单位'])],
  leverage: [buttonText('leverage "20x"', LEVERAGE_TEXT)],
  marginMode: [buttonText('margin mode', MARGIN_TEXT)],
  availableBalance: [],
  symbolSpellings: (market) => {
    const { base, quote, inverse } = legs(market);
    if (inverse) return [`${base}USD`];
    return quote === 'USDC' ? [`${base}PERP`, `${base}USDC`] : [`${base}${quote}`];
  },
};
