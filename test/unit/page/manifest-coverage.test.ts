/**
 * The content script only runs where the manifest lets it (core/venues/*\/site.ts, owned by the
 * integrator). Every URL the page reader accepts as a market must be reachable: matched by a
 * content-script pattern and not excluded. Chrome matches the path pattern against path + query.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScriptExcludes, contentScriptMatches } from '@/core/venues/registry';

function matchPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const hostOk = host === '*' || host === url.hostname || (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  if (!hostOk) return false;
  const glob = new RegExp(
    `^${path
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return glob.test(url.pathname + url.search);
}

interface UrlCase {
  url: string;
  expected: null | { venue: string; symbol: string };
}

const DIR = resolve(__dirname, '../../vectors/urls');
const positives = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const data = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as UrlCase | UrlCase[];
    return Array.isArray(data) ? data : [data];
  })
  .filter((c) => c.expected !== null)
  .map((c) => c.url);

describe('manifest reaches every market URL the reader accepts', () => {
  const matches = contentScriptMatches();
  const excludes = contentScriptExcludes();

  it('the matcher itself behaves like Chrome on a few known cases', () => {
    expect(matchPattern('https://www.binance.com/*/futures/*', new URL('https://www.binance.com/en/futures/BTCUSDT'))).toBe(true);
    expect(matchPattern('https://www.binance.com/*/futures/*', new URL('https://www.binance.com/futures/BTCUSDT'))).toBe(false);
    expect(matchPattern('https://app.hyperliquid.xyz/trade', new URL('https://app.hyperliquid.xyz/trade?x=1'))).toBe(false);
    expect(matchPattern('https://*.okx.com/*', new URL('https://my.okx.com/trade-swap/btc-usdt-swap'))).toBe(true);
  });

  for (const raw of positives) {
    it(raw, () => {
      const url = new URL(raw);
      expect(matches.some((p) => matchPattern(p, url))).toBe(true);
      expect(excludes.filter((p) => matchPattern(p, url))).toEqual([]);
    });
  }
});
