import { formatPct, formatPrice } from '@/core/format/display';
import type { SelfCheck } from '@/core/overlay/self-check';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { useLocale } from '../shared/i18n';
import { venueLabel } from '../shared/venues';

/** The exchange's own figures against LiqLens's: "matches OKX ($79,019.9)" or how far apart and what LiqLens assumed. */
export function SelfCheckLines(props: { checks: Store<SelfCheck[]>; venue: string; tickSize?: number }) {
  const { t, style } = useLocale();
  const checks = useStore(props.checks);
  if (checks.length === 0) return null;
  const venue = venueLabel(props.venue);
  const price = (v: number) => formatPrice(v, style, props.tickSize);
  return (
    <ul class="ll-list ll-small" data-testid="self-check">
      {checks.map((c) => (
        <li key={c.what} class={c.agrees ? 'll-muted' : 'll-warn'} data-testid={`self-check-${c.what}`} data-agrees={c.agrees}>
          {t(`selfCheck_${c.what}`)}{' '}
          {c.agrees
            ? t('selfCheckMatches', { venue, price: price(c.exchange) })
            : t('selfCheckDiffers', { pct: formatPct(c.pct, style, 2).replace('+', ''), venue, exchange: price(c.exchange), ours: price(c.ours) }) +
              (c.assumed.length ? ` — ${t('selfCheckAssumed', { list: c.assumed.join('; ') })}` : '')}
        </li>
      ))}
    </ul>
  );
}
