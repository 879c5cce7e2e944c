import { useMemo, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import { MAX_ALERTS, ruleFromPage } from '@/core/alerts/rules';
import type { Compute } from '@/core/overlay/order-view';
import type { OrderReport } from '@/core/overlay/popup-order';
import { positionLiquidation, type PositionFacts } from '@/core/overlay/position-liquidation';
import { formatPrice } from '@/core/format/display';
import { roundToTick } from '@/core/liquidation/tick-rounding';
import { isMessageKey } from '@/core/i18n/i18n';
import type { Market } from '@/core/types';
import { useLocale } from '../shared/i18n';
import { clockTime } from '../options/AlertRow';

export interface PositionAlertProps {
  market: Market;
  report: OrderReport;
  facts: PositionFacts;
  compute: Compute;
  request: RequestFn;
  /** browser.permissions.request for `notifications`: the first thing the click does. Absent: the alert is added off. */
  requestNotifications?: (() => Promise<boolean>) | undefined;
  now: number;
  newId?: () => string;
}

const WITHIN_PCT = 2;

/** The price as shown (to the instrument's tick, else 8 significant digits): what the trader sees is what is stored. */
const storedPrice = (price: number, tick: number | undefined): number => (tick && tick > 0 ? roundToTick(price, tick) : Number(price.toPrecision(8)));

/**
 * The open position the tab shows, priced here, and one click to a liquidation alert on it: the
 * price is stored with where it came from and when ("from the page, 10:42"), and stays as it was
 * (nothing reads the page in the background afterwards).
 */
export function PositionAlert(props: PositionAlertProps) {
  const { t, style, language } = useLocale();
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { market } = props;
  const priced = useMemo(() => positionLiquidation(props.report, market, props.facts, props.compute), [props.report, props.facts, market]);
  // A venue whose positions table is not read says nothing here (the order figure above stands).
  if ('none' in priced || props.report.fields.position === undefined) return null;
  if ('missing' in priced) {
    const names = priced.missing.map((f) => (isMessageKey(`field_${f}`) ? t(`field_${f}` as 'field_side') : f)).join(', ');
    return (
      <p class="ll-small ll-muted" data-testid="popup-pos-missing">
        {t('popupPosMissing', { fields: names })}
      </p>
    );
  }
  const side = t(priced.side === 'long' ? 'sideLong' : 'sideShort');
  const price = formatPrice(priced.price, style, props.facts.instrument?.tickSize);
  const add = () => {
    // The permission prompt must be the first thing the click does, or the browser refuses it.
    const asked = props.requestNotifications?.() ?? Promise.resolve(false);
    setBusy(true);
    void (async () => {
      const granted = await asked.catch(() => false);
      try {
        const { rules } = await props.request('alerts.get', {});
        if (rules.length >= MAX_ALERTS) return setNote({ text: t('popupPosAlertFull', { max: MAX_ALERTS }), error: true });
        const id = (props.newId ?? (() => crypto.randomUUID()))();
        await props.request('alerts.set', {
          rules: [...rules, ruleFromPage(id, market, priced.side, storedPrice(priced.price, props.facts.instrument?.tickSize), props.now, granted)],
        });
        const added = t('popupPosAlertAdded', { pct: WITHIN_PCT, price, side, time: clockTime(props.now, language) });
        setNote({ text: granted ? added : `${added} ${t('popupPosAlertOff')}`, error: false });
      } catch (error) {
        setNote({ text: t('popupPosAlertFailed', { message: error instanceof Error ? error.message : String(error) }), error: true });
      } finally {
        setBusy(false);
      }
    })();
  };
  return (
    <div class="ll-pos-alert" data-testid="popup-pos">
      <p class="ll-row">
        <span data-testid="popup-pos-liq">{t('popupPosLiq', { side, price })}</span>
      </p>
      <p class="ll-small ll-muted">{t('popupPosHow')}</p>
      <button type="button" onClick={add} disabled={busy} data-testid="popup-pos-alert">
        {t('popupPosAlert', { pct: WITHIN_PCT })}
      </button>
      <p class={`ll-small${note?.error ? ' ll-error-text' : ''}`} role="status" aria-live="polite" data-testid="popup-pos-note">
        {note?.text ?? ''}
      </p>
    </div>
  );
}
