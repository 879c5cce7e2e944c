import '@/core/i18n/pages';
import { formatAge } from '@/core/i18n/i18n';
import { formatNumber, formatUsdCompact } from '@/core/format/display';
import type { NetworkTotals as NetworkFigure, RealizedTotals, RealizedWindow } from '@/core/realized/types';
import { useLocale } from '../shared/i18n';

/**
 * A vendor's network-wide totals per coin (CoinAnk: every exchange it tracks) beside what the
 * venues above saw of the same coin. The vendor's figure is the wider one, so the view says what
 * share of it our venues saw instead of a spread between two figures that count different things.
 */
export function NetworkTotals(props: { network: NetworkFigure[]; totals: RealizedTotals; window: RealizedWindow; now: number }) {
  const { t, style } = useLocale();
  if (props.network.length === 0) return null;
  const usd = (v: number) => formatUsdCompact(v, style);
  return (
    <div data-testid="liq-network">
      <p class="ll-small">{t('liqNetwork')}</p>
      <ul class="ll-list ll-small">
        {props.network.map((n) => {
          const figure = n.windows[props.window];
          // A figure cached before answers carried their time has no age to show: say so, never "NaN".
          const age = Number.isFinite(n.fetchedAt) ? t('liqNetworkAge', { age: formatAge(t, props.now - n.fetchedAt) }) : t('liqNetworkAgeUnknown');
          if (!figure)
            return (
              <li key={n.coin} data-coin={n.coin}>
                {t('liqNetworkNoWindow', { coin: n.coin, window: props.window })} · {age}
              </li>
            );
          const ours = props.totals.byAsset[n.coin];
          const ourUsd = ours ? ours.longUsd + ours.shortUsd : 0;
          // Not capped: more than the network-wide figure means the two count differently, and shows.
          const ratio = figure.totalUsd > 0 ? ourUsd / figure.totalUsd : NaN;
          const share = Number.isFinite(ratio) ? `${formatNumber(ratio * 100, 0, style)}%` : '–';
          return (
            <li key={n.coin} data-coin={n.coin}>
              <strong>{t('liqNetworkRow', { coin: n.coin, window: props.window, usd: usd(figure.totalUsd) })}</strong>
              {figure.longUsd !== null && figure.shortUsd !== null && <> ({t('liqLongShort', { long: usd(figure.longUsd), short: usd(figure.shortUsd) })})</>}
              {' · '}
              {t('liqNetworkOurShare', { usd: usd(ourUsd), share })}
              {ratio > 1 && <> ({t('liqNetworkOver')})</>} · {age}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
