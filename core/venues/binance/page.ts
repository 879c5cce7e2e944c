/**
 * Binance USDⓈ-M / COIN-M futures order form. Hooks and their sources: test/fixtures/pages/binance.html.
 * Confirmed in public code: `input[id^="unitAmount-"]`, `input[id^="limitPrice-"]`, zh aria-labels
 * 数量/委托价格, `[role=tab][aria-selected][data-tab-key]`, `#position-direction`, bn-button__buy/sell,
 * `.orderbook-ticker .contractPrice`, the "Cross 20x" leverage button text, `[data-testid*=position]`.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, LEVERAGE_TEXT, MARGIN_TEXT } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

const SIZE_INPUT = 'input[id^="unitAmount-"]';

export const adapter: VenuePageAdapter = {
  venue: 'binance',
  // The smallest ancestor of the size input that also holds the sell button: the active form.
  formRoot: [
    css(SIZE_INPUT, { scope: 'document', ancestorContaining: 'button.bn-button__sell' }),
    // Without the size id: the sell button's nearest ancestor holding an input.
    css('button.bn-button__sell', { scope: 'document', ancestorContaining: 'input' }),
  ],
  lastPrice: [css('.orderbook-ticker .contractPrice')],
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.ticker-market-list' })],
  orderType: [
    css('[role="tab"][aria-selected="true"][data-tab-key]', { attr: 'data-tab-key' }),
    css('[role="tab"][aria-selected="true"][aria-controls^="bn-tab-pane-"]'),
  ],
  side: {
    openCloseTab: [css('#position-direction [role="tab"][aria-selected="true"]')],
    longButton: [css('button.bn-button__buy')],
    shortButton: [css('button.bn-button__sell')],
  },
  limitPrice: [css('input[id^="limitPrice-"]'), css('input[aria-label="委托价格"]'), css('input[aria-label="Price"]')],
  size: [css(SIZE_INPUT), css('input[aria-label="数量"]'), css('input[aria-label="Size"]')],
  // Assumed: the bn-textField suffix beside the size input shows BTC or USDT (verify live).
  sizeUnit: [
    css('.bn-textField-suffix', { relativeTo: { css: SIZE_INPUT } }),
    css('.bn-textField-suffix', { relativeTo: { css: 'input[aria-label="数量"]' } }),
    css('.bn-textField-suffix', { relativeTo: { css: 'input[aria-label="Size"]' } }),
  ],
  leverage: [buttonText('leverage "Cross 20x"', LEVERAGE_TEXT)],
  marginMode: [buttonText('margin mode "Cross 20x"', MARGIN_TEXT)],
  availableBalance: [],
  position: {
    table: [css('[data-testid="position-table"]', { scope: 'document' }), css('[data-testid*="position"]', { scope: 'document' })],
    row: '[role="row"]',
    symbol: '[data-col="symbol"]',
    size: '[data-col="size"]',
    entryPrice: '[data-col="entry"]',
    // Built from documentation (the Positions tab's "Liq.Price" column); verify live.
    liqPrice: '[data-col="liq"]',
  },
  symbolSpellings: (market) => {
    const { base, quote, inverse } = legs(market);
    return inverse ? [`${base}USD_PERP`, `${base}USD`] : [`${base}${quote}`];
  },
};
