import { describe, expect, it } from 'vitest';
import { apiHostPermissions, contentScriptExcludes, contentScriptMatches, VENUES, VENUE_IDS } from '@/core/venues/registry';

describe('manifest surface from the venue folders', () => {
  it('has a site for every venue', () => {
    expect(VENUES.map((v) => v.id).sort()).toEqual([...VENUE_IDS].sort());
    for (const v of VENUES) expect(v.pageMatches.length, v.id).toBeGreaterThan(0);
  });

  it('runs the content script only on https trading paths, never on a whole host', () => {
    for (const match of contentScriptMatches()) {
      const [, host, path] = /^https:\/\/([a-z0-9.-]+)(\/.*)$/.exec(match) ?? [];
      expect(host, match).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      // The path names the trading route (futures, trade-swap, exchange…): never a bare host.
      expect(path, match).toMatch(/\/(futures|delivery|trade-swap|trade-futures|trade|exchange)(\/|\?|$)/);
    }
  });

  it('excludes login, API-key and withdrawal pages on every venue origin', () => {
    const excludes = contentScriptExcludes();
    const origins = new Set(contentScriptMatches().map((m) => new URL(m.replace(/\*/g, 'x')).origin));
    for (const origin of origins) {
      for (const sensitive of ['login', 'api-management', 'withdraw']) {
        expect(excludes).toContain(`${origin}/*${sensitive}*`);
      }
    }
  });

  it('asks host permission only for API hosts, never for the trading sites themselves', () => {
    const pageOrigins = new Set(contentScriptMatches().map((m) => new URL(m.replace(/\*/g, 'x')).origin));
    for (const host of apiHostPermissions()) {
      expect(host).toMatch(/^https:\/\/[a-z0-9.-]+\/[a-z0-9/]*\*$/);
      const { origin, pathname } = new URL(host.replace(/\*/g, 'x'));
      // OKX (/api/) and Binance's bracket table (/bapi/futures/) live on the site host: only those paths.
      if (pageOrigins.has(origin)) expect(pathname, host).toMatch(/^\/(api|bapi\/futures)\//);
    }
  });
});
