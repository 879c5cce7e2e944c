import '@/core/i18n/pages';
import { useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import { RequestFailed } from '@/core/messages/client';
import type { TierTable } from '@/core/liquidation/types';
import type { Compute } from '@/core/overlay/order-view';
import { INITIAL_DATA, reduceOverlay, shownSnapshot, viewState } from '@/core/overlay/state';
import { type Market, type VenueId } from '@/core/types';
import { VENUE_IDS, basicsOf } from '@/core/venues/registry';
import { useLocale } from '../shared/i18n';
import { PALETTES, paletteVars, type ThemeName } from '../theme/colors';
import { Bands } from '../overlay/Bands';
import { BandCoverage } from '../overlay/BandCoverage';
import { SeedSentences } from '../shared/SeedSentences';
import { Calculator } from '../overlay/Calculator';
import { Header, shownPrice } from '../overlay/Header';
import { Realized } from '../overlay/Realized';
import { StateBanner } from '../overlay/StateBanner';
import { PopupLiquidation } from './PopupLiquidation';
import type { OrderReport } from '@/core/overlay/popup-order';
import { PopupMap } from '../sidepanel/PopupMap';

export interface PopupProps {
  request: RequestFn;
  /** The market of the active tab's overlay, asked of its content script; null elsewhere. */
  getTabMarket: () => Promise<Market | null>;
  /** The order inputs the active tab read, for the popup's own liquidation price (components/popup/PopupLiquidation.tsx). */
  getTabOrder?: () => Promise<OrderReport | null>;
  compute: Compute;
  theme: ThemeName;
  windowPct: number;
  /** Last market looked up, when the tab has none. */
  fallbackMarket: Market;
  onMarketChosen?: (market: Market) => void;
  /** Every market the popup shows (tab default or picked): keeps its live data flowing. */
  onMarketShown?: (market: Market) => void;
  openOptions: () => void;
  /** browser.permissions.request for `notifications`, for an alert added from the popup. */
  requestNotifications?: () => Promise<boolean>;
  /** Opens the network-wide liquidations page (absent: no link). */
  openLiquidations?: () => void;
  /** Opens the side panel chart (absent where the browser cannot open it from here). */
  openChart?: () => void;
  now?: () => number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function Popup(props: PopupProps) {
  const { t } = useLocale();
  const [market, setMarket] = useState<Market | null>(null);
  const [fromTab, setFromTab] = useState(false);
  const [markets, setMarkets] = useState<Market[]>([]);
  const [table, setTable] = useState<TierTable | null>(null);
  const [data, dispatch] = useReducer(reduceOverlay, INITIAL_DATA);
  const now = (props.now ?? Date.now)();

  useEffect(() => {
    let live = true;
    props
      .getTabMarket()
      .catch(() => null)
      .then((m) => {
        if (!live) return;
        setFromTab(!!m);
        setMarket(m ?? props.fallbackMarket);
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!market) return;
    let live = true;
    dispatch({ type: 'market', market });
    dispatch({ type: 'request' });
    props.onMarketShown?.(market);
    setTable(null);
    props.request('snapshot.get', { market }).then(
      (snapshot) => live && dispatch({ type: 'snapshot', snapshot }),
      (e) => live && dispatch({ type: 'failed', code: e instanceof RequestFailed ? e.code : 'internal', message: message(e) }),
    );
    props.request('tiers.get', { market }).then(
      (t) => live && setTable(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [market?.venue, market?.symbol]);

  useEffect(() => {
    if (!market) return;
    let live = true;
    const wanted = market;
    props.request('markets.list', { venue: market.venue }).then(
      (list) => {
        if (!live) return;
        setMarkets(list);
        // After a venue switch the previous symbol may not trade there: take the same coin, else the first market.
        if (list.length > 0 && !list.some((m) => m.symbol === wanted.symbol)) {
          const base = wanted.symbol.split('/')[0];
          setMarket(list.find((m) => m.symbol.split('/')[0] === base) ?? list[0]!);
        }
      },
      () => live && setMarkets([]),
    );
    return () => {
      live = false;
    };
  }, [market?.venue]);

  const state = viewState(data, now);
  const snapshot = shownSnapshot(state);
  const price = shownPrice(snapshot, null);
  const bands = useMemo(() => (snapshot?.heatmap ? [...snapshot.heatmap.bands.long, ...snapshot.heatmap.bands.short] : []), [snapshot?.heatmap]);
  const choose = (m: Market) => {
    setFromTab(false);
    setMarket(m);
    props.onMarketChosen?.(m);
  };
  const symbols = market && !markets.some((m) => m.symbol === market.symbol) ? [market, ...markets] : markets;

  return (
    <main
      class="ll-root ll-page ll-popup"
      style={paletteVars(PALETTES[props.theme])}
      data-testid="popup-root"
      data-theme={props.theme}
      data-state={market ? state.kind : 'loading'}
    >
      <div class="ll-row">
        <h1 class="ll-title">{t('popupTitle')}</h1>
        <button type="button" class="ll-link" onClick={props.openOptions} data-testid="popup-options">
          {t('popupOptions')}
        </button>
      </div>
      {props.openLiquidations && (
        <button type="button" class="ll-link ll-small" onClick={props.openLiquidations} data-testid="popup-liquidations">
          {t('liqOpen')} →
        </button>
      )}
      <div class="ll-grid">
        <div class="ll-field">
          <label for="ll-popup-venue">{t('popupVenue')}</label>
          <select
            id="ll-popup-venue"
            value={market?.venue ?? ''}
            onChange={(e) => {
              const venue = (e.currentTarget as HTMLSelectElement).value as VenueId;
              if (venue !== market?.venue) choose({ venue, symbol: market?.symbol ?? 'BTC/USDT:USDT' });
            }}
            data-testid="popup-venue"
          >
            {VENUE_IDS.map((v) => (
              <option key={v} value={v}>
                {basicsOf(v).label}
              </option>
            ))}
          </select>
        </div>
        <div class="ll-field">
          <label for="ll-popup-market">{t('popupMarket')}</label>
          <select
            id="ll-popup-market"
            value={market?.symbol ?? ''}
            onChange={(e) => market && choose({ venue: market.venue, symbol: (e.currentTarget as HTMLSelectElement).value })}
            data-testid="popup-market"
          >
            {symbols.map((m) => (
              <option key={m.symbol} value={m.symbol}>
                {m.symbol}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fromTab && (
        <p class="ll-small ll-muted" data-testid="popup-from-tab">
          {t('popupFromTab')}
        </p>
      )}
      {market && (
        <>
          <div class="ll-section">
            <Header market={market} snapshot={snapshot} price={price} now={now} />
          </div>
          <StateBanner state={state} now={now} expanded={false} detailsIn="options" />
          {fromTab && props.getTabOrder && (
            <PopupLiquidation
              market={market}
              getTabOrder={props.getTabOrder}
              request={props.request}
              compute={props.compute}
              snapshot={snapshot}
              bands={bands}
              now={now}
              {...(props.requestNotifications ? { requestNotifications: props.requestNotifications } : {})}
            />
          )}
          {snapshot?.heatmap && <Bands heatmap={snapshot.heatmap} windowPct={props.windowPct} expanded comparisons={snapshot.comparisons} headingLevel={2} />}
          {snapshot?.heatmap && price && (
            <PopupMap
              heatmap={snapshot.heatmap}
              price={price.value}
              windowPct={props.windowPct}
              palette={PALETTES[props.theme]}
              market={`${basicsOf(market.venue).label} ${market.symbol}`}
              openChart={props.openChart}
            />
          )}
          {snapshot?.heatmap && <BandCoverage heatmap={snapshot.heatmap} expanded />}
          {snapshot?.heatmap && <SeedSentences heatmap={snapshot.heatmap} />}
          {snapshot && <Realized realized={snapshot.realized} comparisons={snapshot.comparisons} now={now} expanded headingLevel={2} />}
          <section class="ll-section" aria-label={t('manualTitle')}>
            <h2 class="ll-h">{t('manualTitle')}</h2>
            <Calculator
              key={`${market.venue}:${market.symbol}`}
              market={market}
              prefill={price ? { entry: price.value } : {}}
              compute={props.compute}
              table={table}
              markPrice={price?.value ?? null}
              bands={bands}
              expanded
              now={now}
              idPrefix="ll-popup-calc"
            />
          </section>
        </>
      )}
    </main>
  );
}
