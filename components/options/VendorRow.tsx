import { useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { SourceStatus } from '@/core/messages/protocol';
import { VENDOR_HOSTS, VENDOR_LABELS, type VendorId } from '@/core/vendors/hosts';
import { formatAge } from '@/core/i18n/i18n';
import { useLocale } from '../shared/i18n';
import { sourceMessage } from '../shared/sources';

/** One vendor: on/off, its key (saved only once its host permission is granted), test, last status. */
export function VendorRow(props: {
  vendor: VendorId;
  enabled: boolean;
  onEnabled: (on: boolean) => void;
  request: RequestFn;
  requestHostPermission: (origin: string) => Promise<boolean>;
  status: SourceStatus | null;
  now: number;
  onChecked: () => void;
}) {
  const { t } = useLocale();
  const [key, setKey] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const name = VENDOR_LABELS[props.vendor];
  const id = `ll-opt-key-${props.vendor}`;
  const saveKey = async () => {
    // The permission prompt must be the first await inside the click, or the browser refuses it.
    const granted = await props.requestHostPermission(VENDOR_HOSTS[props.vendor]).catch(() => false);
    if (!granted) {
      setNote({ text: t('optPermissionDenied', { host: VENDOR_HOSTS[props.vendor] }), error: true });
      return;
    }
    try {
      await props.request('vendor.setKey', { vendor: props.vendor, key: key.trim() });
      setKey('');
      setNote({ text: t('optKeySaved', { vendor: name }), error: false });
      if (!props.enabled) props.onEnabled(true);
    } catch (error) {
      setNote({ text: t('optSaveFailed', { message: error instanceof Error ? error.message : String(error) }), error: true });
    }
  };
  const test = async () => {
    try {
      const r = await props.request('vendor.test', { vendor: props.vendor });
      setNote({ text: r.message, error: !r.ok });
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : String(error), error: true });
    }
    props.onChecked();
  };
  const s = props.status;
  return (
    <div class="ll-section" data-testid={`opt-vendor-${props.vendor}`}>
      <label class="ll-check">
        <input
          type="checkbox"
          checked={props.enabled}
          onChange={(e) => props.onEnabled((e.currentTarget as HTMLInputElement).checked)}
          data-testid={`opt-vendor-enable-${props.vendor}`}
        />
        {t('optVendorEnable', { vendor: name })}
      </label>
      {props.vendor === 'coinank' && (
        <p class="ll-small ll-muted" data-testid="opt-vendor-help-coinank">
          {t('optCoinankHelp')}
        </p>
      )}
      <div class="ll-field">
        <label for={id}>{t('optVendorKey', { vendor: name })}</label>
        <input
          id={id}
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={key}
          onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)}
          data-testid={`opt-key-${props.vendor}`}
        />
      </div>
      <div class="ll-actions">
        <button type="button" disabled={key.trim() === ''} onClick={() => void saveKey()} data-testid={`opt-save-key-${props.vendor}`}>
          {t('optSaveKey')}
        </button>
        <button type="button" onClick={() => void test()} data-testid={`opt-test-${props.vendor}`}>
          {t('optTest')}
        </button>
      </div>
      <p class="ll-small ll-muted" data-testid={`opt-vendor-status-${props.vendor}`}>
        {!s || (!s.lastSuccess && !s.lastError) ? t('optNever') : null}
        {s?.lastSuccess ? t('optLastSuccess', { age: formatAge(t, props.now - s.lastSuccess) }) : null}
        {s?.lastSuccess && s.lastError ? ' · ' : null}
        {s?.lastError ? t('optLastError', { age: formatAge(t, props.now - s.lastError.at), message: sourceMessage(s) }) : null}
      </p>
      {note && (
        <p class={`ll-small${note.error ? ' ll-error-text' : ''}`} role="status" data-testid={`opt-vendor-note-${props.vendor}`}>
          {note.text}
        </p>
      )}
    </div>
  );
}
