import '@/core/i18n/chart';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import { CHART_LOOKBACK_HOURS, type ChartData, type ChartLookback } from '@/core/chart/chart-data';
import { formatAge } from '@/core/i18n/i18n';
import { type Market, type VenueId } from '@/core/types';
import { VENUE_IDS, basicsOf } from '@/core/venues/registry';
import { useLocale } from '../shared/i18n';
import { PALETTES, paletteVars, type ThemeName } from '../theme/colors';
import type { OrderReport } from '@/core/overlay/popup-order';
import type { Compute } from '@/core/overlay/order-view';
import type { TraderLines } from '@/core/chart/trader-lines';
import { HeatChart } from './LazyHeatChart';
import { MapChart, type MapLine } from './MapChart';
import { Legend, Provenance } from './Provenance';
import { HeatTable, MapTable, TraderLinesTable } from './ChartTables';
import { liquidationLineLabel, useTraderLines } from './trader-lines';

export type ChartView = 'heatmap' | 'map';

export interface SidePanelProps {
  request: RequestFn;
  theme: ThemeName;
  /** The active tab's market (asked of our content script there), null elsewhere. */
  tabMarket: Market | null;
  /**
   * The active tab's order report (`order.get` through tabs.sendMessage, validated), asked while the
   * panel follows that tab; its order and liquidation price are drawn only when its market is shown.
   */
  getTabOrder?: () => Promise<OrderReport | null>;
  /** The liquidation engine (tests pass their own); the real one by default. */
  compute?: Compute;
  /** How often the tab is asked again, ms. */
  linesRefreshMs?: number;
  /** Market named in the URL, or the last one looked at, when the tab has none. */
  fallbackMarket: Market;
  initialView?: ChartView;
  initialLookback?: ChartLookback;
  onMarketShown?: (market: Market) => void;
  onPainted?: () => void;
  /** A `chart.get` already sent while the page started (for `fallbackMarket` and the initial lookback). */
  pending?: Promise<ChartData>;
  now?: () => number;
}

const lookbackLabel = (t: ReturnType<typeof useLocale>['t'], h: ChartLookback) => (h < 48 ? t('chartHours', { n: h }) : t('chartDays', { n: h / 24 }));

/** The side panel: the active tab's market (or one picked here) as a heatmap or a liquidation map. */
export function SidePanel(props: SidePanelProps) {
  const { t } = useLocale();
  const [picked, setPicked] = useState<Market | null>(null);
  const [markets, setMarkets] = useState<Market[]>([]);
  const [view, setView] = useState<ChartView>(props.initialView ?? 'heatmap');
  const [lookback, setLookback] = useState<ChartLookback>(props.initialLookback ?? 24);
  const [data, setData] = useState<ChartData | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The table alternative is built after the chart's first frame is on screen, not before it.
  const [tableLater, setTableLater] = useState(false);
  const market = picked ?? props.tabMarket ?? props.fallbackMarket;
  const following = picked === null && props.tabMarket !== null;
  const palette = PALETTES[props.theme];
  const now = (props.now ?? Date.now)();

  // A layout effect: a reply already in (the page's first script asked for it) is shown in this
  // task, not after the next frame and a timer (when Preact runs plain effects).
  useLayoutEffect(() => {
    let live = true;
    setError(null);
    props.onMarketShown?.(market);
    const early = props.pending && market === props.fallbackMarket && lookback === (props.initialLookback ?? 24) ? props.pending : null;
    (early ?? props.request('chart.get', { market, lookbackHours: lookback })).then(
      (d) => live && setData(d),
      (e: unknown) => live && (setData(null), setError(e instanceof Error ? e.message : String(e))),
    );
    return () => {
      live = false;
    };
  }, [market.venue, market.symbol, lookback]);

  // The market list (the picker's options) is asked for once the first chart answer is in: its
  // request and reply would otherwise compete with the chart's for the worker and the page.
  const chartAnswered = data !== null || error !== null;
  useEffect(() => {
    if (!chartAnswered) return;
    let live = true;
    props.request('markets.list', { venue: market.venue }).then(
      (list) => live && setMarkets(list),
      () => live && setMarkets([]),
    );
    return () => {
      live = false;
    };
  }, [market.venue, chartAnswered]);

  const shown = data && data.market.venue === market.venue && data.market.symbol === market.symbol && data.lookbackHours === lookback ? data : null;
  const lines = useTraderLines({
    market,
    following,
    getTabOrder: props.getTabOrder,
    request: props.request,
    compute: props.compute,
    ...(props.linesRefreshMs ? { refreshMs: props.linesRefreshMs } : {}),
    now: props.now,
  });
  const mapLines = useMemo(() => mapLinesOf(t, lines), [t, lines]);
  const symbols = markets.some((m) => m.symbol === market.symbol) ? markets : [market, ...markets];
  const marketName = `${basicsOf(market.venue).label} ${market.symbol}`;

  return (
    <main
      class="ll-root ll-page ll-side"
      style={paletteVars(palette)}
      data-testid="sidepanel-root"
      data-theme={props.theme}
      data-state={error ? 'error' : shown ? 'ready' : 'loading'}
    >
      <h1 class="ll-title">{t('chartTitle')}</h1>
      <div class="ll-grid">
        <div class="ll-field">
          <label for="ll-side-venue">{t('popupVenue')}</label>
          <select
            id="ll-side-venue"
            value={market.venue}
            data-testid="chart-venue"
            onChange={(e) => {
              const venue = (e.currentTarget as HTMLSelectElement).value as VenueId;
              setPicked({ venue, symbol: market.symbol });
            }}
          >
            {VENUE_IDS.map((v) => (
              <option key={v} value={v}>
                {basicsOf(v).label}
              </option>
            ))}
          </select>
        </div>
        <div class="ll-field">
          <label for="ll-side-market">{t('popupMarket')}</label>
          <select
            id="ll-side-market"
            value={market.symbol}
            data-testid="chart-market"
            onChange={(e) => setPicked({ venue: market.venue, symbol: (e.currentTarget as HTMLSelectElement).value })}
          >
            {symbols.map((m) => (
              <option key={m.symbol} value={m.symbol}>
                {m.symbol}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="ll-small ll-muted" data-testid="chart-follow">
        {following ? t('chartFollowsTab') : picked ? t('chartPickedHere') : ''}{' '}
        {picked && props.tabMarket && (
          <button type="button" class="ll-link" onClick={() => setPicked(null)} data-testid="chart-follow-tab">
            {t('chartFollowTab')}
          </button>
        )}
      </p>
      <div class="ll-toolbar">
        <div role="group" aria-label={t('chartView')} class="ll-seg">
          {(['heatmap', 'map'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)} data-testid={`chart-view-${v}`}>
              {v === 'heatmap' ? t('chartHeatmap') : t('chartMap')}
            </button>
          ))}
        </div>
        {view === 'heatmap' && (
          <div role="group" aria-label={t('chartLookback')} class="ll-seg">
            {CHART_LOOKBACK_HOURS.map((h) => (
              <button key={h} type="button" aria-pressed={lookback === h} onClick={() => setLookback(h)} data-testid={`chart-lookback-${h}`}>
                {lookbackLabel(t, h)}
              </button>
            ))}
          </div>
        )}
      </div>
      {error && (
        <p class="ll-error" role="alert" data-testid="chart-error">
          {t('chartFailed', { message: error })}
        </p>
      )}
      {!shown && !error && (
        <p class="ll-muted" data-testid="chart-loading">
          {t('chartLoading')}
        </p>
      )}
      {shown && (
        <>
          {shown.stale && (
            <p class="ll-small ll-warn" data-testid="chart-stale">
              {t('chartStale')}
            </p>
          )}
          <Provenance data={shown} now={now} />
          {view === 'heatmap' &&
            (shown.heat ? (
              <section aria-label={t('chartHeatLabel', { market: marketName, lookback: lookbackLabel(t, lookback) })}>
                <HeatChart
                  data={shown}
                  palette={palette}
                  lines={lines}
                  height={360}
                  onPainted={() => {
                    props.onPainted?.();
                    setTimeout(() => setTableLater(true), 0);
                  }}
                />
                <Legend maxUsd={shown.heat.maxUsd} />
                <p class="ll-small ll-muted" data-testid="chart-realized-note">
                  {shown.realized.length > 0 && shown.realizedSince !== null
                    ? t('chartRealizedMarks', { since: formatAge(t, now - shown.realizedSince) })
                    : t('chartRealizedNone')}
                </p>
                <YourLines lines={lines} />
                {tableLater && <HeatTable data={shown} />}
              </section>
            ) : (
              <p class="ll-muted" data-testid="chart-no-heat">
                {shown.missing && !shown.provenance ? t('chartNoData', { reason: shown.missing }) : t('chartNoHeat')}
              </p>
            ))}
          {view === 'map' &&
            (shown.map ? (
              <section>
                <MapChart
                  map={shown.map}
                  palette={palette}
                  height={420}
                  label={t('chartMapLabel', { market: marketName })}
                  lines={mapLines}
                  testId="chart-map"
                />
                <p class="ll-small ll-muted">
                  <span class="ll-key ll-key-long" /> {t('chartMapLongs')} · <span class="ll-key ll-key-short" /> {t('chartMapShorts')}
                </p>
                <YourLines lines={lines} />
                <MapTable map={shown.map} />
              </section>
            ) : (
              <p class="ll-muted" data-testid="chart-no-map">
                {t('chartNoData', { reason: shown.missing ?? '' })}
              </p>
            ))}
          <p class="ll-small ll-muted">{t('chartZoomHint')}</p>
        </>
      )}
    </main>
  );
}

/** The trader's lines as the map draws them: liquidation prices, then the order. */
function mapLinesOf(t: ReturnType<typeof useLocale>['t'], lines: TraderLines | null): MapLine[] {
  if (!lines) return [];
  return [
    ...lines.liquidations.map((l) => ({ kind: 'liquidation' as const, price: l.price, label: liquidationLineLabel(t, l, lines.undecided) })),
    ...(lines.order !== null ? [{ kind: 'order' as const, price: lines.order, label: t('chartYourOrder') }] : []),
  ];
}

/** Where the trader's lines come from ("your order, from the page"), and the same levels as a table; or why there are none. */
function YourLines(props: { lines: TraderLines | null }) {
  const { t } = useLocale();
  const l = props.lines;
  if (!l)
    return (
      <p class="ll-small ll-muted" data-testid="chart-lines-none">
        {t('chartLinesNone')}
      </p>
    );
  return (
    <div data-testid="chart-your-lines">
      <p class="ll-small ll-muted" data-testid="chart-your-lines-source">
        <span class="ll-key ll-key-liq" /> <span class="ll-key ll-key-order" /> {t('chartYourLines', { venue: basicsOf(l.market.venue).label })}
        {l.liquidations.length === 0 && <> {t('chartYourLinesNoLiq')}</>}
      </p>
      <TraderLinesTable lines={l} />
    </div>
  );
}
