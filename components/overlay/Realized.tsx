import type { RealizedSummary, SourceComparison } from '@/core/realized/types';
import { formatPct, formatUsdCompact } from '@/core/format/display';
import { formatDuration } from '@/core/i18n/i18n';
import type { VenueId } from '@/core/types';
import { useLocale } from '../shared/i18n';

const DAY = 86_400_000;

/** 24h realized liquidations: a lower bound, by side and venue, and where sources disagree. */
export function Realized(props: { realized: RealizedSummary | null; comparisons: SourceComparison[]; now: number; expanded: boolean }) {
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
  const venues = Object.entries(day.byVenue) as [VenueId, { longUsd: number; shortUsd: number }][];
  const partial = props.now - r.collectingSince < DAY;
  return (
    <section class="ll-section" aria-label={t('realizedTitle')} data-testid="overlay-realized">
      <h3 class="ll-h">{t('realizedTitle')}</h3>
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
              {venue}: {t('realizedSplit', { long: formatUsdCompact(v.longUsd, style), short: formatUsdCompact(v.shortUsd, style) })}
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
      {props.comparisons.length > 0 && (
        <ul class="ll-list ll-small" data-testid="realized-spread">
          {props.comparisons.map((c) => (
            <li key={c.figure}>
              {t('sourcesDiffer', { pct: formatPct(c.spread * 100, style, 0).replace(/^\+/, ''), figure: c.figure })}{' '}
              <span class="ll-muted">({c.values.map((v) => `${v.source} ${formatUsdCompact(v.value, style)}`).join(' · ')})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
