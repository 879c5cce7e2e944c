import type { HeatmapSnapshot } from '@/core/model/types';
import { bandSentence, imbalanceOf, imbalanceSentence, pickBands, type BandPick } from '@/core/overlay/band-sentences';
import { formatNumber } from '@/core/format/display';
import { useLocale } from '../shared/i18n';
import type { SourceComparison } from '@/core/realized/types';
import { isBandFigure, Spreads } from './Realized';

function BandLine(props: { pick: BandPick; compact: boolean }) {
  const { t, style } = useLocale();
  const { band, roles } = props.pick;
  return (
    <li class={`ll-band ll-${band.side}`} data-testid={`band-${band.side}`} data-roles={roles.join(' ')}>
      {/* Compact: the nearest band only, so its role goes without saying beyond "nearest". */}
      <span class="ll-role">{props.compact ? t('bandNearest') : roles.map((r) => t(r === 'nearest' ? 'bandNearest' : 'bandLargest')).join(' · ')}</span>{' '}
      <span>{bandSentence(t, band, style, props.compact)}</span>
    </li>
  );
}

/** Nearest and largest band on each side; the short side first because it sits above the price. */
export function Bands(props: {
  heatmap: HeatmapSnapshot;
  windowPct: number;
  expanded: boolean;
  comparisons?: SourceComparison[];
  /** 2 on a page whose title is h1 (the popup); 3 in the overlay. */ headingLevel?: 2 | 3;
}) {
  const { t, style } = useLocale();
  const window = Math.min(props.windowPct, props.heatmap.bands.windowPct || props.windowPct);
  const shorts = pickBands(props.heatmap.bands.short, window);
  const longs = pickBands(props.heatmap.bands.long, window);
  // Compact: the nearest band each side. Expanded: nearest and largest.
  const limit = props.expanded ? 2 : 1;
  const none = t('bandNone', { window: `${formatNumber(window, 0, style)}%` });
  return (
    <section class="ll-section" aria-label={t('bandsTitle')} data-testid="overlay-bands">
      {props.expanded && (props.headingLevel === 2 ? <h2 class="ll-h">{t('bandsTitle')}</h2> : <h3 class="ll-h">{t('bandsTitle')}</h3>)}
      <ul class="ll-list">
        {shorts.length === 0 ? (
          <li class="ll-muted" data-testid="band-short-none">
            {none}
          </li>
        ) : (
          shorts.slice(0, limit).map((p) => <BandLine key={`s${p.band.near}`} pick={p} compact={!props.expanded} />)
        )}
        {longs.length === 0 ? (
          <li class="ll-muted" data-testid="band-long-none">
            {none}
          </li>
        ) : (
          longs.slice(0, limit).map((p) => <BandLine key={`l${p.band.near}`} pick={p} compact={!props.expanded} />)
        )}
      </ul>
      {props.expanded && (
        <p class="ll-small ll-muted" data-testid="overlay-imbalance">
          {imbalanceSentence(t, imbalanceOf(props.heatmap), style)}
        </p>
      )}
      {props.expanded && <Spreads comparisons={(props.comparisons ?? []).filter(isBandFigure)} testid="bands-spread" />}
    </section>
  );
}
