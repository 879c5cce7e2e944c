import '@/core/i18n/pages';
import { useEffect, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { LiquidationEvent, RealizedView, RealizedWindow } from '@/core/realized/types';
import { WINDOWS } from '@/core/realized/totals';
import { formatNumber, formatPrice, formatUsdCompact } from '@/core/format/display';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';
import { PALETTES, paletteVars, type ThemeName } from '../theme/colors';
import { Spreads } from '../overlay/Realized';
import { coverageNotes, splitAssets } from '@/core/realized/view-notes';
import { NetworkTotals } from './NetworkTotals';

const WINDOW_NAMES: RealizedWindow[] = ['1h', '4h', '12h', '24h'];
const REFRESH_MS = 30_000;

/** Local wall-clock time, hours and minutes. */
export const clockTime = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * The network-wide realized liquidations (the seed's 24 h picture): totals per window, long vs
 * short, per asset and per venue, the largest single ones, and under every figure which venues it
 * covers since when, its gaps, and that it is a lower bound. Vendor figures, where a key is set, sit
 * beside ours with their spread.
 */
export function Liquidations(props: { request: RequestFn; theme: ThemeName; initialWindow?: RealizedWindow }) {
  const { t, style } = useLocale();
  const [view, setView] = useState<RealizedView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [window, setWindow] = useState<RealizedWindow>(props.initialWindow ?? '24h');

  useEffect(() => {
    let live = true;
    const load = () =>
      props.request('realized.view', {}).then(
        (v) => live && (setView(v), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  const usd = (v: number) => formatUsdCompact(v, style);
  const share = (part: number, whole: number) => (whole > 0 ? `${formatNumber((part / whole) * 100, 0, style)}%` : '–');
  const w = view?.windows[window];
  const notes = view ? coverageNotes(view.venues, view.now, WINDOWS[window], window) : [];

  return (
    <main
      class="ll-root ll-page ll-liquidations"
      style={paletteVars(PALETTES[props.theme])}
      data-theme={props.theme}
      data-testid="liquidations-root"
      data-state={error ? 'error' : view ? 'ready' : 'loading'}
    >
      <h1 class="ll-title">{t('liqTitle')}</h1>
      <p class="ll-small ll-muted" data-testid="liq-lower-bound">
        {t('liqLowerBound')} {view ? t(view.collection === 'always' ? 'liqCollectingAlways' : 'liqCollectingWithPage') : ''}
      </p>
      {error && (
        <p class="ll-error-text" data-testid="liq-error">
          {t('liqError', { message: error })}
        </p>
      )}
      {!view && !error && <p class="ll-muted">{t('liqLoading')}</p>}
      {view && w && (
        <>
          <div class="ll-actions" role="tablist" data-testid="liq-windows">
            {WINDOW_NAMES.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === window}
                class={name === window ? 'll-tab-on' : ''}
                onClick={() => setWindow(name)}
              >
                {name}
              </button>
            ))}
          </div>
          <section class="ll-section" data-testid="liq-total">
            <p class="ll-h">{t('liqTotal', { window, usd: usd(w.totalUsd) })}</p>
            <p>
              <span class="ll-side-long">{t('liqLongs', { usd: usd(w.longUsd), share: share(w.longUsd, w.totalUsd) })}</span>
              {' · '}
              <span class="ll-side-short">{t('liqShorts', { usd: usd(w.shortUsd), share: share(w.shortUsd, w.totalUsd) })}</span>
            </p>
            <ul class="ll-list ll-small" data-testid="liq-coverage">
              {notes.map((n) => (
                <li key={n.key} data-venue={n.venue} data-kind={n.kind}>
                  {t(n.message, {
                    ...n.params,
                    venue: venueLabel(n.venue),
                    ...(n.times ? Object.fromEntries(Object.entries(n.times).map(([k, v]) => [k, clockTime(v)])) : {}),
                  })}
                </li>
              ))}
            </ul>
          </section>
          <section class="ll-section" data-testid="liq-assets">
            <p class="ll-h">{t('liqByAsset')}</p>
            <table class="ll-table ll-small">
              <tbody>
                {splitAssets(w.byAsset).map((a) => (
                  <tr key={a.asset} data-asset={a.asset}>
                    <th scope="row">{a.asset === '*' ? t('liqRest') : a.asset}</th>
                    <td>{usd(a.longUsd + a.shortUsd)}</td>
                    <td class="ll-muted">{t('liqLongShort', { long: usd(a.longUsd), short: usd(a.shortUsd) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section class="ll-section" data-testid="liq-venues">
            <p class="ll-h">{t('liqByVenue')}</p>
            <table class="ll-table ll-small">
              <tbody>
                {view.venues
                  .filter((v) => v.feed !== 'none' && v.enabled)
                  .map((v) => {
                    const s = w.byVenue[v.venue] ?? { longUsd: 0, shortUsd: 0 };
                    return (
                      <tr key={v.venue} data-venue={v.venue}>
                        <th scope="row">{venueLabel(v.venue)}</th>
                        <td>{usd(s.longUsd + s.shortUsd)}</td>
                        <td class="ll-muted">{t('liqLongShort', { long: usd(s.longUsd), short: usd(s.shortUsd) })}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </section>
          <Largest events={view.largest} />
          <section class="ll-section" data-testid="liq-cross-check">
            <p class="ll-h">{t('liqCrossCheck')}</p>
            <NetworkTotals network={view.network} totals={w} window={window} now={view.now} />
            {view.comparisons.length ? (
              <Spreads comparisons={view.comparisons} testid="liq-spreads" />
            ) : (
              view.network.length === 0 && <p class="ll-small ll-muted">{t('liqCrossCheckNone')}</p>
            )}
          </section>
        </>
      )}
    </main>
  );
}

function Largest(props: { events: LiquidationEvent[] }) {
  const { t, style } = useLocale();
  return (
    <section class="ll-section" data-testid="liq-largest">
      <p class="ll-h">{t('liqLargest')}</p>
      {props.events.length === 0 ? (
        <p class="ll-small ll-muted">{t('liqNoneYet')}</p>
      ) : (
        <table class="ll-table ll-small">
          <thead>
            <tr>
              <th>{t('liqColTime')}</th>
              <th>{t('liqColVenue')}</th>
              <th>{t('liqColMarket')}</th>
              <th>{t('liqColSide')}</th>
              <th>{t('liqColPrice')}</th>
              <th>{t('liqColUsd')}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr key={`${e.venue}${e.symbol}${e.time}${e.usd}`}>
                <td>{clockTime(e.time)}</td>
                <td>{venueLabel(e.venue)}</td>
                <td>{e.symbol.split(':')[0]}</td>
                <td class={e.side === 'long' ? 'll-side-long' : 'll-side-short'}>{t(e.side === 'long' ? 'liqSideLong' : 'liqSideShort')}</td>
                <td>{formatPrice(e.price, style)}</td>
                <td>{formatUsdCompact(e.usd, style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
