import { useEffect, useMemo } from 'preact/hooks';
import type { Band } from '@/core/model/types';
import { cascadeSentence, cascadeWarning } from '@/core/overlay/cascade';
import { initialMargin, type SideOutcome } from '@/core/overlay/order-view';
import { formatNumber, formatPct, formatPrice, formatSignedUsd } from '@/core/format/display';
import { formatAge } from '@/core/i18n/i18n';
import { translateNote } from '@/core/i18n/engine-notes';
import { BEYOND_LAST_TIER } from '@/core/liquidation/engine';
import { parseUnifiedSymbol } from '@/core/types';
import { useLocale } from '../shared/i18n';

export interface SideResultProps {
  outcome: SideOutcome;
  markPrice: number | null;
  bands: readonly Band[];
  symbol: string;
  expanded: boolean;
  now: number;
  tickSize?: number;
  /** The form has no side yet: every line says which button it is for ("If you buy"). */
  undecided?: boolean;
  /** Hands this side's sentence to the panel's one debounced screen-reader announcement. */
  announce?: (key: string, text: string | null) => void;
}

/** One side's liquidation price with its distance, margin, tier, assumptions and cascade warning. */
export function SideResult(props: SideResultProps) {
  const { t, style, language } = useLocale();
  const { outcome, markPrice } = props;
  // Test ids follow the order side: unique even when both orders leave a long (one adds, one reduces).
  const id = outcome.orderSide ?? outcome.side;
  const result = 'result' in outcome ? outcome.result : null;
  const warning = useMemo(
    () => (result && markPrice ? cascadeWarning(outcome.side, result.price, markPrice, props.bands) : null),
    [result, markPrice, props.bands, outcome.side],
  );
  const sideLabel = orderLabel(t, outcome, !!props.undecided);
  const liqText = result ? (result.price === null ? t('liqNone') : formatPrice(result.price, style, props.tickSize)) : null;
  const distance = result && result.price !== null && markPrice ? { abs: result.price - markPrice, pct: ((result.price - markPrice) / markPrice) * 100 } : null;
  const distanceText = distance ? t('distance', { pct: formatPct(distance.pct, style, 2), usd: formatSignedUsd(distance.abs, style) }) : null;
  const warningShort = warning ? cascadeSentence(t, warning, style, true) : null;
  const spoken =
    liqText === null
      ? null
      : `${t('announceLiq', { label: sideLabel, price: liqText, distance: distanceText ?? '' })}${warningShort ? ` ${warningShort}.` : ''}`;
  const { announce } = props;
  useEffect(() => {
    announce?.(id, spoken);
  }, [announce, id, spoken]);
  useEffect(() => () => announce?.(id, null), [announce, id]);
  if (!result) {
    return (
      <div class="ll-side" data-testid={`order-${id}`}>
        <p class="ll-error-text" role="status" data-testid={`order-error-${id}`}>
          {t('orderError', { message: 'error' in outcome ? outcome.error : '' })}
        </p>
      </div>
    );
  }
  const symbol = parseUnifiedSymbol(props.symbol);
  const margin = outcome.input ? initialMargin(outcome.input) : null;
  const inverse = outcome.input?.contract === 'inverse';
  // Margin and maintenance amounts are in the settle coin for inverse contracts, else in the quote.
  const marginUnit = inverse ? (symbol?.settle ?? '') : (symbol?.quote ?? '');
  return (
    <div class={`ll-side ll-${outcome.side}`} data-testid={`order-${id}`}>
      <div class="ll-row">
        <span class="ll-muted">{sideLabel}</span>
        <strong class={`ll-liq${warning ? ' ll-liq-warn' : ''}`} data-testid={`order-liq-${id}`}>
          {liqText}
        </strong>
      </div>
      {distanceText && (
        <p class="ll-small" data-testid={`order-distance-${id}`}>
          {distanceText}
        </p>
      )}
      {margin && (
        <p class="ll-small ll-muted" data-testid={`order-margin-${id}`}>
          {t('margin', { value: `${formatNumber(margin.value, inverse ? 6 : 2, style)} ${marginUnit}`.trim() })}
        </p>
      )}
      {warning && (
        <p class="ll-banner ll-warn ll-small" data-testid="overlay-warning">
          {props.expanded ? cascadeSentence(t, warning, style) : warningShort}
        </p>
      )}
      {!props.expanded && result.assumptions.includes(BEYOND_LAST_TIER) && (
        // A position past the tier table is priced at its last tier: too important for the details alone.
        <p class="ll-banner ll-warn ll-small" data-testid={`order-beyond-table-${id}`}>
          {translateNote(BEYOND_LAST_TIER, language)}
        </p>
      )}
      {props.expanded && (
        <div class="ll-small ll-muted" data-testid={`order-details-${id}`}>
          <p>
            {t('tierUsed', {
              mmr: `${formatNumber(result.tierUsed.mmr * 100, 2, style)}%`,
              amount: `${formatNumber(result.tierUsed.maintenanceAmount, inverse ? 6 : 2, style)} ${marginUnit}`.trim(),
            })}
          </p>
          {result.rule.status === 'closest-documented' && <p>{t('ruleClosest', { name: result.rule.name })}</p>}
          {result.table && <p>{t('ruleTable', { source: result.table.source, age: formatAge(t, props.now - result.table.asOf) })}</p>}
          {result.assumptions.length > 0 && (
            <>
              <p>{t('assumptions')}</p>
              <ul class="ll-list" data-testid={`order-assumptions-${id}`}>
                {result.assumptions.map((a) => (
                  <li key={a}>{translateNote(a, language)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

type T = ReturnType<typeof useLocale>['t'];

/** "Liquidation (long)" for a decided side; "If you buy: liquidation" when the form has none yet or the order leaves another position. */
export function orderLabel(t: T, outcome: Pick<SideOutcome, 'side' | 'orderSide'>, undecided: boolean): string {
  const side = t(outcome.side === 'long' ? 'sideLong' : 'sideShort');
  if (!outcome.orderSide || (!undecided && outcome.orderSide === outcome.side)) return t('liqPrice', { side });
  const order = t(outcome.orderSide === 'long' ? 'orderBuy' : 'orderSell');
  return outcome.orderSide === outcome.side ? t('liqIfOrder', { order }) : t('liqIfOrderLeft', { order, side });
}
