import type { HeatmapSnapshot, SeedSide } from '@/core/model/types';
import { formatPct, formatUsdCompact } from '@/core/format/display';
import { useLocale } from './i18n';
import { venueLabel } from './venues';

/**
 * The seed report's two sentences for the market shown, worked out by the background with the
 * heatmap (core/model/seed-statement.ts): the densest cluster per side within the band window and
 * every modelled dollar between the price and it, labelled as an estimate with its venues.
 */
export function SeedSentences(props: { heatmap: HeatmapSnapshot }) {
  const { t, style } = useLocale();
  const seed = props.heatmap.seed;
  if (!seed || (!seed.long && !seed.short)) return null;
  const params = (s: SeedSide) => ({ usd: formatUsdCompact(s.usd, style), to: formatUsdCompact(s.to, style), pct: formatPct(s.pct, style) });
  return (
    <section class="ll-section ll-small" data-testid="seed-sentences">
      <p class="ll-muted">{t('seedTitle', { venues: props.heatmap.venues.map(venueLabel).join(' + ') })}</p>
      <ul class="ll-list">
        {seed.long && <li data-testid="seed-long">{t('seedLong', params(seed.long))}</li>}
        {seed.short && <li data-testid="seed-short">{t('seedShort', params(seed.short))}</li>}
      </ul>
    </section>
  );
}
