import { TEST_BUILD } from '@/core/build';
import { browser } from 'wxt/browser';
import { createRouter, classifySender, type SenderInfo } from '@/core/messages/router';
import { LIVE_PORT } from '@/core/messages/protocol';
import { marketFromUrl } from '@/core/page/market-from-url';
import { systemClock, systemTimers } from '@/core/net/clock';
import type { FetchLike } from '@/core/net/fetcher';
import type { LocalStorageArea } from '@/core/vendors/keys';
import type { OpenSocket, SocketLike } from '@/core/realized/stream-manager';
import { createService, REFRESH_ALARM, REFRESH_PERIOD_MINUTES } from '@/core/service/service';
import { REPORT_OPEN, REPORT_PAGE, toggleOverlayRelay } from '@/core/overlay/tab-messages';
import { ALERT_ALARM, ALERT_PERIOD_MINUTES } from '@/core/service/alerts';
import { tradingPageUrl } from '@/core/page/trading-page-urls';
import { isSidePanelOpen, openChartOnCommand, type SidePanelApi } from '@/core/chart/open-chart';

/** Test build only: storage.session key of the worker starts (worker-lifetime.e2e.test.ts). */
const WORKER_STARTS_KEY = 'liqlens:test:workerStarts';

/**
 * Thin glue: platform objects in, listeners registered synchronously (so the event that woke
 * the worker is delivered), everything else in core/service. A killed worker loses nothing:
 * realized buckets, caches and source status live in IndexedDB; settings and keys in storage.local.
 */
export default defineBackground(() => {
  const service = createService({
    version: browser.runtime.getManifest().version,
    // Every request goes to the real exchange URL; E2E and the demo intercept them in Chromium.
    fetch: ((url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' })) as FetchLike,
    clock: systemClock,
    timers: systemTimers,
    local: browser.storage.local as unknown as LocalStorageArea,
    permissions: { hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }) },
    openSocket: ((url: string) => new WebSocket(url) as unknown as SocketLike) as OpenSocket,
    isOffline: () => typeof navigator !== 'undefined' && navigator.onLine === false,
    // `notifications` is optional: the API exists only once the trader allowed it (options page).
    notify: async (id, { title, message }) => {
      if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return false;
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
      return true;
    },
    uiLanguage: browser.i18n.getUILanguage(),
  });

  // Vendor keys live in the extension origin's IndexedDB, which no content script can open (in either
  // browser). storage.local holds only settings; Chrome opens it to content scripts by default and ours
  // never read storage (they ask the background), so it is closed to them too. Firefox has no
  // setAccessLevel: there its content scripts could read the settings, which hold no secret.
  const local = browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const senderOptions = {
    extensionId: browser.runtime.id,
    extensionOrigin,
    isTradingPage: (url: string) => marketFromUrl(url) !== null,
  };
  const route = createRouter({
    ...senderOptions,
    handlers: service.handlers,
    onError: (command, error) => console.warn(`LiqLens: "${command}" failed:`, error instanceof Error ? error.message : error),
  });

  const senderInfo = (sender: { id?: string; url?: string; tab?: { id?: number } }): SenderInfo => ({
    ...(sender.id !== undefined ? { id: sender.id } : {}),
    ...(sender.url !== undefined ? { url: sender.url } : {}),
    ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
  });

  // Chrome's side panel API (absent on Firefox, whose sidebar opens on its own reserved command).
  const chromeApi = (globalThis as { chrome?: { sidePanel?: SidePanelApi; windows?: { WINDOW_ID_CURRENT: number } } }).chrome;
  const sidePanel = chromeApi?.sidePanel;

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // "Open chart" in the overlay: the click's gesture lasts only while this listener runs, so the
    // panel is opened first thing, for the sending tab. Answers false where it cannot (Firefox).
    if (isSidePanelOpen(message)) {
      const tabId = sender.tab?.id;
      if (!sidePanel || tabId === undefined || tabId < 0 || classifySender(senderInfo(sender), senderOptions) !== 'content') return Promise.resolve(false);
      return sidePanel.open({ tabId }).then(
        () => true,
        () => false,
      );
    }
    // "Save a page report" in the overlay: open the report page next to that trading tab (tabs.create
    // needs no permission). The page then asks that tab's content script for its copy; the page's
    // content never passes through here.
    if (typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === REPORT_OPEN.channel) {
      const tab = sender.tab;
      if (!tab?.id || tab.id < 0 || classifySender(senderInfo(sender), senderOptions) !== 'content') return Promise.resolve(false);
      return browser.tabs.create({ url: `${browser.runtime.getURL(REPORT_PAGE)}?tab=${tab.id}`, index: tab.index + 1 }).then(
        () => true,
        () => false,
      );
    }
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== 'liqlens') return undefined;
    return route(message, senderInfo(sender));
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT) return;
    if (!port.sender || !classifySender(senderInfo(port.sender), senderOptions)) {
      port.disconnect();
      return;
    }
    service.acceptLivePort(port);
  });

  // The keyboard shortcut reaches the overlay in the active tab. Tab ids need no `tabs` permission,
  // and a tab without our content script simply does not answer.
  browser.commands.onCommand.addListener(
    toggleOverlayRelay(
      (tabId, message) => browser.tabs.sendMessage(tabId, message),
      async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    ),
  );

  // A listener here makes the browser start the worker when it starts, so collection resumes at once
  // (startup() below holds the streams when set to collect all the time). Their WebSocket traffic,
  // a keepalive at least every 20 s, keeps an MV3 worker alive (Chrome 116+; worker-lifetime.e2e.test.ts
  // confirms it in Chromium without DevTools attached to the worker); the refresh alarm
  // restarts it within 5 minutes should it still be stopped.
  browser.runtime.onStartup.addListener(() => undefined);
  // A clicked alert opens that market's trading page (tabs.create needs no permission). The API
  // appears once `notifications` is granted: listen now if it is, else from the moment it is.
  let listeningToClicks = false;
  const listenToClicks = () => {
    if (listeningToClicks || !browser.notifications) return;
    listeningToClicks = true;
    browser.notifications.onClicked.addListener((id) => {
      void service.alerts.ruleForNotification(id).then(async (rule) => {
        const url = rule ? tradingPageUrl(rule.market) : null;
        if (url) await browser.tabs.create({ url });
        await browser.notifications.clear(id);
      });
    });
  };
  listenToClicks();
  browser.permissions.onAdded.addListener(listenToClicks);
  browser.commands.onCommand.addListener(openChartOnCommand(sidePanel, chromeApi?.windows?.WINDOW_ID_CURRENT ?? -2));

  browser.alarms.onAlarm.addListener((alarm) => void service.onAlarm(alarm.name));
  // Alerts are checked every minute whether or not a trading page is open; the alarm outlives the worker.
  void browser.alarms.get(ALERT_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALERT_ALARM, { periodInMinutes: ALERT_PERIOD_MINUTES });
  });
  void browser.alarms.get(REFRESH_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_PERIOD_MINUTES });
  });
  void service.startup();

  // Read-only hooks for the E2E suite and the bench (IndexedDB reads; nothing that changes
  // behaviour), in the test build only: production bundles have neither the hooks nor this global.
  if (TEST_BUILD) {
    (globalThis as { __liqlens?: unknown }).__liqlens = service.testHooks;
    // Each start of a worker instance, in storage.session (kept while the browser runs), for
    // worker-lifetime.e2e.test.ts: an extension page reads it at the end, so that test never attaches
    // DevTools to the worker (an attached client stops Chrome's idle timer). Written once per start:
    // nothing periodic that could itself keep the worker alive.
    const session = browser.storage.session as unknown as
      { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } | undefined;
    const instance = { id: crypto.randomUUID(), startedAt: Date.now() };
    void session
      ?.get(WORKER_STARTS_KEY)
      .then((got) => session.set({ [WORKER_STARTS_KEY]: [...((got[WORKER_STARTS_KEY] as unknown[] | undefined) ?? []), instance] }))
      .catch(() => undefined);
  }
});
