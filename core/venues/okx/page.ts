/**
 * OKX swap order form (okui design system). Hooks and sources: test/fixtures/pages/okx.html.
 * Confirmed in public code (OKX Hotkey extension selectors.js, "verified via headless Chrome"):
 * `.place-order-container-common`, `.price-input .okui-input-input`, okui tab classes,
 * `button.okui-positivebutton`/`okui-negativebutton`, `[data-testid="max-asset"]`,
 * `[data-testid="max-trade"]` (shows the size unit), `span.last`, `.position-box .okui-table-row`.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, MARGIN_TEXT, testid } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

export const adapter: VenuePageAdapter = {
  venue: 'okx',
  formRoot: [
    css('.place-order-container-common', { scope: 'document' }),
    css('#leftPoForm', { scope: 'document' }),
    css('.common-form-box', { scope: 'document' }),
  ],
  lastPrice: [css('span.last')],
  // Real page (2026-04-08): `.ticker-top-box` of `.ticker-item`s, `span.label` "Mark price" + `span.value`.
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.ticker-top-box' })],
  orderType: [css('.okui-tabs-pane-underline-active[role="tab"]'), css('.okui-tabs-pane-spacing[role="tab"][aria-selected="true"]')],
  side: {
    // One-way mode has no direction tabs; hedge mode's segmented tabs say Open/Close.
    selected: [css('.okui-tabs-pane-segmented-active[role="tab"]')],
    openCloseTab: [css('.okui-tabs-pane-segmented-active[role="tab"]')],
    longButton: [css('button.okui-positivebutton')],
    shortButton: [css('button.okui-negativebutton')],
  },
  limitPrice: [css('.price-input .okui-input-input')],
  // Assumed: the size field is wrapped like the price field (.size-input); label text next.
  size: [css('.size-input .okui-input-input')],
  // The real page's suffix is there but empty; its unit is in the size label "Amount (Contracts)".
  sizeUnit: [css('.size-input .okui-input-suffix', { textMatches: /\S/ }), css('.size-input .okui-form-item-label'), testid('max-trade')],
  // Real page, isolated: one button showing `span.color-up` "5x" (long) and `span.color-down` "5x" (short).
  leverageBySide: { long: [css('.order-settings-box button .color-up')], short: [css('.order-settings-box button .color-down')] },
  leverage: [buttonText('leverage "10x"', /^\s*\d{1,3}(?:\.\d+)?\s*[xX]\s*$/)],
  marginMode: [buttonText('margin mode "Cross"', MARGIN_TEXT)],
  availableBalance: [testid('max-asset')],
  position: {
    table: [css('.position-box', { scope: 'document' })],
    row: '.okui-table-row',
    // Assumed cell classes inside a position row.
    symbol: '.position-symbol',
    size: '.position-size',
    entryPrice: '.position-entry',
    side: '.position-side',
    // Assumed like the other cells (OKX's positions list shows "Est. liq. price").
    liqPrice: '.position-liq',
  },
  symbolSpellings: (market) => {
    const { base, quote } = legs(market);
    return [`${base}-${quote}-SWAP`, `${base}${quote}`];
  },
};
