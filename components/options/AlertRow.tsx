import type { AlertRule } from '@/core/alerts/rules';
import type { AlertState } from '@/core/alerts/machine';
import { NOT_ALLOWED } from '@/core/alerts/machine';
import type { MessageKey } from '@/core/i18n/i18n';
import { basicsOf } from '@/core/venues/registry';
import { useLocale } from '../shared/i18n';

/** "10:42": when a check ran or an alert fired, in the page's language, 24-hour. */
export function clockTime(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language === 'zh_CN' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

type NumberField = { key: string; label: MessageKey; value: number; min: number; max: number; step: number; set: (rule: AlertRule, n: number) => AlertRule };

/** The rule with its liquidation price marked as entered by hand (no page source). */
function byHand(rule: AlertRule): AlertRule {
  if (rule.condition.kind !== 'liquidation' || !rule.condition.source) return rule;
  const { source: _source, ...condition } = rule.condition;
  return { ...rule, condition };
}

/** The number fields of one rule's condition, plus its cooldown. */
function fieldsOf(rule: AlertRule): NumberField[] {
  const c = rule.condition;
  const cooldown: NumberField = {
    key: 'cooldown',
    label: 'optAlertCooldown',
    value: rule.cooldownMinutes,
    min: 1,
    max: 1440,
    step: 1,
    set: (r, n) => ({ ...r, cooldownMinutes: Math.round(n) }),
  };
  const cond =
    <K extends string>(key: K, n: number) =>
    (r: AlertRule) =>
      ({ ...r, condition: { ...r.condition, [key]: n } }) as AlertRule;
  if (c.kind === 'band')
    return [
      { key: 'within', label: 'optAlertWithinPct', value: c.withinPct, min: 0.01, max: 50, step: 0.1, set: (r, n) => cond('withinPct', n)(r) },
      { key: 'usd', label: 'optAlertMinBandUsd', value: c.minUsd, min: 1, max: 1e12, step: 1_000_000, set: (r, n) => cond('minUsd', n)(r) },
      cooldown,
    ];
  if (c.kind === 'liquidation')
    return [
      // A price typed here is the trader's own: it no longer says it came from the page.
      {
        key: 'liq',
        label: 'optAlertLiqPrice',
        value: c.liquidationPrice,
        min: 1e-9,
        max: 1e9,
        step: 0.1,
        set: (r, n) => byHand(cond('liquidationPrice', n)(r)),
      },
      { key: 'within', label: 'optAlertWithinPct', value: c.withinPct, min: 0.01, max: 50, step: 0.1, set: (r, n) => cond('withinPct', n)(r) },
      cooldown,
    ];
  return [
    { key: 'usd', label: 'optAlertMinUsd', value: c.minUsd, min: 1, max: 1e12, step: 1_000_000, set: (r, n) => cond('minUsd', n)(r) },
    { key: 'minutes', label: 'optAlertMinutes', value: c.minutes, min: 1, max: 60, step: 1, set: (r, n) => cond('minutes', Math.round(n))(r) },
    cooldown,
  ];
}

/** Where the alert stands: checked, delayed and why, last notified, quiet until it clears. */
export function alertStatus(t: ReturnType<typeof useLocale>['t'], language: string, rule: AlertRule, state: AlertState | undefined): string {
  if (!rule.enabled || !state) return '';
  const parts: string[] = [];
  if (state.problem) {
    const reason = state.problem.reason === NOT_ALLOWED ? t('optAlertNotAllowed') : state.problem.reason;
    parts.push(
      state.lastCheckedAt ? t('optAlertNotChecked', { time: clockTime(state.lastCheckedAt, language), reason }) : t('optAlertNeverChecked', { reason }),
    );
  } else if (state.lastCheckedAt) parts.push(t('optAlertChecked', { time: clockTime(state.lastCheckedAt, language) }));
  if (state.lastFiredAt) parts.push(t('optAlertFired', { time: clockTime(state.lastFiredAt, language) }));
  if (!state.armed) parts.push(t('optAlertQuiet'));
  return parts.join(' · ');
}

/** One alert: its market and kind, its figures, on/off (asks for notifications), remove, status. */
export function AlertRow(props: {
  rule: AlertRule;
  state: AlertState | undefined;
  onChange: (rule: AlertRule) => void;
  onSwitch: (on: boolean) => void;
  onRemove: () => void;
  onInvalid: (text: string) => void;
}) {
  const { t, language } = useLocale();
  const { rule } = props;
  const id = (key: string) => `ll-alert-${rule.id}-${key}`;
  const status = alertStatus(t, language, rule, props.state);
  return (
    <li class="ll-alert" data-testid="alert-row" data-alert-id={rule.id}>
      <div class="ll-alert-head">
        <strong>{t('optAlertHeading', { symbol: rule.market.symbol, venue: basicsOf(rule.market.venue).label })}</strong>
        <span class="ll-muted"> · {t(`alertKind_${rule.condition.kind}`)}</span>
      </div>
      <div class="ll-alert-fields">
        {rule.condition.kind === 'liquidation' ? (
          <div class="ll-field">
            <label for={id('side')}>{t('optAlertSide')}</label>
            <select
              id={id('side')}
              value={rule.condition.side}
              onChange={(e) =>
                props.onChange(
                  byHand({
                    ...rule,
                    condition: { ...rule.condition, side: (e.currentTarget as HTMLSelectElement).value as 'long' | 'short' },
                  } as AlertRule),
                )
              }
              data-testid="alert-side"
            >
              <option value="long">{t('alertSide_long')}</option>
              <option value="short">{t('alertSide_short')}</option>
            </select>
          </div>
        ) : null}
        {fieldsOf(rule).map((f) => (
          <div class="ll-field" key={f.key}>
            <label for={id(f.key)}>{t(f.label)}</label>
            <input
              id={id(f.key)}
              type="number"
              min={f.min}
              max={f.max}
              step={f.step}
              value={f.value}
              onChange={(e) => {
                const n = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isFinite(n) && n >= f.min && n <= f.max) props.onChange(f.set(rule, n));
                else props.onInvalid(t('optAlertBadNumber', { field: t(f.label), min: f.min, max: f.max }));
              }}
              data-testid={`alert-${f.key}`}
            />
          </div>
        ))}
      </div>
      {rule.condition.kind === 'liquidation' && (
        <p class="ll-small ll-muted" data-testid="alert-liq-source">
          {rule.condition.source
            ? t('optAlertLiqFromPage', {
                time: `${new Date(rule.condition.source.at).toLocaleDateString(language === 'zh_CN' ? 'zh-CN' : 'en-GB', { month: 'short', day: 'numeric' })} ${clockTime(rule.condition.source.at, language)}`,
              })
            : t('optAlertLiqByHand')}
        </p>
      )}
      <div class="ll-actions">
        <label class="ll-check">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(e) => props.onSwitch((e.currentTarget as HTMLInputElement).checked)}
            data-testid="alert-on"
          />
          {t('optAlertOn')}
        </label>
        <button type="button" onClick={props.onRemove} data-testid="alert-remove">
          {t('optAlertRemove')}
        </button>
      </div>
      <p class={`ll-small ll-alert-status${rule.enabled && props.state?.problem ? ' ll-error-text' : ''}`} data-testid="alert-status">
        {status}
      </p>
    </li>
  );
}
