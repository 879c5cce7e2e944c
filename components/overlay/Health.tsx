import { useState } from 'preact/hooks';
import type { PageHealth } from '@/core/overlay/health';
import { isMessageKey } from '@/core/i18n/i18n';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { useLocale } from '../shared/i18n';

/**
 * On demand: which page field was read by which hook, and why a field was not. Hooks render as text.
 * With `onSaveReport`, a button opens the report page, which makes a redacted copy of this page
 * for a bug report (resolves whether it opened).
 */
export function Health(props: { health: Store<PageHealth | null>; onSaveReport?: () => Promise<boolean> }) {
  const { t } = useLocale();
  const health = useStore(props.health);
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<boolean | undefined>(undefined);
  if (!health) return null;
  const name = (f: string) => {
    const key = `field_${f}`;
    return isMessageKey(key) ? t(key) : f;
  };
  const save = props.onSaveReport;
  return (
    <div class="ll-health">
      <button type="button" class="ll-link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="overlay-health-toggle">
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
