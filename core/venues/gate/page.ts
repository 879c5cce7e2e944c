/**
 * Gate futures order form (React + Mantine). Confirmed in public code ("Gate 合约助手" v1.6.0, which
 * asserts these counts; funding scraper): `.dealbox` (exactly one), `input[name="f_order"]` (qty),
 * its unit in `label span.truncate` (coin or 张), `#tab-long`/`#tab-short` = Open/Close tabs with
 * aria-selected, the 可用 (Available) row, `[data-testid="tr-futures-header-price"] span`,
 * `table.position-table` with `td.size`, `td.entry_price` and the 多/空 badge. See test/fixtures/pages/gate.html.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { buttonText, css, label, legs, LEVERAGE_TEXT, MARGIN_TEXT } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

export const adapter: VenuePageAdapter = {
  venue: 'gate',
  formRoot: [css('.dealbox', { scope: 'document' })],
  lastPrice: [css('[data-testid="tr-futures-header-price"] span')],
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.futures-header' })],
  // Assumed: the order-type tabs are Mantine tabs with aria-selected.
  orderType: [css('.mantine-Tabs-tab[aria-selected="true"]')],
  side: {
    openCloseTab: [css('#tab-long[aria-selected="true"], #tab-short[aria-selected="true"]')],
    longButton: [],
    shortButton: [],
  },
  // The helper takes the last input before the qty input; a label is the explicit form of that.
  limitPrice: [css('input[name="f_price"]')],
  size: [css('input[name="f_order"]')],
  // The helper's rule: qtyInput.closest('label').querySelector('span.truncate').
  sizeUnit: [{ hook: 'label span.truncate (qty label)', css: 'span.truncate', relativeTo: { css: 'input[name="f_order"]', closest: 'label' } }],
  leverage: [buttonText('leverage "20x"', LEVERAGE_TEXT)],
  marginMode: [buttonText('margin mode 全仓/逐仓', MARGIN_TEXT)],
  availableBalance: [],
  position: {
    table: [css('table.position-table', { scope: 'document' })],
    row: 'tbody tr',
    symbol: 'td.contract',
    size: 'td.size',
    entryPrice: 'td.entry_price',
    side: '.mantine-Badge-label',
  },
  symbolSpellings: (market) => {
    const { base, quote } = legs(market);
    return [`${base}_${quote}`, `${base}${quote}`];
  },
};
