import { describe, expect, it, vi } from 'vitest';
import { parseMarketText, parsePanelQuery, sendPanelFirst, takePanelFirst } from '@/core/chart/panel-first';
import { readReply } from '@/core/messages/client';

const BTC = '?market=binance:BTC/USDT:USDT&view=heatmap&lookback=168';

describe("the side panel's first script hands its pending requests to the main file", () => {
  it('reads the market, view and lookback from the query, refusing unknown venues, symbols and lookbacks', () => {
    expect(parsePanelQuery(BTC)).toEqual({ market: { venue: 'binance', symbol: 'BTC/USDT:USDT' }, lookback: 168, view: 'heatmap' });
    expect(parsePanelQuery('?market=okx:ETH/USDT:USDT&view=map')).toEqual({ market: { venue: 'okx', symbol: 'ETH/USDT:USDT' }, lookback: 24, view: 'map' });
    expect(parsePanelQuery('?market=nowhere:BTC/USDT:USDT&lookback=5')).toEqual({ market: null, lookback: 24, view: 'heatmap' });
    expect(parseMarketText('binance:btcusdt')).toBeNull();
    expect(parseMarketText(null)).toBeNull();
  });

  it('sends settings.get and the named market’s chart.get at once, and leaves both replies for the same query, once', async () => {
    const holder: Record<string, unknown> = {};
    const send = vi.fn(async (m: { command: string }) => ({ ok: true, data: m.command }));
    sendPanelFirst(holder, BTC, send);
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { channel: 'liqlens', command: 'settings.get', payload: {} },
      { channel: 'liqlens', command: 'chart.get', payload: { market: { venue: 'binance', symbol: 'BTC/USDT:USDT' }, lookbackHours: 168 } },
    ]);
    const first = takePanelFirst(holder, BTC)!;
    await expect(readReply(first.settings)).resolves.toBe('settings.get');
    await expect(readReply(first.chart!)).resolves.toBe('chart.get');
    expect(takePanelFirst(holder, BTC)).toBeNull();
  });

  it('asks for no chart without a market in the query (the panel follows the active tab)', () => {
    const holder: Record<string, unknown> = {};
    const send = vi.fn(async () => ({ ok: true, data: null }));
    sendPanelFirst(holder, '', send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(takePanelFirst(holder, '')!.chart).toBeNull();
  });

  it('gives nothing for another query, when the first script never ran, or for a look-alike', () => {
    const holder: Record<string, unknown> = {};
    sendPanelFirst(holder, BTC, async () => ({ ok: true, data: null }));
    expect(takePanelFirst(holder, '?market=okx:BTC/USDT:USDT')).toBeNull();
    expect(takePanelFirst(holder, BTC)).toBeNull();
    expect(takePanelFirst({}, BTC)).toBeNull();
    expect(takePanelFirst({ __liqlensPanelFirst: { search: BTC, settings: { then: () => undefined }, chart: null } }, BTC)).toBeNull();
  });

  it('turns a send that throws at once (extension context gone) into a failed reply the main file can retry', async () => {
    const holder: Record<string, unknown> = {};
    sendPanelFirst(holder, BTC, () => {
      throw new Error('Extension context invalidated.');
    });
    const first = takePanelFirst(holder, BTC)!;
    await expect(readReply(first.settings)).rejects.toMatchObject({ code: 'unreachable' });
    await expect(readReply(first.chart!)).rejects.toMatchObject({ code: 'unreachable' });
  });
});
