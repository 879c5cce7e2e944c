import type { ChartData } from '@/core/chart/chart-data';
import { legendGradient, usdAtLevel } from '@/core/chart/colour-scale';
import { formatUsdCompact } from '@/core/format/display';
import { formatAge } from '@/core/i18n/i18n';
import { basicsOf } from '@/core/venues/registry';
import { useLocale } from '../shared/i18n';

/** "Estimate" with what it assumed: source, venues covered (and any that lag), model preset, age. */
export function Provenance(props: { data: ChartData; now: number }) {
  const { t } = useLocale();
  const d = props.data;
  if (!d.provenance) return null;
  const newest = d.provenance.dataTime;
  const lagging = d.venues.filter((v) => (d.venueDataTime[v] ?? 0) < newest - 2 * 3_600_000);
  return (
    <p class="ll-small ll-prov" data-testid="chart-provenance">
      <span class="ll-badge" data-testid="chart-estimate">
        {t('chartEstimate')}
      </span>{' '}
      {t('chartProvenance', {
        venues: d.venues.map((v) => basicsOf(v).label).join(', '),
        preset: d.preset ?? '—',
        age: formatAge(t, Math.max(0, props.now - newest)),
      })}
      {lagging.map((v) => (
        <span key={v}> · {t('chartVenueLag', { venue: basicsOf(v).label, age: formatAge(t, Math.max(0, props.now - (d.venueDataTime[v] ?? 0))) })}</span>
      ))}
      {d.candleSource && <span> · {t('chartPriceLine', { source: d.candleSource })}</span>}
    </p>
  );
}

/** The colour scale in USD: the ramp and five ticks in USD. */
export function Legend(props: { maxUsd: number }) {
  const { t, style } = useLocale();
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure class="ll-legend" data-testid="chart-legend">
      <div class="ll-legend-ramp" style={{ backgroundImage: legendGradient() }} aria-hidden="true" />
      <div class="ll-legend-ticks">
        {ticks.map((l) => (
          <span key={l}>{formatUsdCompact(usdAtLevel(l, props.maxUsd), style)}</span>
        ))}
      </div>
      <figcaption class="ll-small ll-muted">{t('chartLegend')}</figcaption>
    </figure>
  );
}
