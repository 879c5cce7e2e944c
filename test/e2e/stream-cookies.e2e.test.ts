import { describe, expect, it } from 'vitest';

import { useRecordedBrowser, tradingPage, type ExtensionBrowser } from './harness';

// README "What it may touch" says which exchange cookies reach the liquidation streams' WebSocket
// handshakes (a WebSocket has no `credentials: 'omit'`). This pins that sentence to what Chromium does.
let browser: ExtensionBrowser & { extensionId: string };
useRecordedBrowser((b) => (browser = b));

describe("the background's stream handshake and the trader's exchange cookies", () => {
  it('carries SameSite=None cookies of the stream host, never Lax or Strict ones', async () => {
    const cookie = (name: string, domain: string, sameSite: 'Lax' | 'Strict' | 'None') => ({
      name,
      value: `v-${name}`,
      domain,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite,
    });
    await browser.context.addCookies([
      cookie('lax_session', '.binance.com', 'Lax'),
      cookie('strict_session', '.binance.com', 'Strict'),
      cookie('none_wide', '.binance.com', 'None'),
      cookie('none_host', 'fstream.binance.com', 'None'),
    ]);
    // The background already streams since install (collection runs with no page): stop the worker so
    // its next handshake, made after the cookies were set, is the one read.
    await browser.stopServiceWorker();
    const from = browser.requests.length;
    const page = await browser.open(tradingPage('binance').url);
    const handshake = () => browser.requests.slice(from).find((r) => r.method === 'WS' && r.url.startsWith('wss://fstream.binance.com/'));
    await expect.poll(() => handshake() !== undefined, { timeout: 20_000 }).toBe(true);
    const sent = (handshake()!.cookie ?? '')
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=')[0])
      .sort();
    expect(sent).toEqual(['none_host', 'none_wide']);
    await page.close();
  });
});
