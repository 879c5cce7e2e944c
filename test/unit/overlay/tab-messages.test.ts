import { describe, expect, it } from 'vitest';
import { GET_TAB_MARKET, TOGGLE_OVERLAY, createTabRouter, parseTabMarket, toggleOverlayRelay } from '@/core/overlay/tab-messages';

const ID = 'liqlens-id';
const router = createTabRouter(
  ID,
  {
    'overlay.toggle': () => ({ visible: false }),
    'market.get': () => ({ market: { venue: 'okx', symbol: 'BTC/USDT:USDT' } }),
    'report.capture': () => null,
    'order.get': () => null,
  },
  'chrome-extension://liqlens-id/report.html',
);
const fromUs = { id: ID };
const isTabMessage = (m: unknown) => router(m, fromUs) !== undefined;
const reply = (market: unknown) => ({ ok: true, data: { market } });

describe('tab messages', () => {
  it('accepts only our two commands on our channel', () => {
    expect(isTabMessage(TOGGLE_OVERLAY)).toBe(true);
    expect(isTabMessage(GET_TAB_MARKET)).toBe(true);
    expect(isTabMessage({ channel: 'liqlens:tab', command: 'eval' })).toBe(false);
    expect(isTabMessage({ channel: 'other', command: 'overlay.toggle' })).toBe(false);
    expect(isTabMessage(null)).toBe(false);
  });
  it('answers only our own extension, never another tab or extension, through the command table', async () => {
    expect(router(TOGGLE_OVERLAY, { id: 'another-extension' })).toBeUndefined();
    expect(router(TOGGLE_OVERLAY, { id: ID, tab: { id: 4 } })).toBeUndefined();
    expect(router({ ...TOGGLE_OVERLAY, payload: { extra: 1 } }, fromUs)).toBeDefined();
    expect(router({ ...TOGGLE_OVERLAY, payload: 'junk' }, fromUs)).toBeUndefined();
    await expect(router(GET_TAB_MARKET, fromUs)).resolves.toEqual(reply({ venue: 'okx', symbol: 'BTC/USDT:USDT' }));
  });
  it('validates the market a tab reports before the popup uses it', () => {
    expect(parseTabMarket(reply({ venue: 'okx', symbol: 'BTC/USDT:USDT' }))).toEqual({ venue: 'okx', symbol: 'BTC/USDT:USDT' });
    expect(parseTabMarket(reply({ venue: 'evil', symbol: 'BTC/USDT:USDT' }))).toBeNull();
    expect(parseTabMarket(reply({ venue: 'okx', symbol: '<img src=x>' }))).toBeNull();
    expect(parseTabMarket(reply(null))).toBeNull();
    expect(parseTabMarket({ ok: false, error: { code: 'internal', message: 'x' } })).toBeNull();
    expect(parseTabMarket(undefined)).toBeNull();
  });
});

describe('keyboard command relay (background)', () => {
  it('sends the toggle to the tab the shortcut was pressed in, else the active tab, and ignores other commands', async () => {
    const sent: [number, unknown][] = [];
    const relay = toggleOverlayRelay(
      async (id, m) => void sent.push([id, m]),
      async () => 7,
    );
    await relay('toggle-overlay', { id: 3 });
    await relay('toggle-overlay');
    await relay('_execute_action', { id: 3 });
    expect(sent).toEqual([
      [3, TOGGLE_OVERLAY],
      [7, TOGGLE_OVERLAY],
    ]);
  });
  it('treats a tab without the overlay as nothing to do', async () => {
    const relay = toggleOverlayRelay(
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      async () => undefined,
    );
    await expect(relay('toggle-overlay', { id: 9 })).resolves.toBeUndefined();
    await expect(relay('toggle-overlay')).resolves.toBeUndefined();
  });
});
