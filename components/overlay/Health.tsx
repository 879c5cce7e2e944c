import { useState } from 'preact/hooks';
import type { KeptDisagreement } from '@/core/messages/protocol';
import { formatPrice } from '@/core/format/display';
import type { PageHealth } from '@/core/overlay/health';
import { isMessageKey } from '@/core/i18n/i18n';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { useLocale } from '../shared/i18n';

/**
 * On demand: which page field was read by which hook, and why a field was not (hooks render as
 * text); the disagreements with the exchange's own numbers kept on this machine; and, with
 * `onSaveReport`, a button that opens the report page, which makes a redacted copy of this page for
 * a bug report (resolves whether it opened).
 */
export function Health(props: { health: Store<PageHealth | null>; kept?: () => Promise<KeptDisagreement[]>; onSaveReport?: () => Promise<boolean> }) {
  const { t, style } = useLocale();
  const health = useStore(props.health);
  const [open, setOpen] = useState(false);
  const [kept, setKept] = useState<KeptDisagreement[] | null>(null);
  const [report, setReport] = useState<boolean | undefined>(undefined);
  const toggle = () => {
    setOpen(!open);
    // The kept disagreements are asked for each time the view opens (they live in the background).
    if (!open && props.kept) props.kept().then(setKept, () => setKept([]));
  };
  if (!health) return null;
  const name = (f: string) => {
    const key = `field_${f}`;
    return isMessageKey(key) ? t(key) : f;
  };
  const save = props.onSaveReport;
  return (
    <div class="ll-health">
      <button type="button" class="ll-link" aria-expanded={open} onClick={toggle} data-testid="overlay-health-toggle">
        {open ? t('healthHide') : t('healthShow')}
      </button>
      {open && (
        <ul class="ll-list ll-small" data-testid="overlay-health">
          {health.entries.map((e) => (
            <li key={e.field} class={e.ok ? '' : 'll-muted'}>
              {t(e.ok ? 'healthFound' : 'healthMissing', { field: name(e.field), detail: e.detail })}
            </li>
          ))}
          {health.refusedSensitive > 0 && <li>{t('healthRefused', { n: health.refusedSensitive })}</li>}
        </ul>
      )}
      {open && kept && (
        <ul class="ll-list ll-small" aria-label={t('keptTitle')} data-testid="overlay-kept">
          <li>{t('keptTitle')}</li>
          {kept.map((k) => (
            <li key={k.at + k.what} data-testid="kept-row">
              {t('keptRow', {
                when: new Date(k.at).toISOString().slice(0, 16),
                what: t(`selfCheck_${k.what}`),
                exchange: formatPrice(k.exchange, style),
                ours: formatPrice(k.ours, style),
              })}
            </li>
          ))}
        </ul>
      )}
      {open && save && (
        <div class="ll-small" data-testid="overlay-report">
          <button type="button" class="ll-link" onClick={() => void save().then(setReport)} data-testid="overlay-save-report">
            {t('reportSave')}
          </button>
          <div role="status" data-testid="overlay-report-status" class={report === false ? 'll-error-text' : 'll-muted'}>
            {report === undefined ? '' : t(report ? 'reportOpened' : 'reportFailed')}
          </div>
        </div>
      )}
    </div>
  );
}
