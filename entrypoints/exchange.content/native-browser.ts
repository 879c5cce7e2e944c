/**
 * `wxt/browser` for the trading-page content script only (wxt.config.ts aliases it for that build):
 * the browser's own promise-based extension API instead of webextension-polyfill, ~4 KB gzip less on
 * every trading page. What the content script calls (runtime.sendMessage/connect/onMessage with
 * sendResponse, runtime.id, i18n.getUILanguage) is promise-based or synchronous natively in Chrome
 * MV3 and Firefox. The namespace is chosen at build time, never by probing `globalThis.browser`
 * (a page element with id="browser" could answer to that name).
 */
import type { Browser, WxtBrowser } from 'wxt/browser';

export type { Browser };
export const browser: WxtBrowser = (
  import.meta.env.FIREFOX ? (globalThis as { browser?: WxtBrowser }).browser : (globalThis as { chrome?: WxtBrowser }).chrome
)!;
