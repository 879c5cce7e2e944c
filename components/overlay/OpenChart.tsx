import { useLocale } from '../shared/i18n';

/**
 * "Open chart": asks the background to open the side panel next to this tab (on Chrome the click's
 * gesture carries over that one message). Firefox refuses it from a page; the label names the
 * shortcut that works in both browsers.
 */
export function OpenChart(props: { onOpenChart: () => void }) {
  const { t } = useLocale();
  return (
    <p class="ll-small">
      <button type="button" class="ll-link" onClick={props.onOpenChart} data-testid="overlay-open-chart">
        {t('openChart')}
      </button>
    </p>
  );
}
