// @vitest-environment happy-dom
/**
 * The reader never reads password, 2FA/OTP, API-key or secret fields, cookies or page storage,
 * and never writes to the page. Enforced in code (core/page/privacy.ts) and checked three ways:
 * the guard's decisions, traps that record any read of a sensitive field, and a source scan.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VENUE_PAGES } from '@/core/page/adapters';
import { isSensitiveElement } from '@/core/page/privacy';
import { readPage } from '@/core/page/read-page';
import { type Market } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import { loadFixture } from './load-fixture';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return doc.body.firstElementChild!;
}

describe('isSensitiveElement', () => {
  it.each([
    '<input type="password" id="unitAmount-1">',
    '<input name="otp">',
    '<input name="otpCode">',
    '<input id="google2faCode">',
    '<input name="totp">',
    '<input autocomplete="one-time-code">',
    '<input autocomplete="current-password">',
    '<input name="apiKey">',
    '<input name="api_key">',
    '<input id="api-secret">',
    '<input data-testid="secret-key-input">',
    '<input aria-label="API Key">',
    '<input placeholder="Fund password">',
    '<input name="withdrawPassword">',
    '<input name="agentPrivateKey">',
    '<input name="mnemonic">',
    '<input name="pin">',
    '<input type="hidden" name="csrf">',
    '<input name="verificationCode">',
  ])('refuses %s', (html) => {
    expect(isSensitiveElement(element(html))).toBe(true);
  });

  it.each([
    '<input id="unitAmount-r8" aria-label="Size">',
    '<input id="limitPrice-r7" aria-label="委托价格">',
    '<input name="f_order">',
    '<input class="okui-input-input">',
    '<input data-testid="FutureOrderAmountInput">',
    '<div data-testid="max-asset"></div>',
    '<button data-testid="contract-trade-open-long-btn"></button>',
    '<input placeholder="Qty">',
    '<div role="tab" data-tab-key="LIMIT"></div>',
  ])('reads %s', (html) => {
    expect(isSensitiveElement(element(html))).toBe(false);
  });
});

/**
 * Replaces `value` and `getAttribute('value')` on every sensitive element with recorders. (An
 * input's textContent never holds its value, and a container's textContent is built by the
 * browser without calling the child's getter, so text is not trapped.)
 */
function trapSensitiveFields(doc: Document): { reads: string[]; trapped: number } {
  const reads: string[] = [];
  let trapped = 0;
  // Chosen independently of the guard under test: any input whose markup names a credential.
  const CREDENTIAL = /type="(?:password|hidden)"|otp|2fa|api|secret|private|password|one-time/i;
  for (const el of Array.from(doc.querySelectorAll('input, textarea'))) {
    if (!CREDENTIAL.test(el.outerHTML.replace(/value="[^"]*"/, ''))) continue;
    trapped++;
    const name = el.getAttribute('name') ?? el.id ?? el.getAttribute('type') ?? '?';
    Object.defineProperty(el, 'value', { get: () => (reads.push(`value of ${name}`), ''), set: () => reads.push(`write to ${name}`) });
    const getAttribute = el.getAttribute.bind(el);
    Object.defineProperty(el, 'getAttribute', {
      value: (attr: string) => {
        if (attr.toLowerCase() === 'value') reads.push(`value attribute of ${name}`);
        return getAttribute(attr);
      },
    });
  }
  return { reads, trapped };
}

function trapStorage(doc: Document): string[] {
  const touched: string[] = [];
  Object.defineProperty(doc, 'cookie', { get: () => (touched.push('document.cookie'), ''), configurable: true });
  const win = doc.defaultView ?? window;
  for (const key of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
    Object.defineProperty(win, key, { get: () => (touched.push(key), undefined), configurable: true });
  }
  return touched;
}

describe('no sensitive read on any venue page', () => {
  it.each([...VENUE_IDS])('%s fixture: decoy credentials are refused and never read', (venue) => {
    const doc = loadFixture(venue);
    const { reads, trapped } = trapSensitiveFields(doc);
    const storage = trapStorage(doc);
    const market: Market = { venue, symbol: venue === 'hyperliquid' ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT' };
    const reading = readPage(doc, VENUE_PAGES[venue].adapter, market);
    expect(trapped).toBeGreaterThan(0); // every fixture carries at least one credential decoy
    expect(reads).toEqual([]);
    expect(storage).toEqual([]);
    expect(reading.refusedSensitive).toBeGreaterThan(0);
  });

  it.each([...VENUE_IDS])('privacy trap page through the %s adapter: nothing read, fields missing', (venue) => {
    const doc = loadFixture('privacy-traps');
    const { reads, trapped } = trapSensitiveFields(doc);
    const market: Market = { venue, symbol: venue === 'hyperliquid' ? 'BTC/USDC:USDC' : 'BTC/USDT:USDT' };
    const reading = readPage(doc, VENUE_PAGES[venue].adapter, market);
    expect(trapped).toBe(10);
    expect(reads).toEqual([]);
    expect(reading.fields.size).toHaveProperty('missing');
    expect(reading.fields.limitPrice).toHaveProperty('missing');
  });
});

const ROOT = resolve(__dirname, '../../..');

function sources(): string[] {
  const files: string[] = [join(ROOT, 'core/format/numbers.ts')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'core/page'));
  for (const venue of VENUE_IDS) files.push(join(ROOT, `core/venues/${venue}/page.ts`), join(ROOT, `core/venues/${venue}/urls.ts`));
  return files;
}

function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('source scan of the page reader', () => {
  const FORBIDDEN: [RegExp, string][] = [
    [/\bcookie/i, 'cookies'],
    [/localStorage|sessionStorage|indexedDB|caches\./, 'page storage'],
    [/\binnerText\b|getComputedStyle|getBoundingClientRect|getClientRects|\boffset(?:Width|Height|Top|Left|Parent)\b|scrollIntoView/, 'layout-forcing reads'],
    [/innerHTML|outerHTML|insertAdjacent|document\.write|\beval\s*\(|new Function/, 'HTML/code injection'],
    [/\.value\s*=(?!=)|setAttribute\s*\(|removeAttribute\s*\(|dispatchEvent\s*\(|\.click\s*\(|appendChild|\.remove\s*\(|\.focus\s*\(/, 'writes to the page'],
    [/\bfetch\s*\(|XMLHttpRequest|WebSocket|postMessage|sendMessage/, 'network or messaging'],
  ];

  it('covers the engine, the number parser and every venue adapter', () => {
    expect(sources().length).toBeGreaterThanOrEqual(30);
  });

  it.each(FORBIDDEN)('no %s (%s)', (pattern) => {
    const offenders = sources().filter((file) => pattern.test(code(file)));
    expect(offenders.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});
