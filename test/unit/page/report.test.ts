// @vitest-environment happy-dom
/**
 * "Save a page report" (core/page/report.ts): on the privacy-trap page and on every venue
 * fixture, the report keeps the hooks, labels and the three order inputs the reader located, and
 * nothing else of value: no credential, no balance or position digits, no script, no storage read.
 */
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { readPage } from '@/core/page/read-page';
import { pageReport, reportFileName } from '@/core/page/report';
import { reportFields } from '@/core/page/report-fields';
import { isFound, type PageFieldName } from '@/core/page/types';
import type { Market, VenueId } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import { loadFixture } from './load-fixture';

const DATE = new Date('2026-05-01T10:00:00Z');
const marketOf = (venue: VenueId): Market => ({ venue, symbol: venue === 'hyperliquid' ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT' });
const URLS: Record<VenueId, string> = {
  binance: 'https://www.binance.com/en/futures/BTCUSDT',
  okx: 'https://www.okx.com/trade-swap/btc-usdt-swap',
  bybit: 'https://www.bybit.com/trade/usdt/BTCUSDT',
  htx: 'https://www.htx.com/en-us/futures/linear_swap/exchange#contract_code=BTC-USDT&contract_type=swap&type=isolated',
  bitget: 'https://www.bitget.com/de/futures/usdt/BTCUSDT',
  gate: 'https://www.gate.com/zh/futures/USDT/BTC_USDT',
  mexc: 'https://futures.mexc.com/exchange/BTC_USDT',
  hyperliquid: 'https://app.hyperliquid.xyz/trade/BTC',
};

function trapStorage(doc: Document): string[] {
  const touched: string[] = [];
  Object.defineProperty(doc, 'cookie', { get: () => (touched.push('document.cookie'), ''), configurable: true });
  const win = doc.defaultView ?? window;
  for (const key of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
    Object.defineProperty(win, key, { get: () => (touched.push(key), undefined), configurable: true });
  }
  return touched;
}

function report(doc: Document, venue: VenueId, url = URLS[venue]) {
  return pageReport(doc, reportFields(doc, VENUE_PAGES[venue].adapter, marketOf(venue), url), { version: '9.9.9', venue, url, date: DATE });
}

/** Every value a sensitive-looking input carries in the fixture's markup. */
function credentialValues(doc: Document): string[] {
  const CREDENTIAL = /type="(?:password|hidden)"|otp|2fa|api|secret|private|password|one-time|email|phone/i;
  return Array.from(doc.querySelectorAll('input'))
    .filter((el) =>
      CREDENTIAL.test(
        Array.from(el.attributes)
          .filter((a) => a.name !== 'value')
          .map((a) => `${a.name}="${a.value}"`)
          .join(' '),
      ),
    )
    .map((el) => el.getAttribute('value') ?? '')
    .filter((v) => v.length > 0);
}

const NOTHING_ACTIVE = /<script|<style|<iframe|<object|<embed|<meta|<link|\son[a-z]+=|javascript:/i;

describe('page report on the privacy-trap page', () => {
  const TRAPS = [
    'correct horse battery staple',
    'hunter2',
    '123456',
    '654321',
    '111111',
    '222222',
    'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
    'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
    'letmein',
    'f00dfeed',
  ];

  it.each([...VENUE_IDS])('through the %s adapter: no trap value, no storage, hooks and labels kept', (venue) => {
    const doc = loadFixture('privacy-traps');
    const storage = trapStorage(doc);
    const { html } = report(doc, venue);
    for (const trap of TRAPS) expect(html).not.toContain(trap);
    expect(storage).toEqual([]);
    expect(html).not.toMatch(/\svalue=/);
    expect(html).not.toMatch(NOTHING_ACTIVE);
    // The hooks that make these traps traps are kept, so a maintainer sees what the reader refused.
    for (const hook of [
      'id="unitAmount-login"',
      'name="otpCode"',
      'data-testid="FutureOrderAmountInput"',
      'aria-label="数量"',
      'class="bn-button bn-button__buy"',
      '>Buy/Long</button>',
    ])
      expect(html).toContain(hook);
    expect(html).toContain('<title>Log in | Binance</title>');
    // Placeholders of credential fields go with their values.
    expect(html).not.toContain('placeholder="Qty"');
  });
});

describe.each([...VENUE_IDS])('page report on the %s fixture', (venue) => {
  const original = loadFixture(venue);
  const storage = trapStorage(original);
  const traps = credentialValues(original);
  const before = readPage(original, VENUE_PAGES[venue].adapter, marketOf(venue), { url: URLS[venue] });
  const { html, cut, nodes } = report(original, venue);
  const again = new DOMParser().parseFromString(html, 'text/html');
  const after = readPage(again, VENUE_PAGES[venue].adapter, marketOf(venue), { url: URLS[venue] });

  it('reads no storage, keeps no credential, no script, nothing active', () => {
    expect(storage).toEqual([]);
    expect(traps.length).toBeGreaterThan(0);
    for (const trap of traps) expect(html).not.toContain(`value="${trap}"`);
    expect(html).not.toMatch(NOTHING_ACTIVE);
    expect(cut).toBe(false);
    expect(nodes).toBeGreaterThan(20);
  });

  it('masks every digit of the balance and the positions', () => {
    const f = reportFields(again, VENUE_PAGES[venue].adapter, marketOf(venue), URLS[venue]);
    for (const area of f.masked) expect(area.textContent).not.toMatch(/\d/);
    expect(after.fields.availableBalance).toHaveProperty('missing');
    expect(isFound(after.fields.position) && after.fields.position.value !== null).toBe(false);
    if (isFound(before.fields.availableBalance))
      expect(html).not.toContain(
        String(before.fields.availableBalance.value.amount)
          .replace(/\.\d*$/, '')
          .slice(0, 3) + '#',
      );
  });

  it('keeps what the reader needs: it reads the report as it read the page', () => {
    const same: PageFieldName[] = ['lastPrice', 'markPrice', 'titlePrice', 'side', 'orderType', 'limitPrice', 'size', 'leverage', 'marginMode'];
    for (const field of same) expect([field, after.fields[field]]).toEqual([field, before.fields[field]]);
    expect(again.title).toBe(original.title);
    expect(again.documentElement.getAttribute('lang')).toBe(original.documentElement.getAttribute('lang'));
  });

  it('says in its header what it is and what was kept', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<!--\n  LiqLens page report')).toBe(true);
    expect(html).toContain('LiqLens version: 9.9.9');
    expect(html).toContain(`Venue: ${venue}`);
    expect(html).toContain('Date: 2026-05-01T10:00:00.000Z');
    expect(html).toMatch(/Page: https:\/\/[^ ?#]+ \(query and fragment removed\)/);
    for (const field of ['limitPrice', 'size', 'leverage']) expect(html).toContain(`    ${field}: `);
  });
});

describe('page report rules', () => {
  const page = `<html lang="en"><head><title>Trade</title><meta name="csrf" content="abc"><script>var s = 'SECRET_SCRIPT'</script><style>.x{color:red}</style><link rel="stylesheet" href="/a.css"></head>
<body class="b">
  <!-- internal comment 42 -->
  <a href="https://ex.com/en/futures/BTCUSDT?ref=REFCODE#frag" onclick="steal()">Futures</a>
  <img src="/img/logo.png?token=abc123" srcset="/x.png 2x" alt="logo">
  <a href="javascript:alert(1)">bad</a>
  <iframe src="https://ads.example/frame"></iframe><object data="/x.swf"></object><embed src="/x.swf">
  <div class="user-menu" data-uid="9f8e7d6c5b4a39281706f5e4d3c2b1a0">trader@example.com</div>
  <div class="account-balance"><span>Equity</span><span>12,345.67 USDT</span></div>
  <div data-testid="order-history"><div>BTCUSDT 0.25 @ 83,000</div></div>
  <div class="ticker">84,012.3</div>
  <input name="search" value="my search">
  <input type="email" name="login" placeholder="you@ex.com" value="me@ex.com">
  <input type="tel" placeholder="+1 555" value="+1 555 0100">
  <textarea>private notes</textarea>
  <div data-token="vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy" style="background:url(https://cdn.ex/a.png?sig=1)">x</div>
  <liqlens-overlay>overlay</liqlens-overlay>
  <div id="host"></div>
</body></html>`;
  const doc = new DOMParser().parseFromString(page, 'text/html');
  doc.getElementById('host')!.attachShadow({ mode: 'open' }).append(doc.createTextNode('shadow secret'));
  const none = { form: null, kept: {}, keepText: [], masked: [] };
  const { html } = pageReport(doc, none, { version: '1', venue: 'binance', url: 'https://ex.com/en/futures/BTCUSDT?ref=REFCODE#frag', date: DATE });
  const body = html.slice(html.indexOf('<html'));

  it.each([
    ['scripts and their code', 'SECRET_SCRIPT'],
    ['style sheet contents', 'color:red'],
    ['head but its title', 'csrf'],
    ['comments', 'internal comment'],
    ['query strings', 'REFCODE'],
    ['fragments', '#frag'],
    ['src queries', 'token=abc'],
    ['srcset', 'srcset'],
    ['event handlers', 'steal'],
    ['script URLs', 'javascript'],
    ['frames, objects, embeds', 'ads.example'],
    ['flash', '.swf'],
    ['e-mails', 'trader@example.com'],
    ['token-like attribute values', '9f8e7d6c5b4a'],
    ['token-like values', 'vmPUZE6mv9'],
    ['balance digits', '12,345.67'],
    ['order-history digits', '83,000'],
    ['other input values', 'my search'],
    ['e-mail field values', 'me@ex.com'],
    ['e-mail placeholders', 'you@ex.com'],
    ['phone values', '555'],
    ['textarea text', 'private notes'],
    ['style URL queries', 'sig=1'],
    ['the overlay', 'overlay</'],
    ['shadow roots', 'shadow secret'],
  ])('removes %s', (_what, text) => {
    expect(body).not.toContain(text);
  });

  it('keeps structure, paths, labels and public prices', () => {
    expect(body).toContain('<title>Trade</title>');
    expect(body).toContain('<a href="https://ex.com/en/futures/BTCUSDT">Futures</a>');
    expect(body).toContain('<img src="/img/logo.png" alt="logo">');
    expect(body).toContain('<div class="account-balance"><span>Equity</span><span>##,###.## USDT</span></div>');
    expect(body).toContain('<div class="ticker">84,012.3</div>');
    expect(body).toContain('<input type="email" name="login">');
    expect(body).toContain('<input name="search">');
  });

  it('stops at the node cap and says so', () => {
    const small = pageReport(doc, none, { version: '1', venue: 'binance', url: 'https://ex.com/', date: DATE, maxNodes: 10 });
    expect(small.cut).toBe(true);
    expect(small.nodes).toBe(10);
    expect(small.html).toContain('CUT: the page was larger than 10 nodes');
    expect(small.html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('names the file so the fixture pipeline picks it up', () => {
    expect(reportFileName('binance', DATE)).toBe('binance-2026-05-01.report.html');
  });
});
