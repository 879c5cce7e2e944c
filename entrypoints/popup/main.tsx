import { render } from 'preact';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import '@/components/sidepanel/sidepanel.css';
import { createClient } from '@/core/messages/client';
import { LIVE_PORT, type Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { computeLiquidation } from '@/core/liquidation/engine';
import { GET_TAB_MARKET, GET_TAB_ORDER, parseTabMarket, parseTabReply } from '@/core/overlay/tab-messages';
import type { OrderReport } from '@/core/overlay/popup-order';
import '@/core/i18n/pages';
import { createTranslator } from '@/core/i18n/i18n';
import { parseUnifiedSymbol, type Market } from '@/core/types';
import { isVenueId, VENUE_IDS } from '@/core/venues/registry';
import { LocaleProvider } from '@/components/shared/i18n';
import { applyToDocument, pageLook } from '@/components/shared/page-setup';
import { Popup } from '@/components/popup/Popup';
import { createLivePort } from '@/components/shared/live-port';

const LAST_MARKET = 'liqlens:popup-market';

function parseMarket(text: string | null): Market | null {
  if (!text) return null;
  const at = text.indexOf(':');
  const venue = text.slice(0, at);
  const symbol = text.slice(at + 1);
  return isVenueId(venue) && parseUnifiedSymbol(symbol) ? { venue, symbol } : null;
}

/**
 * The active tab's market without the `tabs` permission: tabs.query still gives the tab id, and
 * our own content script on that tab says which market it shows. Any other page answers nothing.
 */
async function tabMarket(): Promise<Market | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return parseTabMarket(await browser.tabs.sendMessage(tab.id, GET_TAB_MARKET));
}

/** The order inputs the active tab's content script read (validated: the page is hostile input). */
async function tabOrder(): Promise<OrderReport | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return parseTabReply('order.get', await browser.tabs.sendMessage(tab.id, GET_TAB_ORDER));
}

/**
 * The side panel, opened from this click (Chrome: sidePanel.open with the click's gesture, called
 * before anything is awaited; Firefox: sidebarAction.open from its own popup). Undefined elsewhere.
 */
function chartOpener(): (() => void) | undefined {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> }; windows?: { WINDOW_ID_CURRENT: number } } })
    .chrome;
  const sidePanel = chromeApi?.sidePanel;
  if (sidePanel)
    return () =>
      void sidePanel.open({ windowId: chromeApi.windows?.WINDOW_ID_CURRENT ?? -2 }).then(
        () => window.close(),
        () => undefined,
      );
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar)
    return () =>
      void sidebar.open().then(
        () => window.close(),
        () => undefined,
      );
  return undefined;
}

async function start() {
  const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
  const settings = await request('settings.get', {}).catch(() => DEFAULT_SETTINGS);
  const look = pageLook(settings, browser.i18n.getUILanguage(), matchMedia('(prefers-color-scheme: dark)').matches);
  applyToDocument(document, look, createTranslator(look.language)('popupTitle'));
  // ?market=venue:SYMBOL lets a screenshot or a link open a given market.
  const fromQuery = parseMarket(new URLSearchParams(location.search).get('market'));
  const fallback = fromQuery ??
    parseMarket(localStorage.getItem(LAST_MARKET)) ??
    settings.pinnedMarkets?.[0] ?? { venue: VENUE_IDS[0]!, symbol: 'BTC/USDT:USDT' };
  const live = createLivePort(
    () => browser.runtime.connect({ name: LIVE_PORT }),
    (fn, ms) => setTimeout(fn, ms),
  );
  render(
    <LocaleProvider language={look.language} style={look.style}>
      <Popup
        request={request}
        getTabMarket={fromQuery ? async () => null : tabMarket}
        getTabOrder={tabOrder}
        compute={computeLiquidation}
        theme={look.theme}
        windowPct={settings.bandWindowPct}
        fallbackMarket={fallback}
        onMarketShown={(m) => live.watch(m)}
        onMarketChosen={(m) => localStorage.setItem(LAST_MARKET, `${m.venue}:${m.symbol}`)}
        openOptions={() => void browser.runtime.openOptionsPage()}
        requestNotifications={() => browser.permissions.request({ permissions: ['notifications'] })}
        openLiquidations={() => void browser.tabs.create({ url: browser.runtime.getURL('/liquidations.html') })}
        openChart={chartOpener()}
      />
    </LocaleProvider>,
    document.getElementById('app')!,
  );
}

void start();
