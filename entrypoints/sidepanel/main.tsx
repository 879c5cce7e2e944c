import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '@/components/overlay/overlay.css';
import '@/components/shared/page.css';
import '@/components/sidepanel/sidepanel.css';
import { createClient } from '@/core/messages/client';
import { LIVE_PORT, type Envelope } from '@/core/messages/protocol';
import { DEFAULT_SETTINGS } from '@/core/settings/settings';
import { GET_TAB_MARKET, GET_TAB_ORDER, parseTabMarket, parseTabReply } from '@/core/overlay/tab-messages';
import type { OrderReport } from '@/core/overlay/popup-order';
import '@/core/i18n/chart';
import { createTranslator } from '@/core/i18n/i18n';
import { parseUnifiedSymbol, type Market } from '@/core/types';
import { isVenueId, VENUE_IDS } from '@/core/venues/registry';
import { CHART_LOOKBACK_HOURS, type ChartLookback } from '@/core/chart/chart-data';
import { LocaleProvider } from '@/components/shared/i18n';
import { applyToDocument, pageLook } from '@/components/shared/page-setup';
import { createLivePort } from '@/components/shared/live-port';
import type { SidePanel, SidePanelProps } from '@/components/sidepanel/SidePanel';

const LAST_MARKET = 'liqlens:popup-market';

function parseMarket(text: string | null): Market | null {
  if (!text) return null;
  const at = text.indexOf(':');
  const venue = text.slice(0, at);
  const symbol = text.slice(at + 1);
  return isVenueId(venue) && parseUnifiedSymbol(symbol) ? { venue, symbol } : null;
}

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
  const query = new URLSearchParams(location.search);
  const fromQuery = parseMarket(query.get('market'));
  const lookbackAsked = Number(query.get('lookback'));
  const lookback: ChartLookback = CHART_LOOKBACK_HOURS.includes(lookbackAsked as ChartLookback) ? (lookbackAsked as ChartLookback) : 24;
  // A named market's chart is asked for at once, alongside the settings (first paint).
  const pending = fromQuery ? request('chart.get', { market: fromQuery, lookbackHours: lookback }) : undefined;
  pending?.catch(() => undefined);
  // The panel and its chart library (most of the page's script) load and compile while the requests travel.
  const panel = import('@/components/sidepanel/SidePanel');
  const settings = await request('settings.get', {}).catch(() => DEFAULT_SETTINGS);
  const look = pageLook(settings, browser.i18n.getUILanguage(), matchMedia('(prefers-color-scheme: dark)').matches);
  applyToDocument(document, look, createTranslator(look.language)('chartTitle'));
  const fallback = fromQuery ??
    parseMarket(localStorage.getItem(LAST_MARKET)) ??
    settings.pinnedMarkets?.[0] ?? { venue: VENUE_IDS[0]!, symbol: 'BTC/USDT:USDT' };
  const { SidePanel } = await panel;
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
        initialView={query.get('view') === 'map' ? 'map' : 'heatmap'}
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
