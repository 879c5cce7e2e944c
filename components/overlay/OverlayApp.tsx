import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { OverlaySession } from '@/core/overlay/session';
import type { Compute } from '@/core/overlay/order-view';
import type { Point } from '@/core/overlay/position';
import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import type { ThemeName } from '../theme/colors';
import { Overlay } from './Overlay';
import type { OverlayFocus } from './overlay-focus';

export interface OverlayAppProps {
  session: OverlaySession;
  compute: Compute;
  theme: ThemeName;
  windowPct: number;
  initialExpanded: boolean;
  position: Point;
  /** Toggled by the keyboard command relayed from the background. */
  visible: Store<boolean>;
  /** Moves focus between the page and the overlay (shortcut, Esc, hide); the content script's. */
  focus?: OverlayFocus;
  onMove: (position: Point) => void;
  onOpenOptions?: () => void;
  /** "Save a page report" in the page-reading view (the content script's page bridge). */
  onSaveReport?: () => Promise<boolean>;
  onOpenChart?: () => void;
  /** Clock for ages; injectable so tests and screenshots are deterministic. */
  now?: () => number;
  tickMs?: number;
}

/** Binds a session's stores to the overlay view. The order store is passed through untouched. */
export function OverlayApp(props: OverlayAppProps) {
  const data = useStore(props.session.data);
  const tiers = useStore(props.session.tiers);
  const instrument = useStore(props.session.instrument);
  // The page's price ticks many times a second; it is shown only while the background has no mark price.
  const needsPagePrice = !(data.snapshot?.mark && data.snapshot.mark.price > 0);
  const pagePrice = useStore(props.session.pagePrice, needsPagePrice);
  const visible = useStore(props.visible);
  const painted = useStore(props.session.painted);
  const [expanded, setExpanded] = useState(props.initialExpanded);
  // The content script renders before the settings arrive; their default then applies, before the
  // first frame that shows the overlay.
  useLayoutEffect(() => setExpanded(props.initialExpanded), [props.initialExpanded]);
  const clock = props.now ?? Date.now;
  const [now, setNow] = useState(clock);

  useEffect(() => {
    // Ages move on a slow tick: a re-render every 15 s is invisible to the page.
    const id = setInterval(() => setNow(clock()), props.tickMs ?? 15_000);
    return () => clearInterval(id);
  }, [clock, props.tickMs]);
  useEffect(() => setNow(clock()), [data, clock]);

  return (
    <Overlay
      data={data}
      now={now}
      order={props.session.order}
      compute={props.compute}
      table={tiers}
      {...(instrument?.tickSize ? { tickSize: instrument.tickSize } : {})}
      pagePrice={pagePrice}
      expanded={expanded}
      hidden={!visible}
      firstFrame={!painted}
      theme={props.theme}
      position={props.position}
      windowPct={props.windowPct}
      onExpandedChange={setExpanded}
      onClose={() => (props.focus ? props.focus.hide() : props.visible.set(false))}
      {...(props.focus ? { focus: props.focus } : {})}
      onMove={props.onMove}
      onRetry={() => void props.session.refresh()}
      health={props.session.health}
      priceMismatch={props.session.priceMismatch}
      selfChecks={props.session.selfChecks}
      kept={props.session.keptDisagreements}
      {...(props.onOpenOptions ? { onOpenOptions: props.onOpenOptions } : {})}
      {...(props.onSaveReport ? { onSaveReport: props.onSaveReport } : {})}
      {...(props.onOpenChart ? { onOpenChart: props.onOpenChart } : {})}
    />
  );
}
