/**
 * The side panel page's first script (a classic script in sidepanel.html's head, so it runs while
 * the HTML is parsed, before the module graph of the main file is fetched and compiled): it only
 * sends the panel's opening requests (core/chart/panel-first.ts) so that their answers travel
 * meanwhile. It calls the browser's own promise-based runtime.sendMessage, chosen at build time
 * (as first-answer.ts does), not the polyfill the main file loads.
 */
import { sendPanelFirst } from '@/core/chart/panel-first';

interface RuntimeHost {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
}

export default defineUnlistedScript(() => {
  const api = (import.meta.env.FIREFOX ? (globalThis as { browser?: RuntimeHost }).browser : (globalThis as { chrome?: RuntimeHost }).chrome)!;
  sendPanelFirst(globalThis as unknown as Record<string, unknown>, location.search, (message) => api.runtime.sendMessage(message));
});
