import type { MarketSnapshot } from '@/core/messages/protocol';
import type { Market } from '@/core/types';
import { formatPrice } from '@/core/format/display';
import { formatAge } from '@/core/i18n/i18n';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';

export interface ShownPrice {
  value: number;
  kind: 'mark' | 'last' | 'page';
}

/** Mark price from the background first (what venues liquidate on), else the page's last price. */
export function shownPrice(snapshot: MarketSnapshot | null, pagePrice: number | null): ShownPrice | null {
  if (snapshot?.mark && Number.isFinite(snapshot.mark.price) && snapshot.mark.price > 0) return { value: snapshot.mark.price, kind: 'mark' };
  if (pagePrice !== null && Number.isFinite(pagePrice) && pagePrice > 0) return { value: pagePrice, kind: 'last' };
  return null;
}

export function Badges(props: { snapshot: MarketSnapshot }) {
  const { t } = useLocale();
  const heat = props.snapshot.heatmap?.provenance;
  const realized = props.snapshot.realized?.provenance;
  return (
    <ul class="ll-badges" data-testid="overlay-badges">
      {heat && (
        <li class="ll-badge" title={t('badgeEstimateHint')} data-testid="badge-estimate">
          {t('badgeEstimate')} · {t(heat.access === 'vendor' ? 'badgeVendor' : 'badgeKeyless')}
        </li>
      )}
      {realized && (
        <li class="ll-badge" data-testid="badge-realized">
          {t('badgeRealized')} · {t(realized.access === 'vendor' ? 'badgeVendor' : 'badgeKeyless')}
        </li>
      )}
    </ul>
  );
}

export function Header(props: { market: Market; snapshot: MarketSnapshot | null; price: ShownPrice | null; now: number; tickSize?: number }) {
  const { t, style } = useLocale();
  const { snapshot, price } = props;
  const kind = price ? t(price.kind === 'mark' ? 'priceMark' : price.kind === 'last' ? 'priceLast' : 'pricePage') : '';
  const venues = snapshot?.heatmap?.venues ?? [];
  return (
    <div class="ll-header-info">
      <div class="ll-row">
        <strong class="ll-market" data-testid="overlay-market">
          {props.market.symbol}
        </strong>
        {price && (
          <span class="ll-price" data-testid="overlay-price">
            {t('priceLabel', { kind, price: formatPrice(price.value, style, props.tickSize) })}
          </span>
        )}
      </div>
      {snapshot && (
        <div class="ll-row ll-small ll-muted">
          {snapshot.asOf !== null && <span data-testid="overlay-age">{t('dataAge', { age: formatAge(t, props.now - snapshot.asOf) })}</span>}
          {venues.length > 0 && <span data-testid="overlay-coverage">{t('coverage', { venues: venues.map(venueLabel).join(', ') })}</span>}
        </div>
      )}
      {snapshot && <Badges snapshot={snapshot} />}
    </div>
  );
}
