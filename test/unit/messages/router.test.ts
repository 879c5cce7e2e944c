import { describe, expect, it, vi } from 'vitest';
import { classifySender, createRouter, UserFacingError, type HandlerTable } from '@/core/messages/router';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}`;
const TRADING = 'https://www.binance.com/en/futures/BTCUSDT';

function setup(overrides: Partial<HandlerTable> = {}) {
  const settingsSet = vi.fn(async ({ settings }) => settings);
  const handlers = new Proxy({ 'settings.set': settingsSet, ping: async () => ({ version: '0.1.0' }), ...overrides } as HandlerTable, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? (async () => 'unexpected'),
  });
  const route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    isTradingPage: (url) => url.startsWith('https://www.binance.com/en/futures/'),
    handlers,
  });
  return { route, settingsSet };
}

const fromPopup = { id: EXT_ID, url: `${ORIGIN}/popup.html` };
const fromContent = { id: EXT_ID, url: TRADING, tabId: 7 };

describe('sender classification', () => {
  const opts = { extensionId: EXT_ID, extensionOrigin: ORIGIN, isTradingPage: (u: string) => u === TRADING };
  it('knows our pages and our content script on a trading page', () => {
    expect(classifySender(fromPopup, opts)).toBe('extension');
    expect(classifySender(fromContent, opts)).toBe('content');
  });
  it('refuses other extensions, unknown pages and tab-less web senders', () => {
    expect(classifySender({ ...fromPopup, id: 'other' }, opts)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: 'https://evil.example/', tabId: 1 }, opts)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: TRADING }, opts)).toBeNull();
    expect(classifySender({ id: EXT_ID }, opts)).toBeNull();
  });
});

describe('router', () => {
  it('dispatches a valid command through the table', async () => {
    const { route } = setup();
    expect(await route({ channel: 'liqlens', command: 'ping', payload: {} }, fromContent)).toEqual({ ok: true, data: { version: '0.1.0' } });
  });

  it('checks the sender before reading the message', async () => {
    const { route, settingsSet } = setup();
    const reply = await route({ channel: 'liqlens', command: 'settings.set', payload: { settings: DEFAULT_SETTINGS } }, { id: 'x', url: TRADING, tabId: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(settingsSet).not.toHaveBeenCalled();
  });

  it('answers unknown and malformed messages with an error and changes nothing', async () => {
    const { route, settingsSet } = setup();
    expect(await route({ channel: 'liqlens', command: 'wallet.drain', payload: {} }, fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    expect(await route({ command: 'ping' }, fromPopup)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await route('ping', fromPopup)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    const bad = { ...DEFAULT_SETTINGS, bandWindowPct: Number.NaN };
    const reply = await route({ channel: 'liqlens', command: 'settings.set', payload: { settings: bad } }, fromPopup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    if (!reply.ok) expect(reply.error.message).toContain('settings.bandWindowPct');
    expect(settingsSet).not.toHaveBeenCalled();
  });

  it('does not resolve commands through the prototype chain', async () => {
    const { route } = setup();
    expect(await route({ channel: 'liqlens', command: 'constructor', payload: {} }, fromPopup)).toMatchObject({ error: { code: 'unknown-command' } });
  });

  it('keeps extension-only commands away from web pages', async () => {
    const { route, settingsSet } = setup();
    const reply = await route({ channel: 'liqlens', command: 'settings.set', payload: { settings: DEFAULT_SETTINGS } }, fromContent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(settingsSet).not.toHaveBeenCalled();
  });

  it('validates market symbols in payloads', async () => {
    const { route } = setup();
    const reply = await route({ channel: 'liqlens', command: 'snapshot.get', payload: { market: { venue: 'binance', symbol: 'BTCUSDT' } } }, fromContent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('passes user-facing errors through and hides internal ones', async () => {
    const { route } = setup({
      ping: async () => {
        throw new UserFacingError('Binance answered 429: too many requests.');
      },
      'sources.status': async () => {
        throw new TypeError('secret internal detail');
      },
    });
    expect(await route({ channel: 'liqlens', command: 'ping', payload: {} }, fromPopup)).toEqual({
      ok: false,
      error: { code: 'source-error', message: 'Binance answered 429: too many requests.' },
    });
    const hidden = await route({ channel: 'liqlens', command: 'sources.status', payload: {} }, fromPopup);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!hidden.ok) expect(hidden.error.message).not.toContain('secret');
  });
});
