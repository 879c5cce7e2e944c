/**
 * The overlay's first answer from the background: the settings and the cached snapshot for this
 * page's market, in one message. The message's latency is the longest part of the overlay's first
 * paint, so it leaves as soon as it can: this module is the content script's first import, and
 * runs before the UI code is set up (WXT strips it from its build-time read of the entrypoint,
 * since only main() uses it).
 */
import { browser } from 'wxt/browser';
import { createClient } from '@/core/messages/client';
import type { Envelope } from '@/core/messages/protocol';
import { marketFromUrl } from '@/core/page/market-from-url';

export const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
export const pageMarket = marketFromUrl(location.href);
export const firstAnswer = request('overlay.open', pageMarket ? { market: pageMarket } : {});
// main() handles a failure (defaults, no cached data); this keeps it from being reported unhandled.
firstAnswer.catch(() => undefined);
