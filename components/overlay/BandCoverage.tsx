import type { HeatmapSnapshot } from '@/core/model/types';
import { formatNumber } from '@/core/format/display';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';

/** "Binance + Bybit + OKX": the venues whose open interest the figures sum (those actually modelled for this snapshot). */
export const modelledVenues = (heatmap: Pick<HeatmapSnapshot, 'venues'>) => heatmap.venues.map(venueLabel).join(' + ');

/**
 * What a band's dollar figure covers ("Binance + Bybit + OKX, estimate") and, in the details, how
 * the model's dollars compared with realized liquidations in the shipped backtest.
 */
export function BandCoverage(props: { heatmap: HeatmapSnapshot; expanded: boolean }) {
  const { t, style } = useLocale();
  const cal = props.heatmap.calibration;
  const x = (v: number) => formatNumber(v, v < 1 ? 3 : 1, style);
  const range = ([a, b]: [number, number]) => `${x(a)}–${x(b)}×`;
  return (
    <section class="ll-section ll-small ll-muted" data-testid="band-coverage">
      <p data-testid="band-coverage-venues">{t('bandCoverage', { venues: modelledVenues(props.heatmap) })}</p>
      {props.expanded && (
        <p data-testid="band-calibration">
          {cal
            ? t('bandCalibration', {
                from: cal.from,
                to: cal.to,
                asset: cal.asset,
                realized: cal.realizedVenues.map(venueLabel).join(' + '),
                modelled: cal.modelVenues.map(venueLabel).join(' + '),
                long: x(cal.long),
                short: x(cal.short),
                n: String(cal.windows),
                longRange: range(cal.longRange),
                shortRange: range(cal.shortRange),
              })
            : t('bandCalibrationNone')}
        </p>
      )}
    </section>
  );
}
