// @vitest-environment happy-dom
/**
 * Every adapter's FIRST (most stable) probe for every field, run alone against its venue fixture:
 * it must locate exactly one element, except where the fixture deliberately leaves it out to
 * exercise the fallback (listed below with the reason). Keeps adapters and fixtures in step.
 */
import { describe, expect, it } from 'vitest';
import type { Probe, VenuePageAdapter } from '@/core/page/adapter-types';
import { VENUE_PAGES } from '@/core/page/adapters';
import { ReadContext, resolve } from '@/core/page/dom';
import { findOrderForm } from '@/core/page/read-page';
import { type VenueId } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import { loadFixture } from './load-fixture';

type Slot = string;

const ABSENT_BY_DESIGN: Partial<Record<VenueId, Record<Slot, string>>> = {
  okx: { 'side.selected': 'one-way mode has no direction tabs', 'side.openCloseTab': 'one-way mode has no open/close tabs' },
  bitget: { 'side.openCloseTab': 'the fixture is in one-way mode (no open/close tabs)' },
  gate: { limitPrice: 'input[name="f_price"] is an assumption; the label fallback finds the price' },
  htx: { marginMode: 'the URL hash gives the margin mode' },
  hyperliquid: { lastPrice: 'no last-price hook is known; the title carries the price' },
};

function slots(adapter: VenuePageAdapter): [Slot, Probe | undefined, 'form' | 'document'][] {
  return [
    ['formRoot', adapter.formRoot[0], 'document'],
    ['lastPrice', adapter.lastPrice[0], 'document'],
    ['markPrice', adapter.markPrice[0], 'document'],
    ['orderType', adapter.orderType[0], 'form'],
    ['limitPrice', adapter.limitPrice[0], 'form'],
    ['size', adapter.size[0], 'form'],
    ['sizeUnit', adapter.sizeUnit[0], 'form'],
    ['leverage', adapter.leverage[0], 'form'],
    ['marginMode', adapter.marginMode[0], 'form'],
    ['availableBalance', adapter.availableBalance[0], 'form'],
    ['side.selected', adapter.side.selected?.[0], 'form'],
    ['side.openCloseTab', adapter.side.openCloseTab?.[0], 'form'],
    ['side.longButton', adapter.side.longButton[0], 'form'],
    ['side.shortButton', adapter.side.shortButton[0], 'form'],
    ['position.table', adapter.position?.table[0], 'document'],
  ];
}

describe.each([...VENUE_IDS])('%s: primary hooks against the fixture', (venue) => {
  const adapter = VENUE_PAGES[venue].adapter;
  const absent = ABSENT_BY_DESIGN[venue] ?? {};
  for (const [slot, probe, defaultScope] of slots(adapter)) {
    if (!probe) continue;
    const inputSlot = slot === 'limitPrice' || slot === 'size';
    it(`${slot}: ${probe.hook} ${absent[slot] ? `is absent (${absent[slot]})` : 'matches exactly one element'}`, () => {
      const doc = loadFixture(venue);
      const form = slot === 'formRoot' ? null : findOrderForm(doc, adapter);
      const r = resolve(new ReadContext(doc, '.'), [probe], form, { defaultScope, input: inputSlot });
      expect('found' in r).toBe(!absent[slot]);
    });
  }
});
