import { describe, expect, it, vi } from 'vitest';
import { currentSnapshot, firstAnswerOr, sendFirstAnswer, takeFirstAnswer } from '@/core/overlay/first-answer';
import { readReply, RequestFailed } from '@/core/messages/client';
import type { MarketSnapshot } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings/settings';
import { snapshot } from './fixtures';
const URL_BTC = 'https://www.binance.com/en/futures/BTCUSDT';
/** Runs the "next task" at once, for the tests about what is sent and handed over. */
const atOnce = (task: () => void) => task();

describe("the content script's first file hands its pending answer to the main file", () => {
  it("sends one overlay.open envelope (the background reads the page's market from the sender URL) and leaves the reply for the same URL, once", async () => {
    const holder: Record<string, unknown> = {};
    const send = vi.fn(async () => ({ ok: true, data: { settings: 'S', cached: null } }));
    sendFirstAnswer(holder, URL_BTC, send, atOnce);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ channel: 'liqlens', command: 'overlay.open', payload: {} });
    const reply = takeFirstAnswer(holder, URL_BTC);
    expect(reply).not.toBeNull();
    await expect(readReply(reply!)).resolves.toEqual({ settings: 'S', cached: null });
    // Taken once: anything that runs the main file again asks for itself.
    expect(takeFirstAnswer(holder, URL_BTC)).toBeNull();
  });

  it("sends in a task of its own, not the page's parsing task it runs in; the main file then takes that same reply", async () => {
    const holder: Record<string, unknown> = {};
    const later: (() => void)[] = [];
    const send = vi.fn(async () => ({ ok: true, data: 'answer' }));
    sendFirstAnswer(holder, URL_BTC, send, (task) => later.push(task));
    expect(send).not.toHaveBeenCalled();
    expect(later).toHaveLength(1);
    later[0]!();
    expect(send).toHaveBeenCalledTimes(1);
    const reply = takeFirstAnswer(holder, URL_BTC);
    expect(send).toHaveBeenCalledTimes(1);
    await expect(readReply(reply!)).resolves.toBe('answer');
  });

  it('never leaves the main file waiting on a task that has not come (or could not be made): taking it sends it, once', async () => {
    const holder: Record<string, unknown> = {};
    const later: (() => void)[] = [];
    const send = vi.fn(async () => ({ ok: true, data: 'answer' }));
    sendFirstAnswer(holder, URL_BTC, send, (task) => later.push(task));
    const reply = takeFirstAnswer(holder, URL_BTC);
    expect(send).toHaveBeenCalledTimes(1);
    await expect(readReply(reply!)).resolves.toBe('answer');
    // The task coming late sends nothing more.
    later[0]!();
    expect(send).toHaveBeenCalledTimes(1);

    const noTask: Record<string, unknown> = {};
    const again = vi.fn(async () => ({ ok: true, data: 'again' }));
    expect(() =>
      sendFirstAnswer(noTask, URL_BTC, again, () => {
        throw new Error('MessageChannel is not defined');
      }),
    ).not.toThrow();
    await expect(readReply(takeFirstAnswer(noTask, URL_BTC)!)).resolves.toBe('again');
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('gives nothing for a different URL: the market was part of the question', () => {
    const holder: Record<string, unknown> = {};
    sendFirstAnswer(holder, URL_BTC, async () => ({ ok: true, data: {} }), atOnce);
    expect(takeFirstAnswer(holder, 'https://www.binance.com/en/futures/ETHUSDT')).toBeNull();
    // …and it is gone, not left for a later taker.
    expect(takeFirstAnswer(holder, URL_BTC)).toBeNull();
  });

  it('gives nothing when the first file never ran, or left something that is not a pending reply', () => {
    expect(takeFirstAnswer({}, URL_BTC)).toBeNull();
    expect(takeFirstAnswer({ __liqlensFirstAnswer: { url: URL_BTC, start: 'not a function' } }, URL_BTC)).toBeNull();
    // A look-alike (what a foreign realm or a clobbered name would give) is not taken either.
    expect(takeFirstAnswer({ __liqlensFirstAnswer: { url: URL_BTC, start: () => ({ then: () => undefined }) } }, URL_BTC)).toBeNull();
    // An element whose id names the key has no url of this page.
    expect(takeFirstAnswer({ __liqlensFirstAnswer: { start: () => Promise.resolve({ ok: true, data: 'forged' }) } }, URL_BTC)).toBeNull();
  });

  it('turns a send that throws at once (extension context gone) into an "unreachable" failure, not an exception', async () => {
    const holder: Record<string, unknown> = {};
    expect(() =>
      sendFirstAnswer(
        holder,
        URL_BTC,
        () => {
          throw new Error('Extension context invalidated.');
        },
        atOnce,
      ),
    ).not.toThrow();
    const failure = readReply(takeFirstAnswer(holder, URL_BTC)!);
    await expect(failure).rejects.toBeInstanceOf(RequestFailed);
    await expect(failure).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining('Extension context invalidated.') });
  });

  it("passes the background's error through with its code", async () => {
    const holder: Record<string, unknown> = {};
    sendFirstAnswer(holder, URL_BTC, async () => ({ ok: false, error: { code: 'bad-request', message: 'payload.market: not a market' } }), atOnce);
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

describe('when the current snapshot is asked for', () => {
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const off = (settings: Settings) => settings.overlaySites.binance === false;
  const setup = (opening: Promise<{ settings: Settings; cached: MarketSnapshot | null }>, stillWanted = () => true) => {
    let paint: () => void = () => undefined;
    const firstPaint = new Promise<void>((r) => (paint = r));
    const ask = vi.fn(async () => snapshot({ asOf: 2 }));
    const current = currentSnapshot(opening, { switchedOff: off, firstPaint, stillWanted, ask });
    current.catch(() => undefined);
    return { current, ask, paint };
  };

  it('waits for the first paint while a cached snapshot is on screen, so its re-render never delays that frame', async () => {
    const { current, ask, paint } = setup(Promise.resolve({ settings: DEFAULT_SETTINGS, cached: snapshot({ asOf: 1 }) }));
    await flush();
    expect(ask).not.toHaveBeenCalled();
    paint();
    await expect(current).resolves.toMatchObject({ asOf: 2 });
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks at once when nothing is cached (the overlay is loading) or the opening answer failed', async () => {
    const empty = setup(Promise.resolve({ settings: DEFAULT_SETTINGS, cached: null }));
    await expect(empty.current).resolves.toMatchObject({ asOf: 2 });
    const failed = setup(Promise.reject(new Error('unreachable')));
    await expect(failed.current).resolves.toMatchObject({ asOf: 2 });
  });

  it('never asks on a site the trader switched off', async () => {
    const settings = { ...DEFAULT_SETTINGS, overlaySites: { ...DEFAULT_SETTINGS.overlaySites, binance: false } };
    const { current, ask, paint } = setup(Promise.resolve({ settings, cached: snapshot() }));
    paint();
    await expect(current).rejects.toThrow('off on this site');
    expect(ask).not.toHaveBeenCalled();
  });

  it('is not asked for when the page moved to another market before the first paint', async () => {
    let wanted = true;
    const { current, ask, paint } = setup(Promise.resolve({ settings: DEFAULT_SETTINGS, cached: snapshot() }), () => wanted);
    wanted = false;
    paint();
    await expect(current).rejects.toThrow('another market');
    expect(ask).not.toHaveBeenCalled();
  });
});
