import '@/core/i18n/chart';
import { useMemo } from 'preact/hooks';
import { shapeMap } from '@/core/chart/chart-data';
import type { HeatmapSnapshot } from '@/core/model/types';
import { useLocale } from '../shared/i18n';
import type { Palette } from '../theme/colors';
import { MapChart } from './MapChart';
import { MapTable } from './ChartTables';

/**
 * The popup's compact liquidation map, from the snapshot it already has (the heat within ±15% of
 * price): no extra request, and no charting library in the popup.
 */
export function PopupMap(props: { heatmap: HeatmapSnapshot; price: number; windowPct: number; palette: Palette; market: string; openChart?: () => void }) {
  const { t } = useLocale();
  const map = useMemo(() => shapeMap(props.heatmap, props.price, props.windowPct, 40), [props.heatmap, props.price, props.windowPct]);
  if (!map) return null;
  return (
    <section class="ll-section ll-popup-map" aria-label={t('chartMap')}>
      <div class="ll-row">
        <h2 class="ll-h">{t('chartPopupMap', { pct: props.windowPct })}</h2>
        {props.openChart && (
          <button
            type="button"
            class="ll-link"
            onClick={props.openChart}
            title={t('chartOpenHint', { shortcut: 'Alt+Shift+K' })}
            data-testid="popup-open-chart"
          >
            {t('chartOpen')}
          </button>
        )}
      </div>
      <MapChart map={map} palette={props.palette} height={200} compact label={t('chartMapLabel', { market: props.market })} testId="popup-map" />
      <MapTable map={map} />
    </section>
  );
}
