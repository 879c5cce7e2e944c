import { formatPct, formatPrice } from '@/core/format/display';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { useLocale } from '../shared/i18n';

/** The page's price and the mark price disagree: say so, do not silently pick one. */
export function PriceMismatch(props: { mismatch: Store<{ page: number; mark: number } | null> }) {
  const { t, style } = useLocale();
  const m = useStore(props.mismatch);
  if (!m) return null;
  return (
    <p class="ll-banner ll-warn ll-small" role="alert" data-testid="price-mismatch">
      {t('priceMismatch', { page: formatPrice(m.page, style), mark: formatPrice(m.mark, style), pct: formatPct(((m.page - m.mark) / m.mark) * 100, style) })}
    </p>
  );
}
