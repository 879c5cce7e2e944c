/**
 * The shape every venue folder keeps: the same parts (or a capability declared absent with its
 * reason), a fixture page, URL vectors, liquidation vectors and a recorded or documented response
 * for each endpoint it calls. And no venue's name anywhere in shared code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENUES, VENUE_IDS } from '@/core/venues/registry';
import { DESCRIPTOR_LIST } from '@/core/venues/descriptors';
import { MARKET_DATA, LIQUIDATION_HISTORIES, LIQUIDATION_STREAMS } from '@/core/service/venues';
import { TIER_SOURCES } from '@/core/liquidation/tier-sources';
import { loadVectorCases } from '../../support/vectors';

const ROOT = resolve(__dirname, '../../..');
const VENUES_DIR = join(ROOT, 'core/venues');
const PARTS = ['venue.ts', 'urls.ts', 'page.ts', 'liquidation.ts', 'tiers.ts', 'market-data.ts'];
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const sampleSymbol = (id: string) =>
  id === DESCRIPTOR_LIST.find((v) => v.symbols.toId('BTC/USDC:USDC') && !v.symbols.toId('BTC/USDT:USDT'))?.basics.id ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT';

describe('the venue registry', () => {
  it('lists exactly the folders under core/venues/', () => {
    const folders = readdirSync(VENUES_DIR).filter((n) => statSync(join(VENUES_DIR, n)).isDirectory());
    expect(folders.sort()).toEqual([...VENUE_IDS].sort());
  });

  it('names no venue in shared code: core/ outside core/venues/ holds none of their ids', () => {
    const pattern = new RegExp(`\\b(${VENUE_IDS.join('|')})\\b`, 'i');
    const offenders = files(join(ROOT, 'core'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith(VENUES_DIR))
      .flatMap((f) => {
        // Comments may cite a venue's documentation; code and strings may not name one.
        const code = readFileSync(f, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
        return code.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : []));
      });
    expect(offenders).toEqual([]);
  });
});

describe.each(DESCRIPTOR_LIST.map((v) => [v.basics.id, v] as const))('core/venues/%s', (id, venue) => {
  const dir = join(VENUES_DIR, id);
  const symbol = sampleSymbol(id);

  it('has every part', () => {
    for (const part of PARTS) expect(existsSync(join(dir, part)), `${id}/${part}`).toBe(true);
  });

  it('has streams.ts exactly when it declares a liquidation stream', () => {
    const declared = venue.capabilities.liquidationStream === true;
    expect(existsSync(join(dir, 'streams.ts'))).toBe(declared);
    expect(LIQUIDATION_STREAMS[id] !== undefined).toBe(declared);
  });

  it('has history.ts exactly when it declares a REST liquidation history, for BTC and ETH at least', () => {
    const declared = venue.capabilities.liquidationHistory === true;
    expect(existsSync(join(dir, 'history.ts'))).toBe(declared);
    const history = LIQUIDATION_HISTORIES[id];
    expect(history !== undefined).toBe(declared);
    if (!history) return;
    expect(history.venue).toBe(id);
    const coins = history.families.map((f) => /^[A-Z0-9]+/.exec(f)?.[0]);
    expect(coins).toEqual(expect.arrayContaining(['BTC', 'ETH']));
    expect(history.maxPages).toBeGreaterThan(0);
    // Every host it calls has a budget in the descriptor (the fetcher paces by host).
    const urls = [history.endpoint(history.families[0]!, undefined, Date.now()).request.url, ...(history.contracts ? [history.contracts.request.url] : [])];
    for (const url of urls) expect(Object.keys(venue.api.limits), `${id} calls ${url}`).toContain(new URL(url).hostname);
  });

  it('feeds the key-less model exactly when it declares open-interest history', () => {
    const md = MARKET_DATA[id];
    expect(!!(md.klines && md.openInterestHistory)).toBe(venue.capabilities.openInterestHistory === true);
  });

  it('gives a reason for every capability it lacks', () => {
    for (const [name, c] of Object.entries(venue.capabilities)) if (c !== true) expect(c.absent.length, `${id}.${name}`).toBeGreaterThan(5);
  });

  it('round-trips its symbol codec', () => {
    const venueId = venue.symbols.toId(symbol);
    expect(venueId).not.toBeNull();
    expect(venue.symbols.fromId(venueId!)).toBe(symbol);
    expect(venue.symbols.toId('BTC/EUR:EUR')).toBeNull();
  });

  it('declares a rate limit and error envelope for every API host it calls', () => {
    const md = MARKET_DATA[id];
    const endpoints = [
      md.mark(symbol),
      md.instrument(symbol),
      md.markets(),
      md.klines?.(symbol, '1h', 10, Date.now()),
      md.openInterestHistory?.(symbol, '1h', 10),
    ];
    const tierRequest = TIER_SOURCES[id].request({ venue: id, symbol });
    const hosts = [...endpoints.flatMap((e) => (e ? [e.request.url] : [])), ...(tierRequest ? [tierRequest.url] : [])].map((u) => new URL(u).hostname);
    for (const host of hosts) expect(Object.keys(venue.api.limits), `${id} calls ${host}`).toContain(host);
  });

  it('has a fixture page, URL vectors and liquidation vectors', () => {
    expect(existsSync(join(ROOT, 'test/fixtures/pages', `${id}.html`))).toBe(true);
    expect(existsSync(join(ROOT, 'test/vectors/urls', `${id}.json`))).toBe(true);
    const cases = loadVectorCases<{ venue?: string; position?: { venue?: string } }>('liquidation').filter(
      (c) => (c.case.venue ?? c.case.position?.venue) === id,
    );
    expect(cases.length).toBeGreaterThan(0);
  });

  it('has a recorded or documented response for each endpoint it calls', () => {
    const md = MARKET_DATA[id];
    const sources = [
      md.mark(symbol),
      md.instrument(symbol),
      md.markets(),
      md.klines?.(symbol, '1h', 10, Date.now()),
      md.openInterestHistory?.(symbol, '1h', 10),
      md.takerBuyVolume?.(symbol, '1h', 10),
    ].flatMap((e) => (e ? [e.source] : []));
    const apiFixtures = readdirSync(join(ROOT, 'test/fixtures/api', id));
    for (const source of sources) {
      const name = source.slice(source.indexOf(':') + 1);
      expect(
        apiFixtures.some((f) => f.startsWith(name)),
        `test/fixtures/api/${id}/${name}*`,
      ).toBe(true);
    }
    expect(
      readdirSync(join(ROOT, 'test/fixtures/tiers')).some((f) => f.startsWith(id)),
      `test/fixtures/tiers/${id}*`,
    ).toBe(true);
    if (LIQUIDATION_STREAMS[id])
      expect(
        readdirSync(join(ROOT, 'test/fixtures/api/streams')).some((f) => f.startsWith(id)),
        `test/fixtures/api/streams/${id}*`,
      ).toBe(true);
    const history = LIQUIDATION_HISTORIES[id];
    if (history) {
      const name = history.endpoint(history.families[0]!, undefined, Date.now()).source.split(':')[1]!;
      expect(
        apiFixtures.some((f) => f.startsWith(name)),
        `test/fixtures/api/${id}/${name}*`,
      ).toBe(true);
    }
  });
});

describe('docs match the registry', () => {
  it("core/venues/README.md's venue table lists every venue with its declared capabilities", () => {
    const readme = readFileSync(join(VENUES_DIR, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('<!-- venue-list:start -->'), readme.indexOf('<!-- venue-list:end -->'));
    const yes = (c: unknown) => (c === true ? 'yes' : 'no');
    const expected = DESCRIPTOR_LIST.map(
      (v) =>
        `| ${v.basics.id} | ${yes(v.capabilities.openInterestHistory)} | ${yes(v.capabilities.liquidationStream)} | ${yes(v.capabilities.liquidationHistory)} |`,
    );
    expect(table.split('\n').filter((l) => /^\| [a-z]+ \|/.test(l) && !l.startsWith('| venue'))).toEqual(expected);
  });

  it("the README's venue list names every venue the registry has", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const intro = readme.slice(0, readme.indexOf('\n## '));
    for (const v of VENUES) expect(intro, v.label).toContain(v.label);
  });
});
