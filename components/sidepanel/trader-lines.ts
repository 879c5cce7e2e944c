import { useEffect, useRef, useState } from 'preact/hooks';
import type { RequestFn } from '@/core/messages/client';
import type { OrderReport } from '@/core/overlay/popup-order';
import type { Compute } from '@/core/overlay/order-view';
import type { TraderLineFacts, TraderLines, TraderLiquidationLine } from '@/core/chart/trader-lines';
import type { Market } from '@/core/types';
import type { useLocale } from '../shared/i18n';

/** How often the followed tab is asked for its order again (the page's own reading runs far more often). */
export const TRADER_LINES_REFRESH_MS = 5_000;

type T = ReturnType<typeof useLocale>['t'];

/** "Your liq. (long)" for a decided side; "Liq. if you buy" while the form has no side (as the overlay says), or when the order leaves the other side. */
export function liquidationLineLabel(t: T, line: TraderLiquidationLine, undecided: boolean): string {
  const side = line.side === 'short' ? t('sideShort') : t('sideLong');
  if (!line.orderSide || (!undecided && line.orderSide === line.side)) return t('chartYourLiq', { side });
  const order = t(line.orderSide === 'long' ? 'orderBuy' : 'orderSell');
  return line.orderSide === line.side ? t('chartYourLiqIf', { order }) : t('chartYourLiqIfLeft', { order, side });
}

export interface TraderLinesOptions {
  market: Market;
  /** Only a followed tab's order is drawn: a market picked here is never the tab's. */
  following: boolean;
  /** The active tab's order report (`order.get`), validated; absent where there is no tab to ask. */
  getTabOrder?: (() => Promise<OrderReport | null>) | undefined;
  request: RequestFn;
  compute?: Compute | undefined;
  refreshMs?: number;
  now?: (() => number) | undefined;
}

/**
 * The followed tab's order and liquidation price for `market`, asked when the market (tab) changes
 * and every `refreshMs`; null when not following, when the tab shows another market or no order.
 * The tiers, contract facts and mark come from the background, once per market.
 */
export function useTraderLines(o: TraderLinesOptions): TraderLines | null {
  const [lines, setLines] = useState<TraderLines | null>(null);
  const opts = useRef(o);
  opts.current = o;
  const { market, following } = o;
  const active = following && !!o.getTabOrder;

  useEffect(() => {
    setLines(null);
    if (!active) return;
    let live = true;
    const { request } = opts.current;
    const fixed = Promise.allSettled([request('tiers.get', { market }), request('instrument.get', { market })]);
    // The mark is asked on every refresh (the background answers from its cache): a market order's
    // entry is the mark, and a line drawn from the first mark would drift from the price silently.
    const facts = async (): Promise<TraderLineFacts> => {
      const [[tiers, instrument], snapshot] = await Promise.all([fixed, request('snapshot.get', { market }).catch(() => null)]);
      const mark = snapshot?.mark ?? null;
      return {
        tiers: tiers.status === 'fulfilled' ? tiers.value : null,
        instrument: instrument.status === 'fulfilled' ? instrument.value : null,
        markPrice: mark && mark.price > 0 ? mark.price : null,
      };
    };
    // The order builder and the engine load only for a followed tab, after the chart's first paint (they are not on its path).
    const code = Promise.all([
      import('@/core/chart/trader-lines'),
      opts.current.compute ?? import('@/core/liquidation/engine').then((m) => m.computeLiquidation),
    ]);
    const ask = async () => {
      const o = opts.current;
      const report = await (o.getTabOrder?.() ?? Promise.resolve(null)).catch(() => null);
      const [{ traderLinesFrom, sameLines }, compute] = await code;
      const next = traderLinesFrom(report, market, await facts(), compute, (o.now ?? Date.now)());
      if (live) setLines((old) => (sameLines(old, next) ? old : next));
    };
    void ask();
    const timer = setInterval(() => void ask(), o.refreshMs ?? TRADER_LINES_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [market.venue, market.symbol, market, active]);

  return lines;
}
