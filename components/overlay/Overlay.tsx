import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TierTable } from '@/core/liquidation/types';
import type { Compute, OrderState } from '@/core/overlay/order-view';
import { clampPosition, nudge, type Point } from '@/core/overlay/position';
import { shownSnapshot, viewState, type OverlayData } from '@/core/overlay/state';
import { PALETTES, paletteVars, type ThemeName } from '../theme/colors';
import type { Store } from '../shared/use-store';
import { useLocale } from '../shared/i18n';
import { Bands } from './Bands';
import { BandCoverage } from './BandCoverage';
import { SeedSentences } from '../shared/SeedSentences';
import { Header, shownPrice } from './Header';
import { HeatStrip, HeatStripPlaceholder } from './HeatStrip';
import { OrderPanel } from './OrderPanel';
import { Realized } from './Realized';
import { StateBanner } from './StateBanner';
import { OpenChart } from './OpenChart';
import { Health } from './Health';
import { PriceMismatch } from './PriceMismatch';
import { SelfCheckLines } from './SelfCheck';
import type { PageHealth } from '@/core/overlay/health';
import type { SelfCheck } from '@/core/overlay/self-check';
import type { KeptDisagreement } from '@/core/messages/protocol';
import type { OverlayFocus } from './overlay-focus';

export interface OverlayProps {
  data: OverlayData;
  now: number;
  order: Store<OrderState>;
  compute: Compute;
  table?: TierTable | null;
  tickSize?: number;
  pagePrice: number | null;
  expanded: boolean;
  hidden?: boolean;
  /** The first frame is not painted yet: the heat strip's box is shown empty (the content script's first render). */
  firstFrame?: boolean;
  theme: ThemeName;
  position: Point;
  windowPct: number;
  onExpandedChange: (expanded: boolean) => void;
  onClose: () => void;
  /** Called once when a drag or keyboard move ends, with the clamped position. */
  onMove: (position: Point) => void;
  onRetry?: () => void;
  onOpenOptions?: () => void;
  /** The page reader's health report, shown on demand in the expanded view. */
  health?: Store<PageHealth | null>;
  /** Opens the report page for a redacted page report; resolves whether it opened. */
  onSaveReport?: () => Promise<boolean>;
  /** Asks the background to open the side panel chart. */
  onOpenChart?: () => void;
  priceMismatch?: Store<{ page: number; mark: number } | null>;
  /** The exchange's own figures on the page against LiqLens's. */
  selfChecks?: Store<SelfCheck[]>;
  /** Disagreements kept on this device, listed in the "how the page was read" view. */
  kept?: () => Promise<KeptDisagreement[]>;
  /** Focus between the page and the overlay (the content script's); absent in the popup and tests. */
  focus?: OverlayFocus;
}

/**
 * Height kept on screen when clamping: the overlay's height is bounded by the window below its
 * top edge (it scrolls), so only its header and first lines must stay reachable.
 */
const GRAB_HEIGHT = 160;

function viewport() {
  return { width: globalThis.innerWidth || 1024, height: globalThis.innerHeight || 768 };
}

export function Overlay(props: OverlayProps) {
  const { t, language } = useLocale();
  const rootRef = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(props.position);
  const drag = useRef<{ dx: number; dy: number; size: { width: number; height: number }; view: { width: number; height: number }; at: Point } | null>(null);

  // Before the frame, not after it: the content script renders once hidden before it knows where
  // the trader left the overlay, and the first frame shown must already have the right place.
  useLayoutEffect(() => setPos(props.position), [props.position.x, props.position.y]);
  const { focus } = props;
  useLayoutEffect(() => {
    focus?.attach(rootRef.current);
    return () => focus?.attach(null);
  }, [focus]);
  // After the shortcut showed the overlay: focus moves in once it is on screen.
  useLayoutEffect(() => {
    if (!props.hidden) focus?.shown();
  }, [focus, props.hidden]);

  const state = viewState(props.data, props.now);
  const snapshot = shownSnapshot(state);
  const heatmap = snapshot?.heatmap ?? null;
  const price = shownPrice(snapshot, props.pagePrice);
  const markPrice = price?.value ?? null;
  // One array per heatmap, so the order panel's cascade check is memoized across renders.
  const bands = useMemo(() => (heatmap ? [...heatmap.bands.long, ...heatmap.bands.short] : []), [heatmap]);
  const palette = PALETTES[props.theme];

  const onPointerDown = (e: PointerEvent) => {
    const root = rootRef.current;
    if (!root || e.button !== 0) return;
    // One layout read per drag, at its start; moves only write left/top.
    const rect = root.getBoundingClientRect();
    drag.current = {
      dx: e.clientX - pos.x,
      dy: e.clientY - pos.y,
      size: { width: rect.width, height: Math.min(rect.height, GRAB_HEIGHT) },
      view: viewport(),
      at: pos,
    };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    const root = rootRef.current;
    if (!d || !root) return;
    d.at = clampPosition({ x: e.clientX - d.dx, y: e.clientY - d.dy }, d.size, d.view);
    root.style.left = `${d.at.x}px`;
    root.style.top = `${d.at.y}px`;
    root.style.maxHeight = `calc(100vh - ${d.at.y + 8}px)`;
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    setPos(d.at);
    props.onMove(d.at);
  };
  const onHandleKey = (e: KeyboardEvent) => {
    const next = nudge(pos, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    const rect = rootRef.current?.getBoundingClientRect();
    const clamped = clampPosition(next, { width: rect?.width ?? 304, height: Math.min(rect?.height ?? GRAB_HEIGHT, GRAB_HEIGHT) }, viewport());
    setPos(clamped);
    props.onMove(clamped);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (props.expanded) {
      e.stopPropagation();
      props.onExpandedChange(false);
    } else if (focus?.leave()) {
      // Compact: Esc gives focus back to where the trader was on the page.
      e.stopPropagation();
    }
  };

  return (
    <div
      ref={rootRef}
      class={`ll-root ll-overlay${props.expanded ? ' ll-expanded' : ''}`}
      role="region"
      aria-label={t('overlayLabel')}
      lang={language === 'zh_CN' ? 'zh-CN' : 'en'}
      hidden={props.hidden}
      style={{ ...paletteVars(palette), left: `${pos.x}px`, top: `${pos.y}px`, maxHeight: `calc(100vh - ${pos.y + 8}px)` }}
      onKeyDown={onKeyDown}
      onFocusIn={(e: FocusEvent) => focus?.cameFrom(e.relatedTarget)}
      tabIndex={-1}
      data-testid="overlay-root"
      data-state={state.kind}
      data-theme={props.theme}
      data-expanded={props.expanded ? 'true' : 'false'}
    >
      <div class="ll-header">
        <button
          type="button"
          class="ll-drag"
          aria-label={t('dragHandle')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onHandleKey}
          data-testid="overlay-drag"
        >
          <span class="ll-grip" aria-hidden="true" />
        </button>
        {props.data.market ? (
          <Header market={props.data.market} snapshot={snapshot} price={price} now={props.now} {...(props.tickSize ? { tickSize: props.tickSize } : {})} />
        ) : (
          <strong class="ll-market">{t('appName')}</strong>
        )}
        <button
          type="button"
          class="ll-icon-btn ll-chevron"
          aria-expanded={props.expanded}
          aria-label={props.expanded ? t('collapse') : t('expand')}
          onClick={() => props.onExpandedChange(!props.expanded)}
          data-testid="overlay-expand"
        >
          <span aria-hidden="true" class="ll-chevron-glyph" />
        </button>
        <button type="button" class="ll-icon-btn ll-close" aria-label={t('close')} onClick={props.onClose} data-testid="overlay-close">
          <span aria-hidden="true" class="ll-close-glyph" />
        </button>
      </div>
      {props.priceMismatch && <PriceMismatch mismatch={props.priceMismatch} />}
      <StateBanner
        state={state}
        now={props.now}
        expanded={props.expanded}
        {...(props.onRetry ? { onRetry: props.onRetry } : {})}
        {...(props.onOpenOptions ? { onOpenOptions: props.onOpenOptions } : {})}
      />
      {heatmap &&
        markPrice !== null &&
        (props.firstFrame ? (
          <HeatStripPlaceholder />
        ) : (
          <HeatStrip heatmap={heatmap} price={markPrice} order={props.order} palette={palette} windowPct={Math.min(10, props.windowPct)} />
        ))}
      {heatmap && <Bands heatmap={heatmap} windowPct={props.windowPct} expanded={props.expanded} comparisons={snapshot?.comparisons ?? []} />}
      {heatmap && <BandCoverage heatmap={heatmap} expanded={props.expanded} />}
      {heatmap && props.expanded && <SeedSentences heatmap={heatmap} />}
      {snapshot && !heatmap && (
        <p class="ll-section ll-small ll-muted" data-testid="bands-unavailable">
          {t('bandsUnavailable')}
        </p>
      )}
      {props.data.market && (
        <OrderPanel
          market={props.data.market}
          order={props.order}
          compute={props.compute}
          table={props.table ?? null}
          markPrice={markPrice}
          bands={bands}
          expanded={props.expanded}
          now={props.now}
          {...(props.tickSize ? { tickSize: props.tickSize } : {})}
          {...(props.onOpenOptions ? { onOpenOptions: props.onOpenOptions } : {})}
        />
      )}
      {props.data.market && props.selfChecks && (
        <SelfCheckLines checks={props.selfChecks} venue={props.data.market.venue} {...(props.tickSize ? { tickSize: props.tickSize } : {})} />
      )}
      {props.expanded && props.health && (
        <Health health={props.health} {...(props.kept ? { kept: props.kept } : {})} {...(props.onSaveReport ? { onSaveReport: props.onSaveReport } : {})} />
      )}
      {props.expanded && props.onOpenChart && <OpenChart onOpenChart={props.onOpenChart} />}
      {props.expanded && snapshot && <Realized realized={snapshot.realized} comparisons={snapshot.comparisons} now={props.now} expanded={props.expanded} />}
    </div>
  );
}
