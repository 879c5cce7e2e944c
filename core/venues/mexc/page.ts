/**
 * MEXC futures order form. Confirmed in public code (ArbiSync, "MEXC Auto Trade Button",
 * "MEXC Futures Data Scraper"): `[data-testid="contract-trade-order-form"]`,
 * `#mexc_contract_v_open_position`, the open/close tab testids, `contract-trade-open-long-btn` /
 * `contract-trade-open-short-btn`, `input[placeholder*="Qty"]` in the open panel, and the hashed
 * `contractDetail_lastPrice__…` class (matched by prefix). See test/fixtures/pages/mexc.html.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, LEVERAGE_TEXT, MARGIN_TEXT, testid } from '../../page/probe-kit';

const OPEN_PANEL = '#mexc_contract_v_open_position';

export const adapter: VenuePageAdapter = {
  venue: 'mexc',
  formRoot: [testid('contract-trade-order-form', { scope: 'document' }), css('#mexc-web-handle-content-wrapper-v', { scope: 'document' })],
  lastPrice: [css('[class*="contractDetail_lastPrice__"] span'), css('[class^="PriceText_text__"]')],
  markPrice: [label(['fair price', 'mark price', '合理价格', '标记价格'], { scope: 'document', within: '[class*="contractDetail_detail__"]' })],
  // Assumed: the order-type tabs carry aria-selected.
  orderType: [css(`${OPEN_PANEL} [role="tab"][aria-selected="true"]`)],
  side: {
    // Assumed: the selected open/close tab carries aria-selected.
    openCloseTab: [css('[data-testid^="contract-trade-order-form-tab-"][aria-selected="true"]')],
    longButton: [testid('contract-trade-open-long-btn')],
    shortButton: [testid('contract-trade-open-short-btn')],
  },
  limitPrice: [css(`${OPEN_PANEL} input[placeholder*="Price"]`)],
  size: [css(`${OPEN_PANEL} input[placeholder*="Qty"]`), css(`${OPEN_PANEL} input[placeholder*="Quantidade"]`)],
  // Assumed: the unit switch (Cont / coin / USDT) beside the quantity input.
  sizeUnit: [css('[class*="unit"]', { relativeTo: { css: `${OPEN_PANEL} input[placeholder*="Qty"]` } })],
  leverage: [buttonText('leverage "20X"', LEVERAGE_TEXT)],
  marginMode: [buttonText('margin mode', MARGIN_TEXT)],
  availableBalance: [],
  symbolSpellings: (market) => {
    const { base, quote } = legs(market);
    return [`${base}_${quote}`, `${base}${quote}`];
  },
};
