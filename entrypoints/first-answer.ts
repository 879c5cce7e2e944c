/**
 * The content script's first file (wxt.config.ts lists it before content-scripts/exchange.js in
 * the same manifest entry): it only sends the overlay's opening request, so that the answer
 * travels while the browser compiles and runs the main file. It names no market (the background
 * reads it from the sender URL) and calls the browser's own promise-based runtime.sendMessage
 * (as the main file does, through exchange.content/native-browser.ts): at under 1 KB it costs the page almost
 * nothing before the request is on its way. The namespace is chosen at build time, not by probing
 * `globalThis.browser`: on a Chromium without its own `browser`, a page element with id="browser"
 * would answer to that name; the API objects each browser installs cannot be shadowed that way.
 */
import { sendFirstAnswer } from '@/core/overlay/first-answer';

interface RuntimeHost {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
}

export default defineUnlistedScript(() => {
  const api = (import.meta.env.FIREFOX ? (globalThis as { browser?: RuntimeHost }).browser : (globalThis as { chrome?: RuntimeHost }).chrome)!;
  sendFirstAnswer(globalThis as unknown as Record<string, unknown>, location.href, (message) => api.runtime.sendMessage(message));
});
