/**
 * Hyperliquid order form (React + styled-components: hashed classes, so few stable hooks).
 * Confirmed in public code (Hyperliquid Light Theme userscript): `#root`, `#marketData`,
 * `#accountTable`, `#tv_chart_container`, the primary submit `button[color="primary"]`.
 * Everything in the form itself is ASSUMED and relies on label text (exchange-pages.md §6 item 6).
 * See test/fixtures/pages/hyperliquid.html.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, MARGIN_TEXT } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

export const adapter: VenuePageAdapter = {
  venue: 'hyperliquid',
  // The primary submit button's nearest ancestor that also holds the Size input.
  formRoot: [css('button[color="primary"]', { scope: 'document', ancestorContaining: 'input' })],
  lastPrice: [label(['last price', 'price'], { scope: 'document', within: '#marketData' })],
  markPrice: [label(['mark'], { scope: 'document', within: '#marketData' })],
  orderType: [css('[role="tab"][aria-selected="true"]')],
  side: {
    // Assumed: Buy/Long and Sell/Short are a toggle; the chosen one is aria-pressed.
    selected: [css('button[aria-pressed="true"]')],
    longButton: [],
    shortButton: [],
  },
  limitPrice: [label(['price (usdc)', 'price', 'limit price'])],
  size: [label(['size', 'amount'])],
  sizeUnit: [css('.size-unit', { relativeTo: { css: 'input[aria-label="Size"]' } })],
  leverage: [buttonText('leverage "20x"', /^\s*\d{1,3}\s*[xX]\s*$/)],
  marginMode: [buttonText('margin mode "Cross"', MARGIN_TEXT)],
  availableBalance: [label(['available to trade', ...LABELS.available])],
  symbolSpellings: (market) => [legs(market).base],
};
