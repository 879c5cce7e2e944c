import { describe, expect, it, vi } from 'vitest';
import { firstAnswerOr, sendFirstAnswer, takeFirstAnswer } from '@/core/overlay/first-answer';
import { readReply, RequestFailed } from '@/core/messages/client';
const URL_BTC = 'https://www.binance.com/en/futures/BTCUSDT';

describe("the content script's first file hands its pending answer to the main file", () => {
  it("sends one overlay.open envelope (the background reads the page's market from the sender URL) and leaves the reply for the same URL, once", async () => {
    const holder: Record<string, unknown> = {};
    const send = vi.fn(async () => ({ ok: true, data: { settings: 'S', cached: null } }));
    sendFirstAnswer(holder, URL_BTC, send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ channel: 'liqlens', command: 'overlay.open', payload: {} });
    const reply = takeFirstAnswer(holder, URL_BTC);
    expect(reply).not.toBeNull();
    await expect(readReply(reply!)).resolves.toEqual({ settings: 'S', cached: null });
    // Taken once: anything that runs the main file again asks for itself.
    expect(takeFirstAnswer(holder, URL_BTC)).toBeNull();
  });

  it('gives nothing for a different URL: the market was part of the question', () => {
    const holder: Record<string, unknown> = {};
    sendFirstAnswer(holder, URL_BTC, async () => ({ ok: true, data: {} }));
    expect(takeFirstAnswer(holder, 'https://www.binance.com/en/futures/ETHUSDT')).toBeNull();
    // …and it is gone, not left for a later taker.
    expect(takeFirstAnswer(holder, URL_BTC)).toBeNull();
  });

  it('gives nothing when the first file never ran, or left something that is not a pending reply', () => {
    expect(takeFirstAnswer({}, URL_BTC)).toBeNull();
    expect(takeFirstAnswer({ __liqlensFirstAnswer: { url: URL_BTC, reply: 'not a promise' } }, URL_BTC)).toBeNull();
    // A look-alike (what a foreign realm or a clobbered name would give) is not taken either.
    expect(takeFirstAnswer({ __liqlensFirstAnswer: { url: URL_BTC, reply: { then: () => undefined } } }, URL_BTC)).toBeNull();
  });

  it('turns a send that throws at once (extension context gone) into an "unreachable" failure, not an exception', async () => {
    const holder: Record<string, unknown> = {};
    expect(() =>
      sendFirstAnswer(holder, URL_BTC, () => {
        throw new Error('Extension context invalidated.');
      }),
    ).not.toThrow();
    const failure = readReply(takeFirstAnswer(holder, URL_BTC)!);
    await expect(failure).rejects.toBeInstanceOf(RequestFailed);
    await expect(failure).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining('Extension context invalidated.') });
  });

  it("passes the background's error through with its code", async () => {
    const holder: Record<string, unknown> = {};
    sendFirstAnswer(holder, URL_BTC, async () => ({ ok: false, error: { code: 'bad-request', message: 'payload.market: not a market' } }));
    await expect(readReply(takeFirstAnswer(holder, URL_BTC)!)).rejects.toMatchObject({ code: 'bad-request', message: 'payload.market: not a market' });
  });
});

describe('the opening answer the main file uses', () => {
  it('is the handed-over one when it succeeded: no second request', async () => {
    const ask = vi.fn(async () => 'asked');
    await expect(firstAnswerOr(Promise.resolve({ ok: true, data: 'handed' }), ask)).resolves.toBe('handed');
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks once more when the handed-over request failed, so a hiccup never leaves the page on default settings', async () => {
    const ask = vi.fn(async () => 'asked');
    await expect(firstAnswerOr(Promise.reject(new Error('Could not establish connection.')), ask)).resolves.toBe('asked');
    await expect(firstAnswerOr(Promise.resolve({ ok: false, error: { code: 'internal', message: 'x' } }), ask)).resolves.toBe('asked');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks when nothing was handed over, and passes the failure on when that fails too', async () => {
    await expect(firstAnswerOr(null, async () => 'asked')).resolves.toBe('asked');
    await expect(firstAnswerOr(Promise.reject(new Error('gone')), () => Promise.reject(new Error('still gone')))).rejects.toThrow('still gone');
  });
});
