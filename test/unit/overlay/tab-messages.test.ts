import { describe, expect, it } from 'vitest';
import { GET_TAB_MARKET, TOGGLE_OVERLAY, isTabMessage, parseTabMarket, toggleOverlayRelay } from '@/core/overlay/tab-messages';

describe('tab messages', () => {
  it('accepts only our two commands on our channel', () => {
    expect(isTabMessage(TOGGLE_OVERLAY)).toBe(true);
    expect(isTabMessage(GET_TAB_MARKET)).toBe(true);
    expect(isTabMessage({ channel: 'liqlens:tab', command: 'eval' })).toBe(false);
    expect(isTabMessage({ channel: 'other', command: 'overlay.toggle' })).toBe(false);
    expect(isTabMessage(null)).toBe(false);
  });
  it('validates the market a tab reports before the popup uses it', () => {
    expect(parseTabMarket({ market: { venue: 'okx', symbol: 'BTC/USDT:USDT' } })).toEqual({ venue: 'okx', symbol: 'BTC/USDT:USDT' });
    expect(parseTabMarket({ market: { venue: 'evil', symbol: 'BTC/USDT:USDT' } })).toBeNull();
    expect(parseTabMarket({ market: { venue: 'okx', symbol: '<img src=x>' } })).toBeNull();
    expect(parseTabMarket({ market: null })).toBeNull();
    expect(parseTabMarket(undefined)).toBeNull();
  });
});

describe('keyboard command relay (background)', () => {
  it('sends the toggle to the tab the shortcut was pressed in, else the active tab, and ignores other commands', async () => {
    const sent: [number, unknown][] = [];
    const relay = toggleOverlayRelay(async (id, m) => void sent.push([id, m]), async () => 7);
    await relay('toggle-overlay', { id: 3 });
    await relay('toggle-overlay');
    await relay('_execute_action', { id: 3 });
    expect(sent).toEqual([
      [3, TOGGLE_OVERLAY],
      [7, TOGGLE_OVERLAY],
    ]);
  });
  it('treats a tab without the overlay as nothing to do', async () => {
    const relay = toggleOverlayRelay(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), async () => undefined);
    await expect(relay('toggle-overlay', { id: 9 })).resolves.toBeUndefined();
    await expect(relay('toggle-overlay')).resolves.toBeUndefined();
  });
});
