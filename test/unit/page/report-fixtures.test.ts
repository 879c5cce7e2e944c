// @vitest-environment happy-dom
/**
 * Page reports as page fixtures (test/fixtures/pages/REPORTS.md): every `<venue>-<date>.report.html`
 * in test/fixtures/pages/ is read like any venue fixture. The reader must not throw and must fail
 * closed: every field is a value with its hook or missing with a reason, and nothing it returns
 * comes from a masked figure. The Binance report (made by the E2E from the Binance fixture page)
 * must read as that page read, apart from the balance and position it masks.
 */
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { marketFromUrl } from '@/core/page/market-from-url';
import { readPage } from '@/core/page/read-page';
import { isFound } from '@/core/page/types';
import { isVenueId, VENUE_IDS } from '@/core/venues/registry';
import type { Market, VenueId } from '@/core/types';
import { fixtureHtml, loadFixture, reportFixtures } from './load-fixture';

const REPORTS = reportFixtures();

/** The page URL from the report's header; a venue whose market lives in the fragment (HTX) falls back to BTC. */
function marketOf(name: string, venue: VenueId): { market: Market; url: string } {
  const url = /\n {2}Page: (\S+) /.exec(fixtureHtml(name))?.[1] ?? '';
  const market = marketFromUrl(url);
  return { market: market ?? { venue, symbol: venue === 'hyperliquid' ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT' }, url };
}

describe('page reports in test/fixtures/pages/', () => {
  it('include the one made from the Binance fixture page', () => {
    expect(REPORTS.map((r) => r.venue)).toContain('binance');
  });

  it.each(REPORTS.map((r) => [r.name, r.venue]))('%s: named after a venue, read without throwing, every field found or missing', (name, venue) => {
    expect(isVenueId(venue), `${name}: the file name starts with one of ${VENUE_IDS.join(', ')}`).toBe(true);
    const v = venue as VenueId;
    const { market, url } = marketOf(name, v);
    const reading = readPage(loadFixture(name), VENUE_PAGES[v].adapter, market, { url });
    for (const [field, result] of Object.entries(reading.fields)) {
      expect('value' in result || 'missing' in result, field).toBe(true);
    }
    // Masked figures read as missing, never as a number made of placeholders.
    expect(reading.fields.availableBalance).toHaveProperty('missing');
    expect(isFound(reading.fields.position) && reading.fields.position.value !== null).toBe(false);
    for (const result of Object.values(reading.fields)) if (isFound<unknown>(result)) expect(JSON.stringify(result.value)).not.toContain('#');
  });

  it.each(REPORTS.filter((r) => r.venue === 'binance').map((r) => r.name))('%s reads as the Binance fixture page did, but for what it masks', (name) => {
    const { market, url } = marketOf(name, 'binance');
    const fromReport = readPage(loadFixture(name), VENUE_PAGES.binance.adapter, market, { url }).fields;
    const fromPage = readPage(loadFixture('binance'), VENUE_PAGES.binance.adapter, market, { url }).fields;
    for (const field of ['side', 'orderType', 'limitPrice', 'leverage', 'marginMode'] as const)
      expect([field, fromReport[field]]).toEqual([field, fromPage[field]]);
    // The size the E2E typed, with the fixture's unit.
    expect(fromReport.size).toEqual({ value: { amount: 0.25, unit: 'coin', unitLabel: 'BTC' }, hook: 'input[id^="unitAmount-"] + unit .bn-textField-suffix' });
    expect(fromReport.lastPrice).toMatchObject({ hook: '.orderbook-ticker .contractPrice' });
  });
});
