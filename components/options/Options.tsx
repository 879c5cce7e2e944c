import '@/core/i18n/pages';
import { vendorStatus } from '@/core/vendors/source-status';
import { useEffect, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { SourceStatus } from '@/core/messages/protocol';
import { LANGUAGES, LEVERAGE_PRESETS, NUMBER_FORMATS, REALIZED_COLLECTION, THEMES, realizedCollectionOf, type Settings } from '@/core/settings/settings';
import { VENDOR_IDS } from '@/core/vendors/hosts';
import { type VenueId } from '@/core/types';
import { VENUE_IDS, basicsOf } from '@/core/venues/registry';
import { formatAge, type MessageKey } from '@/core/i18n/i18n';
import { LocaleProvider, useLocale } from '../shared/i18n';
import { pageLook } from '../shared/page-setup';
import { PALETTES, paletteVars } from '../theme/colors';
import { exportSettings, parseSettingsImport } from './import-settings';
import { VendorRow } from './VendorRow';
import { ModelShares } from './ModelShares';
import { Alerts } from './Alerts';
import { sourceMessage } from '../shared/sources';

export interface OptionsProps {
  request: RequestFn;
  initial: Settings;
  uiLanguage: string;
  prefersDark: boolean;
  /** browser.permissions.request for one vendor host; must run inside the click. */
  requestHostPermission: (origin: string) => Promise<boolean>;
  /** browser.permissions.request for `notifications` (alerts); must run inside the click. */
  requestNotifications?: () => Promise<boolean>;
  download: (filename: string, text: string) => void;
  onLookChange?: (settings: Settings) => void;
  now?: () => number;
}

/** The whole options page: every change is saved at once through the background. */
export function Options(props: OptionsProps) {
  const [settings, setSettings] = useState(props.initial);
  const look = pageLook(settings, props.uiLanguage, props.prefersDark);
  useEffect(() => props.onLookChange?.(settings), [look.language, look.theme]);
  return (
    <LocaleProvider language={look.language} style={look.style}>
      <main class="ll-root ll-page" style={paletteVars(PALETTES[look.theme])} data-testid="options-root" data-theme={look.theme}>
        <OptionsBody {...props} settings={settings} setSettings={setSettings} />
      </main>
    </LocaleProvider>
  );
}

function OptionsBody(props: OptionsProps & { settings: Settings; setSettings: (s: Settings) => void }) {
  const { t } = useLocale();
  const { settings } = props;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [sources, setSources] = useState<SourceStatus[]>([]);
  const now = (props.now ?? Date.now)();

  const loadSources = () =>
    props.request('sources.status', {}).then(
      (s) => setSources(s),
      () => undefined,
    );
  useEffect(() => void loadSources(), []);

  const save = async (next: Settings) => {
    props.setSettings(next);
    try {
      props.setSettings(await props.request('settings.set', { settings: next }));
      setStatus({ text: t('optSaved'), error: false });
    } catch (error) {
      props.setSettings(settings);
      setStatus({ text: t('optSaveFailed', { message: error instanceof Error ? error.message : String(error) }), error: true });
    }
  };
  const patch = (p: Partial<Settings>) => void save({ ...settings, ...p });
  const venueFlags = (key: 'keylessVenues' | 'overlaySites', testid: string) =>
    VENUE_IDS.map((v: VenueId) => (
      <label key={v} class="ll-check">
        <input
          type="checkbox"
          checked={settings[key][v] !== false && (key === 'overlaySites' || settings[key][v] === true)}
          onChange={(e) => patch({ [key]: { ...settings[key], [v]: (e.currentTarget as HTMLInputElement).checked } } as Partial<Settings>)}
          data-testid={`${testid}-${v}`}
        />
        {basicsOf(v).label}
      </label>
    ));
  const select = <K extends 'leveragePreset' | 'theme' | 'language' | 'numberFormat'>(
    key: K,
    values: readonly Settings[K][],
    label: MessageKey,
    prefix: string,
  ) => (
    <div class="ll-field">
      <label for={`ll-opt-${key}`}>{t(label)}</label>
      <select
        id={`ll-opt-${key}`}
        value={settings[key]}
        onChange={(e) => patch({ [key]: (e.currentTarget as HTMLSelectElement).value } as Partial<Settings>)}
        data-testid={`opt-${key}`}
      >
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}_${v}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
  const numberInput = (key: 'lookbackDays' | 'bandWindowPct', label: MessageKey, min: number, max: number) => (
    <div class="ll-field">
      <label for={`ll-opt-${key}`}>{t(label)}</label>
      <input
        id={`ll-opt-${key}`}
        type="number"
        min={min}
        max={max}
        step={key === 'lookbackDays' ? 1 : 0.5}
        value={settings[key]}
        onChange={(e) => {
          const n = Number((e.currentTarget as HTMLInputElement).value);
          const ok = Number.isFinite(n) && n >= min && n <= max && (key !== 'lookbackDays' || Number.isInteger(n));
          if (ok) patch({ [key]: n } as Partial<Settings>);
          else setStatus({ text: t('optSaveFailed', { message: `${t(label)}: ${min}–${max}` }), error: true });
        }}
        data-testid={`opt-${key}`}
      />
    </div>
  );

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = parseSettingsImport(await file.text());
    if (!result.ok) {
      setStatus({ text: result.reason === 'not-json' ? t('optImportNotJson') : t('optImportInvalid', { message: result.message }), error: true });
      return;
    }
    await save(result.settings);
    setStatus({ text: t('optImported'), error: false });
  };

  return (
    <div class="ll-options">
      <h1>{t('optionsTitle')}</h1>
      <p class={`ll-status ll-small${status?.error ? ' ll-error-text' : ''}`} role="status" aria-live="polite" data-testid="opt-status">
        {status?.text ?? ''}
      </p>
      <fieldset data-testid="opt-keyless">
        <legend>{t('optKeyless')}</legend>
        <p class="ll-small ll-muted">{t('optKeylessHelp')}</p>
        {venueFlags('keylessVenues', 'opt-keyless')}
        <p class="ll-small ll-muted">{t('optModelPageVenue')}</p>
        <ModelShares request={props.request} now={now} />
        <div class="ll-field">
          <label for="ll-opt-realizedCollection">{t('optCollection')}</label>
          <select
            id="ll-opt-realizedCollection"
            value={realizedCollectionOf(settings)}
            onChange={(e) => patch({ realizedCollection: (e.currentTarget as HTMLSelectElement).value as Settings['realizedCollection'] })}
            data-testid="opt-realizedCollection"
          >
            {REALIZED_COLLECTION.map((v) => (
              <option key={v} value={v}>
                {t(`optCollection_${v}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset data-testid="opt-source-status">
        <legend>{t('optSourceStatus')}</legend>
        {sources.length === 0 ? (
          <p class="ll-small ll-muted">{t('optNever')}</p>
        ) : (
          <ul class="ll-list ll-small">
            {sources.map((s) => (
              <li key={s.source} class={s.lastError && (!s.lastSuccess || s.lastError.at > s.lastSuccess) ? 'll-error-text' : ''}>
                {s.source}:{' '}
                {[
                  s.lastSuccess ? t('optLastSuccess', { age: formatAge(t, now - s.lastSuccess) }) : null,
                  s.lastError ? t('optLastError', { age: formatAge(t, now - s.lastError.at), message: sourceMessage(s) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || t('optNever')}
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void loadSources()} data-testid="opt-refresh-status">
          {t('optRefreshStatus')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('optVendors')}</legend>
        {VENDOR_IDS.map((vendor) => (
          <VendorRow
            key={vendor}
            vendor={vendor}
            enabled={settings.vendors[vendor]}
            onEnabled={(on) => patch({ vendors: { ...settings.vendors, [vendor]: on } })}
            request={props.request}
            requestHostPermission={props.requestHostPermission}
            status={vendorStatus(sources, vendor)}
            now={now}
            onChecked={loadSources}
          />
        ))}
      </fieldset>
      <Alerts request={props.request} requestNotifications={props.requestNotifications ?? (() => Promise.resolve(false))} />
      <fieldset>
        <legend>{t('optModel')}</legend>
        {select('leveragePreset', LEVERAGE_PRESETS, 'optPreset', 'preset')}
        {numberInput('lookbackDays', 'optLookback', 1, 30)}
        {numberInput('bandWindowPct', 'optBandWindow', 1, 50)}
      </fieldset>
      <fieldset data-testid="opt-sites">
        <legend>{t('optSites')}</legend>
        {venueFlags('overlaySites', 'opt-site')}
      </fieldset>
      <fieldset>
        <legend>{t('optDisplay')}</legend>
        <label class="ll-check">
          <input
            type="checkbox"
            checked={settings.overlayExpandedByDefault}
            onChange={(e) => patch({ overlayExpandedByDefault: (e.currentTarget as HTMLInputElement).checked })}
            data-testid="opt-expanded"
          />
          {t('optExpanded')}
        </label>
        <label class="ll-check">
          <input
            type="checkbox"
            checked={settings.priceFromPage === true}
            onChange={(e) => patch({ priceFromPage: (e.currentTarget as HTMLInputElement).checked })}
            data-testid="opt-price-from-page"
          />
          {t('optPriceFromPage')}
        </label>
        {select('theme', THEMES, 'optTheme', 'theme')}
        {select('language', LANGUAGES, 'optLanguage', 'language')}
        {select('numberFormat', NUMBER_FORMATS, 'optNumberFormat', 'numberFormat')}
      </fieldset>
      <fieldset>
        <legend>{t('optData')}</legend>
        <div class="ll-actions">
          <button
            type="button"
            onClick={() =>
              props.request('cache.clear', {}).then(
                () => setStatus({ text: t('optCacheCleared'), error: false }),
                (e) => setStatus({ text: t('optSaveFailed', { message: e instanceof Error ? e.message : String(e) }), error: true }),
              )
            }
            data-testid="opt-clear-cache"
          >
            {t('optClearCache')}
          </button>
          <button type="button" onClick={() => props.download('liqlens-settings.json', exportSettings(settings))} data-testid="opt-export">
            {t('optExport')}
          </button>
        </div>
        <div class="ll-field">
          <label for="ll-opt-import">{t('optImport')}</label>
          <input
            id="ll-opt-import"
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport((e.currentTarget as HTMLInputElement).files?.[0])}
            data-testid="opt-import"
          />
        </div>
      </fieldset>
    </div>
  );
}
