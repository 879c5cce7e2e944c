/**
 * The overlay's first answer (settings plus the cached snapshot, one `overlay.open` message) is the
 * longest wait before its first paint. The content script's first, small file sends it at document
 * start, long before the browser runs the main one at document idle, and leaves the pending reply
 * here for the main file to pick up. Both files run in the extension's isolated world: the page
 * cannot read its globals; what the page can put under the key (an element whose id names it)
 * carries no matching `url` and gives no Promise of this world, so it is not taken; and the main
 * file asks again whenever the handed-over request failed.
 */
import { envelope, readReply, sendNow } from '../messages/client';
import type { Envelope, MarketSnapshot, ResponseOf } from '../messages/protocol';
import type { Settings } from '../settings/settings';

const HANDOFF_KEY = '__liqlensFirstAnswer';

interface Handoff {
  url: string;
  /** Sends the request once, whoever calls first, and returns its pending reply. */
  start: () => Promise<unknown>;
}

type Holder = Record<string, unknown>;

/**
 * Leaves the request for `takeFirstAnswer` at once and sends it in the next task (`nextTask`): this
 * runs at document start, inside the page's own HTML-parsing task, and the send (≈ 1 ms, mostly the
 * browser's messaging set-up) would make that task longer, enough to push a page's 48 ms parse task
 * past 50 ms. If the main file takes it before that task has come (or `nextTask` failed), taking it
 * sends it: nothing waits on a task that might never run. It names no market: the background answers
 * for the sending page's own (its sender URL).
 */
export function sendFirstAnswer(holder: Holder, url: string, send: (message: Envelope) => Promise<unknown>, nextTask: (task: () => void) => void): void {
  let reply: Promise<unknown> | null = null;
  const start = (): Promise<unknown> => {
    if (!reply) {
      reply = sendNow(() => send(envelope('overlay.open', {})));
      // The main file reads the failure (an unreachable worker means defaults); until then it is not unhandled.
      reply.catch(() => undefined);
    }
    return reply;
  };
  holder[HANDOFF_KEY] = { url, start } satisfies Handoff;
  try {
    nextTask(() => void start());
  } catch {
    // No task of its own: the main file sends it when it takes the handoff.
  }
}

/**
 * The reply the first file asked for, once (sent now if its task has not come yet): null when there
 * is none, or when it was asked for a different URL (a single-page app may have moved on, and the
 * page's market was the question).
 */
export function takeFirstAnswer(holder: Holder, url: string): Promise<unknown> | null {
  const handoff = holder[HANDOFF_KEY] as Partial<Handoff> | undefined;
  delete holder[HANDOFF_KEY];
  if (!handoff || handoff.url !== url || typeof handoff.start !== 'function') return null;
  const reply = handoff.start();
  return reply instanceof Promise ? reply : null;
}

/**
 * The opening answer: the handed-over one, or the main file's own request when there was none or
 * it failed (a failed first request would otherwise leave the page on default settings — the
 * overlay shown on a site the trader switched off).
 */
export function firstAnswerOr<T>(handedOver: Promise<unknown> | null, ask: () => Promise<T>): Promise<T> {
  return handedOver ? readReply<T>(handedOver).catch(() => ask()) : ask();
}

/**
 * The current snapshot, asked for once the opening answer is in: at once when nothing cached is
 * on screen (the overlay is loading), else after the first paint — its answer re-renders the
 * overlay and must not land between the first render and its frame. Never asked for on a site
 * the settings switch off; a failed opening answer means defaults, so it is asked for at once.
 */
export function currentSnapshot(
  opening: Promise<ResponseOf<'overlay.open'>>,
  options: {
    switchedOff: (settings: Settings) => boolean;
    firstPaint: Promise<void>;
    /** False once the page has moved to another market: its snapshot is no longer asked for. */
    stillWanted: () => boolean;
    ask: () => Promise<MarketSnapshot>;
  },
): Promise<MarketSnapshot> {
  const askIfWanted = () => (options.stillWanted() ? options.ask() : Promise.reject(new Error('the page moved to another market')));
  return opening.then(
    ({ settings, cached }) =>
      options.switchedOff(settings)
        ? Promise.reject(new Error('overlay off on this site'))
        : (cached ? options.firstPaint : Promise.resolve()).then(askIfWanted),
    () => options.ask(),
  );
}
