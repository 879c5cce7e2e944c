import '@/core/i18n/pages';
import { useEffect, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { ModelOiShares } from '@/core/model/oi-share';
import { formatNumber, formatUsdCompact } from '@/core/format/display';
import { formatAge } from '@/core/i18n/i18n';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';

/** Each venue's share of the open interest the model sums, per recently viewed market, from its latest snapshot. */
export function ModelShares(props: { request: RequestFn; now: number }) {
  const { t, style } = useLocale();
  const [shares, setShares] = useState<ModelOiShares[] | null>(null);
  useEffect(() => {
    props.request('model.shares', {}).then(setShares, () => setShares([]));
  }, []);
  if (shares === null) return null;
  if (shares.length === 0) {
    return (
      <p class="ll-small ll-muted" data-testid="opt-oi-shares-none">
        {t('optOiSharesNone')}
      </p>
    );
  }
  return (
    <ul class="ll-list ll-small" data-testid="opt-oi-shares" aria-label={t('optOiSharesTitle')}>
      {shares.map((s) => (
        <li key={`${s.market.venue}:${s.market.symbol}`} data-testid={`opt-oi-share-${s.market.venue}-${s.market.symbol.split('/')[0]}`}>
          {t('optOiShareRow', {
            market: `${s.market.symbol.split(':')[0]} (${venueLabel(s.market.venue)})`,
            total: formatUsdCompact(s.totalUsd, style),
            split: s.venues.map((v) => `${venueLabel(v.venue)} ${formatNumber(v.share * 100, 0, style)}%`).join(' · '),
            age: formatAge(t, props.now - s.builtAt),
          })}
        </li>
      ))}
    </ul>
  );
}
