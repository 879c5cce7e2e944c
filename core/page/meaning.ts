/**
 * Reading by meaning: after a venue's stable hooks, every field falls back to what a person reads —
 * the label next to an input (accessible name, <label for>, the form item's visible label), the
 * selected tab (role=tab aria-selected) or pressed button, a button's own words, a label with its
 * value beside it. The engine appends these to every adapter's probes (once per adapter, so the
 * ResolutionCache keeps them per form). The same fail-closed rule holds: two candidates for one
 * field pass the probe over ("unsure"), and text scans are bounded (dom.ts MAX_SCAN).
 */
import type { Probe, VenuePageAdapter } from './adapter-types';
import { buttonText, css, label, LEVERAGE_TEXT, MARGIN_TEXT } from './probe-kit';
import { LABELS, orderTypeFromText, sideFromText } from './vocabulary';

const SELECTED = '[aria-selected="true"], [aria-pressed="true"], [aria-checked="true"]';
const CONTROLS = 'button, [role="button"]';
/** Text that names an order type or a side, by the shared vocabulary. */
const ORDER_TYPE_TEXT = { test: (t: string) => orderTypeFromText(t) !== null };
const SIDE_TEXT = { test: (t: string) => sideFromText(t) !== null };
// Longest first: the word that matched names the hook ("Buy/Long" → buy/long, not buy).
const LONG_WORDS = ['buy/long', 'buy / long', 'buy(long)', 'open long', 'buy', 'long', '买入/做多', '买入开多', '开多', '做多', '买入'];
const SHORT_WORDS = ['sell/short', 'sell / short', 'sell(short)', 'open short', 'sell', 'short', '卖出/做空', '卖出开空', '开空', '做空', '卖出'];

/** The meaning probes, field by field; hooks say what a person would read there. */
export const MEANING = {
  formRoot: [label(LABELS.size, { scope: 'document', formAround: (t) => ORDER_TYPE_TEXT.test(t) || SIDE_TEXT.test(t) })],
  lastPrice: [label(LABELS.lastPrice, { scope: 'document' })],
  markPrice: [label(LABELS.markPrice, { scope: 'document' })],
  orderType: [css(SELECTED, { textMatches: ORDER_TYPE_TEXT })],
  selected: [css(SELECTED, { textMatches: SIDE_TEXT })],
  longButton: [label(LONG_WORDS)],
  shortButton: [label(SHORT_WORDS)],
  limitPrice: [label(LABELS.price)],
  size: [label(LABELS.size)],
  leverage: [buttonText('leverage "20x"', LEVERAGE_TEXT, {}, CONTROLS), label(LABELS.leverage)],
  marginMode: [css(SELECTED, { textMatches: MARGIN_TEXT }), buttonText('margin mode "Cross"', MARGIN_TEXT, {}, CONTROLS)],
  availableBalance: [label(LABELS.available)],
  estLiqPrice: [label(LABELS.liqPrice)],
} satisfies Record<string, readonly Probe[]>;

/** Hooks first, then meaning; a meaning probe the adapter already lists (same hook) is not run twice. */
function chain(hooks: readonly Probe[] | undefined, meaning: readonly Probe[]): readonly Probe[] {
  const own = hooks ?? [];
  const key = (p: Probe) => `${p.hook}|${p.scope ?? ''}|${p.within ?? ''}|${p.relativeTo?.css ?? ''}`;
  const seen = new Set(own.map(key));
  return [...own, ...meaning.filter((p) => !seen.has(key(p)))];
}

const augmented = new WeakMap<VenuePageAdapter, VenuePageAdapter>();

/** Fields whose probes get the meaning fallbacks (the side's three lists are done apart). */
const FIELDS = ['formRoot', 'lastPrice', 'markPrice', 'orderType', 'limitPrice', 'size', 'leverage', 'marginMode', 'availableBalance', 'estLiqPrice'] as const;

/** The adapter with the meaning fallbacks appended, built once per adapter (stable probe arrays). */
export function withMeaning(adapter: VenuePageAdapter): VenuePageAdapter {
  let out = augmented.get(adapter);
  if (!out) {
    const side = adapter.side;
    out = {
      ...adapter,
      side: {
        ...side,
        selected: chain(side.selected, MEANING.selected),
        longButton: chain(side.longButton, MEANING.longButton),
        shortButton: chain(side.shortButton, MEANING.shortButton),
      },
    };
    for (const field of FIELDS) out[field] = chain(adapter[field], MEANING[field]);
    augmented.set(adapter, out);
  }
  return out;
}
