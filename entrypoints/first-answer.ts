/**
 * The content script's first file (wxt.config.ts gives it a manifest entry of its own at
 * document_start, with the main file's matches and excludes): it only sends the overlay's opening
 * request, so the answer is in by the time the main file runs at document_idle and the first frame
 * is drawn in that file's own task, not a message task after the page's next frame. It reads no
 * DOM (at document start the page's document is still empty) and names no market (the background
 * reads it from the sender URL) and calls the browser's own promise-based runtime.sendMessage
 * (as the main file does, through exchange.content/native-browser.ts): at under 1 KB it costs the
 * page almost nothing, and the send itself runs in a task of its own, not the page's parsing task.
 * The namespace is chosen at build time, not by probing `globalThis.browser`: on a Chromium
 * without its own `browser`, a page element with id="browser" would answer to that name; the API
 * objects each browser installs cannot be shadowed that way.
 */
import { sendFirstAnswer } from '@/core/overlay/first-answer';
import { nextTask } from '@/components/shared/next-task';

interface RuntimeHost {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
}

export default defineUnlistedScript(() => {
  const api = (import.meta.env.FIREFOX ? (globalThis as { browser?: RuntimeHost }).browser : (globalThis as { chrome?: RuntimeHost }).chrome)!;
  sendFirstAnswer(globalThis as unknown as Record<string, unknown>, location.href, (message) => api.runtime.sendMessage(message), nextTask);
});
