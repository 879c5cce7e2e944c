import { useEffect, useRef, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { AlertsView } from '@/core/messages/protocol';
import { ALERT_KINDS, MAX_ALERTS, newRule, type AlertKind, type AlertRule } from '@/core/alerts/rules';
import { parseUnifiedSymbol, type VenueId } from '@/core/types';
import { VENUE_IDS, basicsOf } from '@/core/venues/registry';
import { useLocale } from '../shared/i18n';
import { AlertRow } from './AlertRow';
import './alerts.css';

export interface AlertsProps {
  request: RequestFn;
  /** browser.permissions.request for `notifications`; must run inside the click. */
  requestNotifications: () => Promise<boolean>;
  /** A new rule's id. */
  newId?: () => string;
}

/** The alert settings: add per market, edit, switch on (asking for notifications the first time), remove. */
export function Alerts(props: AlertsProps) {
  const { t } = useLocale();
  const [view, setView] = useState<AlertsView>({ rules: [], states: {} });
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [venue, setVenue] = useState<VenueId>('binance');
  const [symbol, setSymbol] = useState('BTC/USDT:USDT');
  const [kind, setKind] = useState<AlertKind>('band');
  const failed = (error: unknown) => setNote({ text: t('optSaveFailed', { message: error instanceof Error ? error.message : String(error) }), error: true });

  useEffect(() => void props.request('alerts.get', {}).then(setView, failed), []);

  // Edits build on the latest rules, not on the last answer rendered: two quick changes both count.
  const latest = useRef<AlertRule[]>([]);
  useEffect(() => void (latest.current = view.rules), [view]);
  const save = async (rules: AlertRule[]) => {
    latest.current = rules;
    try {
      setView(await props.request('alerts.set', { rules }));
    } catch (error) {
      failed(error);
    }
  };
  const replace = (rule: AlertRule) => save(latest.current.map((r) => (r.id === rule.id ? rule : r)));

  const add = () => {
    const market = { venue, symbol: symbol.trim().toUpperCase() };
    if (!parseUnifiedSymbol(market.symbol)) return setNote({ text: t('optAlertBadMarket'), error: true });
    setNote(null);
    const id = (props.newId ?? (() => crypto.randomUUID()))();
    void save([...latest.current, newRule(id, market, kind)]);
  };

  const onSwitch = (rule: AlertRule, on: boolean) => {
    if (!on) return void replace({ ...rule, enabled: false });
    // The permission prompt must be the first thing the click does, or the browser refuses it.
    const asked = props.requestNotifications();
    setNote({ text: t('optAlertWaitingPermission'), error: false });
    void asked.then(
      (granted) => {
        if (!granted) return setNote({ text: t('optAlertPermissionDenied'), error: true });
        setNote(null);
        void replace({ ...rule, enabled: true });
      },
      () => setNote({ text: t('optAlertPermissionDenied'), error: true }),
    );
  };

  return (
    <fieldset data-testid="opt-alerts">
      <legend>{t('optAlerts')}</legend>
      <p class="ll-small ll-muted">{t('optAlertsHelp')}</p>
      <div class="ll-alert-add">
        <div class="ll-field">
          <label for="ll-alert-venue">{t('optAlertVenue')}</label>
          <select
            id="ll-alert-venue"
            value={venue}
            onChange={(e) => setVenue((e.currentTarget as HTMLSelectElement).value as VenueId)}
            data-testid="alert-new-venue"
          >
            {VENUE_IDS.map((v) => (
              <option key={v} value={v}>
                {basicsOf(v).label}
              </option>
            ))}
          </select>
        </div>
        <div class="ll-field">
          <label for="ll-alert-symbol">{t('optAlertMarket')}</label>
          <input id="ll-alert-symbol" value={symbol} onInput={(e) => setSymbol((e.currentTarget as HTMLInputElement).value)} data-testid="alert-new-symbol" />
        </div>
        <div class="ll-field">
          <label for="ll-alert-kind">{t('optAlertKind')}</label>
          <select
            id="ll-alert-kind"
            value={kind}
            onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as AlertKind)}
            data-testid="alert-new-kind"
          >
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`alertKind_${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={view.rules.length >= MAX_ALERTS} data-testid="alert-add">
          {t('optAlertAdd')}
        </button>
      </div>
      <p class={`ll-small${note?.error ? ' ll-error-text' : ''}`} role="status" aria-live="polite" data-testid="alert-note">
        {note?.text ?? ''}
      </p>
      {view.rules.length === 0 ? (
        <p class="ll-small ll-muted">{t('optAlertNone')}</p>
      ) : (
        <ul class="ll-list ll-alerts">
          {view.rules.map((rule) => (
            <AlertRow
              key={rule.id}
              rule={rule}
              state={view.states[rule.id]}
              onChange={(r) => void replace(r)}
              onSwitch={(on) => onSwitch(rule, on)}
              onRemove={() => void save(latest.current.filter((r) => r.id !== rule.id))}
              onInvalid={(text) => setNote({ text, error: true })}
            />
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void props.request('alerts.check', {}).then(setView, failed)} data-testid="alert-check-now">
        {t('optAlertCheckNow')}
      </button>
    </fieldset>
  );
}
