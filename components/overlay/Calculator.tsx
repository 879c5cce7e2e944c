import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Band } from '@/core/model/types';
import type { TierTable } from '@/core/liquidation/types';
import { calculatorInputs, contractOf, formFromPrefill, type CalculatorField, type CalculatorForm } from '@/core/overlay/calculator';
import { createSideComputer, type CalculatorPrefill, type Compute } from '@/core/overlay/order-view';
import type { Market, Side } from '@/core/types';
import type { MessageKey } from '@/core/i18n/i18n';
import { SideResult } from './SideResult';
import { useLocale } from '../shared/i18n';

export interface CalculatorProps {
  market: Market;
  prefill: CalculatorPrefill;
  compute: Compute;
  table?: TierTable | null;
  markPrice: number | null;
  bands: readonly Band[];
  expanded: boolean;
  now: number;
  idPrefix: string;
  /** The overlay's debounced screen-reader announcement (see OrderPanel). */
  announce?: (key: string, text: string | null) => void;
}

const FIELD_LABEL: Record<CalculatorField, MessageKey> = { entry: 'fieldEntry', quantity: 'fieldQuantity', leverage: 'fieldLeverage', balance: 'fieldBalance' };

/** The same engine as the page path, fed by the trader's own entries. */
export function Calculator(props: CalculatorProps) {
  const { t, style } = useLocale();
  const [form, setForm] = useState<CalculatorForm>(() => formFromPrefill(props.prefill));
  // Late-arriving facts (the mark price, a field the page showed later) fill only fields still empty:
  // never overwrite what the trader typed.
  const prefillKey = JSON.stringify(props.prefill);
  useEffect(() => {
    const next = formFromPrefill(props.prefill);
    setForm((f) => ({
      ...f,
      entry: f.entry || next.entry,
      quantity: f.quantity || next.quantity,
      leverage: f.leverage || next.leverage,
      balance: f.balance || next.balance,
    }));
  }, [prefillKey]);
  const computeSides = useMemo(() => createSideComputer(props.compute), [props.compute]);
  const decimal = style === 'de' || style === 'fr' ? ',' : '.';
  const parsed = useMemo(
    () => calculatorInputs(form, { market: props.market, decimal, table: props.table ?? null, ...(props.markPrice ? { markPrice: props.markPrice } : {}) }),
    [form, props.market, props.table, props.markPrice, decimal],
  );
  const outcomes = parsed.ok ? computeSides(parsed.inputs) : [];
  const set = (patch: Partial<CalculatorForm>) => setForm((f) => ({ ...f, ...patch }));
  const unit = t(contractOf(props.market) === 'inverse' ? 'unitUsd' : 'unitCoin');
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const invalid = new Set(parsed.ok ? [] : parsed.invalid);
  const fieldLabel = (f: CalculatorField) => (f === 'quantity' ? t('fieldQuantity', { unit }) : t(FIELD_LABEL[f]));
  const numberField = (f: CalculatorField) => (
    <div class="ll-field">
      <label for={id(f)}>{fieldLabel(f)}</label>
      <input
        id={id(f)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={form[f]}
        aria-invalid={invalid.has(f) && form[f] !== ''}
        onInput={(e) => set({ [f]: (e.currentTarget as HTMLInputElement).value } as Partial<CalculatorForm>)}
        data-testid={`calc-${f}`}
      />
    </div>
  );
  return (
    <div class="ll-calc" data-testid="calculator">
      <div class="ll-grid">
        <div class="ll-field">
          <label for={id('side')}>{t('fieldSide')}</label>
          <select
            id={id('side')}
            value={form.side}
            onChange={(e) => set({ side: (e.currentTarget as HTMLSelectElement).value as Side | 'both' })}
            data-testid="calc-side"
          >
            <option value="both">{t('sideBoth')}</option>
            <option value="long">{t('sideLong')}</option>
            <option value="short">{t('sideShort')}</option>
          </select>
        </div>
        <div class="ll-field">
          <label for={id('mode')}>{t('fieldMarginMode')}</label>
          <select
            id={id('mode')}
            value={form.marginMode}
            onChange={(e) => set({ marginMode: (e.currentTarget as HTMLSelectElement).value as 'isolated' | 'cross' })}
            data-testid="calc-margin-mode"
          >
            <option value="isolated">{t('isolated')}</option>
            <option value="cross">{t('cross')}</option>
          </select>
        </div>
        {numberField('entry')}
        {numberField('quantity')}
        {numberField('leverage')}
        {form.marginMode === 'cross' && numberField('balance')}
      </div>
      {!parsed.ok && (
        <p class="ll-small ll-muted" role="status" data-testid="calc-missing">
          {t('fieldMissing', { field: parsed.invalid.map(fieldLabel).join(', ') })}
        </p>
      )}
      {outcomes.map((o) => (
        <SideResult
          key={o.side}
          outcome={o}
          markPrice={props.markPrice}
          bands={props.bands}
          symbol={props.market.symbol}
          expanded={props.expanded}
          now={props.now}
          {...(props.announce ? { announce: props.announce } : {})}
        />
      ))}
    </div>
  );
}
