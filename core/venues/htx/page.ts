/**
 * HTX futures order form. No public script reads HTX's order form (exchange-pages.md §3.7), so
 * apart from the URL (contract and `type=cross|isolated` in the hash, confirmed) every hook here
 * is an assumption, ordered ids/names first and label text (en + zh) last. See test/fixtures/pages/htx.html.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, LEVERAGE_TEXT, MARGIN_TEXT } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';
import { marginModeFromUrl } from './urls';

export const adapter: VenuePageAdapter = {
  venue: 'htx',
  formRoot: [css('.contract-order-form', { scope: 'document' }), css('form[name="orderForm"]', { scope: 'document' })],
  lastPrice: [css('.contract-header .last-price'), label(LABELS.lastPrice, { scope: 'document', within: '.contract-header' })],
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.contract-header' })],
  orderType: [css('[role="tab"][aria-selected="true"].order-type-tab'), css('.order-type .active')],
  side: {
    openCloseTab: [css('.open-close-tabs [aria-selected="true"]')],
    longButton: [],
    shortButton: [],
  },
  limitPrice: [css('input[name="price"]')],
  size: [css('input[name="volume"]'), css('input[name="amount"]')],
  sizeUnit: [css('.unit', { relativeTo: { css: 'input[name="volume"]' } }), css('.unit', { relativeTo: { css: 'input[name="amount"]' } })],
  leverage: [buttonText('leverage "20x"', LEVERAGE_TEXT)],
  marginModeFromUrl,
  marginMode: [buttonText('margin mode', MARGIN_TEXT)],
  availableBalance: [],
  symbolSpellings: (market) => {
    const { base, quote } = legs(market);
    return [`${base}-${quote}`, `${base}${quote}`];
  },
};
