import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import '@/components/sidepanel/sidepanel.css';
import { createClient, readReply } from '@/core/messages/client';
import { LIVE_PORT, type Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { GET_TAB_MARKET, GET_TAB_ORDER, parseTabMarket, parseTabReply } from '@/core/overlay/tab-messages';
import type { OrderReport } from '@/core/overlay/popup-order';
import '@/core/i18n/chart';
import { createTranslator } from '@/core/i18n/i18n';
import { type Market } from '@/core/types';
import { VENUE_IDS } from '@/core/venues/registry';
import type { ChartData } from '@/core/chart/chart-data';
import { parseMarketText, parsePanelQuery, takePanelFirst } from '@/core/chart/panel-first';
import type { Settings } from '@/core/settings/settings';
import { LocaleProvider } from '@/components/shared/i18n';
import { applyToDocument, pageLook } from '@/components/shared/page-setup';
import { createLivePort } from '@/components/shared/live-port';
// Static: without lightweight-charts (imported after the first paint, LazyHeatChart.tsx) the panel is
// small, and in the entry's graph it is fetched and compiled with it instead of after it.
import { SidePanel, type SidePanelProps } from '@/components/sidepanel/SidePanel';

const LAST_MARKET = 'liqlens:popup-market';

/** The active tab's market without the `tabs` permission: our content script there says which. */
async function activeTabMarket(): Promise<Market | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return parseTabMarket(await browser.tabs.sendMessage(tab.id, GET_TAB_MARKET).catch(() => null));
}

/** The order inputs the active tab's content script read, as the popup asks (validated: the page is hostile input). */
async function activeTabOrder(): Promise<OrderReport | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return parseTabReply('order.get', await browser.tabs.sendMessage(tab.id, GET_TAB_ORDER).catch(() => null));
}

/** Follows the active tab: asked again when the trader switches tabs or a tab finishes loading. */
function FollowTab({ panel: Panel, ...props }: Omit<SidePanelProps, 'tabMarket' | 'getTabOrder'> & { follow: boolean; panel: typeof SidePanel }) {
  const [tabMarket, setTabMarket] = useState<Market | null>(null);
  useEffect(() => {
    if (!props.follow) return;
    let live = true;
    const ask = () =>
      void activeTabMarket().then(
        (m) => live && setTabMarket((old) => (old && m && old.venue === m.venue && old.symbol === m.symbol ? old : m)),
        () => undefined,
      );
    ask();
    const onUpdated = (_id: number, change: { status?: string }) => change.status === 'complete' && ask();
    browser.tabs.onActivated.addListener(ask);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(ask);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return <Panel {...props} tabMarket={tabMarket} getTabOrder={props.follow ? activeTabOrder : undefined} />;
}

async function start() {
  const request = createClient((message: Envelope) => browser.runtime.sendMessage(message));
  // ?market=venue:SYMBOL&view=map&lookback=72 opens a given market and view (links, screenshots).
  const { market: fromQuery, lookback, view } = parsePanelQuery(location.search);
  // The page's first script (sidepanel-first.ts) already sent the settings and a named market's
  // chart request while the HTML was parsed; asked again here only if it did not, or they failed.
  const first = takePanelFirst(globalThis as unknown as Record<string, unknown>, location.search);
  const ask = <T,>(handedOver: Promise<unknown> | null | undefined, again: () => Promise<T>) =>
    handedOver ? readReply<T>(handedOver).catch(() => again()) : again();
  const pending = fromQuery ? ask<ChartData>(first?.chart, () => request('chart.get', { market: fromQuery, lookbackHours: lookback })) : undefined;
  pending?.catch(() => undefined);
  const settings = await ask<Settings>(first?.settings, () => request('settings.get', {})).catch(() => DEFAULT_SETTINGS);
  const look = pageLook(settings, browser.i18n.getUILanguage(), matchMedia('(prefers-color-scheme: dark)').matches);
  applyToDocument(document, look, createTranslator(look.language)('chartTitle'));
  const fallback = fromQuery ??
    parseMarketText(localStorage.getItem(LAST_MARKET)) ??
    settings.pinnedMarkets?.[0] ?? { venue: VENUE_IDS[0]!, symbol: 'BTC/USDT:USDT' };
  const live = createLivePort(
    () => browser.runtime.connect({ name: LIVE_PORT }),
    (fn, ms) => setTimeout(fn, ms),
  );
  render(
    <LocaleProvider language={look.language} style={look.style}>
      <FollowTab
        follow={!fromQuery}
        panel={SidePanel}
        request={request}
        theme={look.theme}
        fallbackMarket={fallback}
        initialView={view}
        initialLookback={lookback}
        pending={pending}
        onMarketShown={(m) => live.watch(m)}
        onPainted={() => {
          // The bench reads this mark: first chart paint after the page started.
          if (!performance.getEntriesByName('liqlens:chart-painted').length) performance.mark('liqlens:chart-painted');
        }}
      />
    </LocaleProvider>,
    document.getElementById('app')!,
  );
}

void start();
