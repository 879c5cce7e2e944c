import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { InstrumentInfo, MarketSnapshot } from '@/core/messages/protocol';
import type { TierTable } from '@/core/liquidation/types';
import type { Band } from '@/core/model/types';
import type { Market } from '@/core/types';
import { computeSides, type Compute, type SideOutcome } from '@/core/overlay/order-view';
import { orderFromReading, readingToInputs } from '@/core/overlay/page-order';
import { readingFromReport, type OrderReport } from '@/core/overlay/popup-order';
import { formatPrice } from '@/core/format/display';
import { isMessageKey } from '@/core/i18n/i18n';
import { useLocale } from '../shared/i18n';
import { SideResult } from '../overlay/SideResult';
import { PositionAlert } from './PositionAlert';

export interface PopupLiquidationProps {
  market: Market;
  /** The active tab's report of the order it read (validated); null when it has none. */
  getTabOrder: () => Promise<OrderReport | null>;
  request: RequestFn;
  compute: Compute;
  snapshot: MarketSnapshot | null;
  bands: readonly Band[];
  now: number;
  /** browser.permissions.request for `notifications` (the position alert asks inside its click). */
  requestNotifications?: () => Promise<boolean>;
}

/** Where the overlay's figure and ours count as the same: one tick, else one hundredth of a percent. */
const differs = (overlay: number | null, ours: number | null, tick: number | undefined) =>
  overlay === null || ours === null ? overlay !== ours : Math.abs(overlay - ours) > (tick ?? Math.abs(ours) * 1e-4) + 1e-9;

/**
 * The current tab's liquidation price as the one view the page cannot touch: computed here, in the
 * extension's own page, from the order inputs the tab read, with the background's tiers and mark.
 * The overlay's figure (as the tab reports it) is only compared with it.
 */
export function PopupLiquidation(props: PopupLiquidationProps) {
  const { t, style } = useLocale();
  const { market } = props;
  const [report, setReport] = useState<OrderReport | null | undefined>(undefined);
  const [facts, setFacts] = useState<{ tiers: TierTable | null; instrument: InstrumentInfo | null } | null>(null);

  useEffect(() => {
    let live = true;
    setReport(undefined);
    setFacts(null);
    props
      .getTabOrder()
      .catch(() => null)
      .then((r) => live && setReport(r && r.market.venue === market.venue && r.market.symbol === market.symbol ? r : null));
    void Promise.allSettled([props.request('tiers.get', { market }), props.request('instrument.get', { market })]).then(
      ([tiers, instrument]) =>
        live && setFacts({ tiers: tiers.status === 'fulfilled' ? tiers.value : null, instrument: instrument.status === 'fulfilled' ? instrument.value : null }),
    );
    return () => {
      live = false;
    };
  }, [market.venue, market.symbol]);

  const mark = props.snapshot?.mark && props.snapshot.mark.price > 0 ? props.snapshot.mark : null;
  type Outcome = { sides: SideOutcome[] } | { missing: string[] } | { waiting: true };
  const outcome = useMemo((): Outcome | null => {
    if (!report || !facts) return null;
    // The background's mark only: the page's price never stands in here.
    const ctx = { market, tiers: facts.tiers, instrument: facts.instrument, markPrice: mark?.price ?? null, markFrom: 'mark' as const };
    const built = orderFromReading(readingFromReport(report, props.now), ctx, readingToInputs);
    if ('inputs' in built) return { sides: computeSides(built.inputs, props.compute, built.orderSides) };
    if ('missing' in built) return { missing: built.missing };
    if ('noMark' in built) return { missing: ['markPrice'] };
    return { waiting: true };
  }, [report, facts, mark?.price, props.now]);

  const fieldName = (f: string) => (isMessageKey(`field_${f}`) ? t(`field_${f}` as 'field_side') : f);
  const tick = facts?.instrument?.tickSize;
  const overlayFigure = (s: SideOutcome) => report?.overlay.figures.find((f) => f.side === s.side && (f.orderSide ?? null) === (s.orderSide ?? null));

  return (
    <section class="ll-section" aria-label={t('popupLiqTitle')} data-testid="popup-liquidation">
      <h2 class="ll-h">{t('popupLiqTitle')}</h2>
      <p class="ll-small ll-muted" data-testid="popup-liq-how">
        {t('popupLiqHow')}
      </p>
      {report === undefined || (report && !facts) ? (
        <p class="ll-small ll-muted">{t('orderPricing')}</p>
      ) : report === null ? (
        <p class="ll-small ll-muted" data-testid="popup-liq-none">
          {t('popupLiqNone')}
        </p>
      ) : !outcome || 'waiting' in outcome ? (
        <p class="ll-small ll-muted" data-testid="popup-liq-waiting">
          {t('orderWaiting')}
        </p>
      ) : 'missing' in outcome ? (
        <p class="ll-small ll-warn" data-testid="popup-liq-missing">
          {outcome.missing.includes('markPrice') && !mark
            ? t('orderNoMark', {
                source: props.snapshot?.markMissing?.source ?? market.venue,
                reason: props.snapshot?.markMissing?.reason ?? t('popupLiqNoAnswer'),
              })
            : t('popupLiqMissing', { fields: outcome.missing.map(fieldName).join(', ') })}
        </p>
      ) : (
        outcome.sides.map((s) => {
          const shown = overlayFigure(s);
          const ours = 'result' in s ? s.result.price : null;
          const key = `${s.orderSide ?? ''}${s.side}`;
          return (
            <div key={key} data-testid={`popup-liq-${key}`}>
              <SideResult
                outcome={s}
                markPrice={mark?.price ?? null}
                bands={props.bands}
                symbol={market.symbol}
                expanded
                now={props.now}
                {...(tick ? { tickSize: tick } : {})}
              />
              {mark && (
                <p class="ll-small ll-muted" data-testid="popup-liq-mark">
                  {t('popupLiqMark', { price: formatPrice(mark.price, style), source: mark.source })}
                </p>
              )}
              {report.overlay.kind === 'computed' && shown && differs(shown.price, ours, tick) && (
                <p class="ll-banner ll-warn ll-small" role="status" data-testid="popup-liq-differs">
                  {t('popupLiqDiffers', { overlay: shown.price === null ? '—' : formatPrice(shown.price, style) })}
                </p>
              )}
              {report.overlay.kind === 'computed' && shown && !differs(shown.price, ours, tick) && (
                <p class="ll-small ll-muted" data-testid="popup-liq-same">
                  {t('popupLiqSame')}
                </p>
              )}
            </div>
          );
        })
      )}
      {report && facts && (
        <PositionAlert
          market={market}
          report={report}
          facts={{ tiers: facts.tiers, instrument: facts.instrument, markPrice: mark?.price ?? null }}
          compute={props.compute}
          request={props.request}
          requestNotifications={props.requestNotifications}
          now={props.now}
        />
      )}
    </section>
  );
}
