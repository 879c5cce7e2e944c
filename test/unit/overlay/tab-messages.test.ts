import { describe, expect, it } from 'vitest';
import { GET_TAB_MARKET, TOGGLE_OVERLAY, isTabMessage, parseTabMarket } from '@/core/overlay/tab-messages';

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
