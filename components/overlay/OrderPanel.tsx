import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Band } from '@/core/model/types';
import type { TierTable } from '@/core/liquidation/types';
import type { Compute, OrderState } from '@/core/overlay/order-view';
import type { Market } from '@/core/types';
import { isMessageKey } from '@/core/i18n/i18n';
import { createAnnouncer } from '@/core/overlay/announce';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { useLocale } from '../shared/i18n';
import { Calculator } from './Calculator';
import { SideResult } from './SideResult';
import { NoIndependentMark, PricedFromPage } from './NoIndependentMark';

export interface OrderPanelProps {
  market: Market;
  order: Store<OrderState>;
  compute: Compute;
  table?: TierTable | null;
  markPrice: number | null;
  bands: readonly Band[];
  expanded: boolean;
  now: number;
  tickSize?: number;
  /** Opens the options page (where "priced from the page" is switched on). */
  onOpenOptions?: () => void;
}

/** Subscribes to the order store itself: a keystroke re-renders this panel and nothing else. */
export function OrderPanel(props: OrderPanelProps) {
  const { t } = useLocale();
  const state = useStore(props.order);
  const [manual, setManual] = useState(false);
  const fieldName = (f: string) => {
    const key = `field_${f}`;
    return isMessageKey(key) ? t(key) : f;
  };
  const unreadable = state.kind === 'unreadable';
  const showCalculator = manual || unreadable;
  // One polite live region for the whole panel, written directly (no re-render) a second after typing stops.
  const live = useRef<HTMLParagraphElement>(null);
  const announcer = useMemo(
    () =>
      createAnnouncer(
        (text) => {
          if (live.current) live.current.textContent = text;
        },
        { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      ),
    [],
  );
  useEffect(() => () => announcer.dispose(), [announcer]);
  const orderSides = state.kind === 'computed' ? new Set([...state.sides.map((o) => o.orderSide), ...(state.closes ?? [])].filter(Boolean)) : null;
  const undecided = (orderSides?.size ?? 0) > 1;
  const toggle = !unreadable && (
    <button type="button" class="ll-link" aria-expanded={manual} onClick={() => setManual(!manual)} data-testid="order-manual-toggle">
      {manual ? t('manualUsePage') : t('manualOpen')}
    </button>
  );
  return (
    <section class="ll-section" aria-label={t('orderTitle')} data-testid="overlay-order">
      <h3 class="ll-h">{showCalculator ? t('manualTitle') : t('orderTitle')}</h3>
      {unreadable && (
        <p class="ll-banner ll-warn ll-small" role="status" data-testid="state-form-unreadable">
          {t('manualReason', { fields: state.missing.map(fieldName).join(', ') })}
        </p>
      )}
      {showCalculator ? null : state.kind === 'waiting' ? (
        <p class="ll-muted ll-small" data-testid="order-waiting">
          {t('orderWaiting')}
        </p>
      ) : state.kind === 'no-mark' ? (
        <NoIndependentMark source={state.source} reason={state.reason} {...(props.onOpenOptions ? { onOpenOptions: props.onOpenOptions } : {})} />
      ) : state.kind === 'pricing' ? (
        <p class="ll-muted ll-small" role="status" data-testid="order-pricing">
          {t('orderPricing')}
        </p>
      ) : (
        state.kind === 'computed' && (
          <>
            {state.pricedFromPage && <PricedFromPage />}
            {(state.closes ?? []).map((side) => (
              <p key={`close-${side}`} class="ll-small" data-testid={`order-closes-${side}`}>
                {t('orderCloses', { order: t(side === 'long' ? 'orderBuy' : 'orderSell') })}
              </p>
            ))}
            {state.sides.map((o) => (
              <SideResult
                key={`${o.orderSide ?? ''}${o.side}`}
                outcome={o}
                markPrice={props.markPrice}
                bands={props.bands}
                symbol={props.market.symbol}
                expanded={props.expanded}
                now={props.now}
                undecided={undecided}
                announce={announcer.set}
                {...(props.tickSize ? { tickSize: props.tickSize } : {})}
              />
            ))}
          </>
        )
      )}
      {/* One place for the link whichever view shows: before the calculator it opens, so the next
          Tab goes into its fields, and never re-created, so focus stays on it. */}
      {toggle}
      {showCalculator && (
        <Calculator
          announce={announcer.set}
          key={props.market.symbol}
          market={props.market}
          prefill={unreadable ? state.prefill : {}}
          compute={props.compute}
          table={props.table ?? null}
          markPrice={props.markPrice}
          bands={props.bands}
          expanded={props.expanded}
          now={props.now}
          idPrefix="ll-overlay-calc"
        />
      )}
      <p class="ll-sr" aria-live="polite" ref={live} data-testid="order-announcement" />
    </section>
  );
}
