import { useLocale } from '../shared/i18n';

/**
 * A market order with no independent mark price: what is missing, instead of a number, and where the
 * trader can allow pricing from the page's own last price (options page).
 */
export function NoIndependentMark(props: { source: string; reason: string; onOpenOptions?: () => void }) {
  const { t } = useLocale();
  return (
    <div class="ll-banner ll-warn ll-small" role="status" data-testid="order-no-mark">
      <p>{t('orderNoMark', { source: props.source.slice(0, 60), reason: props.reason.slice(0, 200) })}</p>
      {props.onOpenOptions && (
        <button type="button" class="ll-link" onClick={props.onOpenOptions} data-testid="order-no-mark-options">
          {t('orderNoMarkOptions')}
        </button>
      )}
    </div>
  );
}

/** Said next to a figure priced from the page's last price (the trader opted in). */
export function PricedFromPage() {
  const { t } = useLocale();
  return (
    <p class="ll-small ll-warn" data-testid="order-priced-from-page">
      {t('orderPricedFromPage')}
    </p>
  );
}
