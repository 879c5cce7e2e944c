/**
 * Bybit derivatives order form (ByUI `by-*` + BEM `oc__*`). Hooks and sources: test/fixtures/pages/bybit.html.
 * Confirmed in public code: `.ob__market-price` (book centre), `.oc-main__order-type`,
 * `.oc-head-leverage`, `.by-input__inner` inputs with the unit in `.by-input__right-icon`,
 * `.by-checkbox--long/--short` + `.by-checkbox--checked` (older UI), "Mark Price" in `.contract-detail`.
 */
import type { VenuePageAdapter } from '../../page/adapter-types';
import { css, label, legs } from '../../page/probe-kit';
import { LABELS } from '../../page/vocabulary';

export const adapter: VenuePageAdapter = {
  venue: 'bybit',
  // The order-type row's nearest ancestor that also holds the inputs.
  formRoot: [css('.oc-main__order-type', { scope: 'document', ancestorContaining: '.by-input__inner' })],
  lastPrice: [css('.ob__market-price')],
  markPrice: [label(LABELS.markPrice, { scope: 'document', within: '.contract-detail' })],
  // Assumed: the selected order-type tab carries aria-selected / an --active class.
  orderType: [css('.oc-main__order-type [role="tab"][aria-selected="true"]'), css('.oc-main__order-type .oc-main__order-type-item--active')],
  side: {
    selected: [css('.by-checkbox--long.by-checkbox--checked, .by-checkbox--short.by-checkbox--checked')],
    longButton: [],
    shortButton: [],
  },
  limitPrice: [],
  size: [],
  sizeUnit: [css('.by-input__right-icon', { relativeTo: { css: '.oc__qty .by-input__inner' } })],
  // The head button reads e.g. "Cross 10.00x": leverage and margin mode from one node.
  leverage: [css('.oc-head-leverage', { scope: 'document' })],
  marginMode: [css('.oc-head-leverage', { scope: 'document' })],
  availableBalance: [],
  symbolSpellings: (market) => {
    const { base, quote, inverse } = legs(market);
    if (inverse) return [`${base}USD`];
    return quote === 'USDC' ? [`${base}PERP`, `${base}-PERP`, `${base}USDC`] : [`${base}${quote}`];
  },
};
