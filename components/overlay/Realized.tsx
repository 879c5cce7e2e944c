import type { RealizedSummary, SourceComparison } from '@/core/realized/types';
import { formatNumber, formatUsdCompact } from '@/core/format/display';
import { formatDuration } from '@/core/i18n/i18n';
import type { VenueId } from '@/core/types';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';

const DAY = 86_400_000;

/** Band-location comparisons belong with the bands; the rest are realized totals. */
export function isBandFigure(c: SourceComparison): boolean {
  return /\bband\b/i.test(c.figure);
}

/** The same figure from several sources, side by side with their spread: never averaged. */
export function Spreads(props: { comparisons: SourceComparison[]; testid: string }) {
  const { t, style } = useLocale();
  if (props.comparisons.length === 0) return null;
  return (
    <ul class="ll-list ll-small" data-testid={props.testid}>
      {props.comparisons.map((c) => (
        <li key={c.figure}>
          {t('sourcesDiffer', { pct: `${formatNumber(c.spread * 100, 0, style)}%`, figure: c.figure })}{' '}
          <span class="ll-muted">({c.values.map((v) => `${v.source} ${formatUsdCompact(v.value, style)}`).join(' · ')})</span>
        </li>
      ))}
    </ul>
  );
}

/** 24h realized liquidations: a lower bound, by side and venue, and where sources disagree. */
export function Realized(props: { realized: RealizedSummary | null; comparisons: SourceComparison[]; now: number; expanded: boolean; headingLevel?: 2 | 3 }) {
  const { t, style } = useLocale();
  const r = props.realized;
  if (!r) {
    return (
      <section class="ll-section" data-testid="overlay-realized">
        <p class="ll-muted ll-small">{t('realizedNone')}</p>
      </section>
    );
  }
  const day = r.windows['24h'];
  const comparisons = props.comparisons.filter((c) => !isBandFigure(c));
  const venues = Object.entries(day.byVenue) as [VenueId, { longUsd: number; shortUsd: number }][];
  const partial = props.now - r.collectingSince < DAY;
  return (
    <section class="ll-section" aria-label={t('realizedTitle')} data-testid="overlay-realized">
      {props.headingLevel === 2 ? <h2 class="ll-h">{t('realizedTitle')}</h2> : <h3 class="ll-h">{t('realizedTitle')}</h3>}
      <p>
        <span data-testid="realized-total">{t('realizedTotal', { usd: formatUsdCompact(day.totalUsd, style) })}</span>{' '}
        <span class="ll-muted" data-testid="realized-split">
          {t('realizedSplit', { long: formatUsdCompact(day.longUsd, style), short: formatUsdCompact(day.shortUsd, style) })}
        </span>
      </p>
      {props.expanded && venues.length > 0 && (
        <ul class="ll-list ll-small" data-testid="realized-venues">
          {venues.map(([venue, v]) => (
            <li key={venue}>
              {venueLabel(venue)}: {t('realizedSplit', { long: formatUsdCompact(v.longUsd, style), short: formatUsdCompact(v.shortUsd, style) })}
            </li>
          ))}
        </ul>
      )}
      <p class="ll-small ll-muted" data-testid="realized-lower-bound">
        {t('realizedLowerBound')}
      </p>
      {partial && (
        <p class="ll-small ll-muted" data-testid="realized-partial">
          {t('realizedPartial', { duration: formatDuration(t, props.now - r.collectingSince) })}
        </p>
      )}
      <Spreads comparisons={comparisons} testid="realized-spread" />
    </section>
  );
}
