import { render, type ComponentProps } from 'preact';
import { browser } from 'wxt/browser';
// The stylesheet as text, put into the shadow root directly: no fetch before the first paint and
// no web-accessible file a page could probe for.
import overlayCss from '@/components/overlay/overlay.css?inline';
import { createShadowHost, UNTRUSTED_REFUSED } from '@/components/overlay/shadow-host';
import { OverlayRoot } from '@/components/overlay/OverlayRoot';
import type { RequestFn } from '@/core/messages/client';
import type { StartEnv } from '@/core/overlay/start';
import { REPORT_OPEN } from '@/core/overlay/tab-messages';
import { SIDEPANEL_OPEN } from '@/core/chart/open-chart';
import { TEST_BUILD } from '@/core/build';
import type { VenueId } from '@/core/types';

type OverlayProps = Omit<ComponentProps<typeof OverlayRoot>, 'initialExpanded' | 'position' | 'onMove' | 'onSaveReport' | 'onOpenChart'>;

/** The overlay's shadow host on the page, and how start-up renders into it (core/overlay/start.ts). */
export function createOverlayUi(doc: Document, props: OverlayProps, actions: ReturnType<typeof overlayActions>): StartEnv['ui'] & { remove(): void } {
  const host = createShadowHost(doc, {
    name: 'liqlens-overlay',
    css: overlayCss,
    // Typing in the calculator must not reach the exchange's hotkeys or input listeners.
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
    // Closed: page scripts cannot reach the overlay's DOM. Open only in the E2E build.
    mode: TEST_BUILD ? 'open' : 'closed',
    // Events a page script makes up never drive the overlay's controls.
    refuseUntrusted: UNTRUSTED_REFUSED,
  });
  return {
    render: (position, expanded) => render(<OverlayRoot {...props} {...actions} initialExpanded={expanded} position={position} />, host.container),
    unrender: () => render(null, host.container),
    mount: () => host.mount(),
    remove: () => host.remove(),
  };
}

/** What the overlay's buttons ask of the background. */
export function overlayActions(request: RequestFn, venue: VenueId) {
  return {
    onMove: (p: { x: number; y: number }) => void request('overlay.position', { venue, x: p.x, y: p.y }).catch(() => undefined),
    // The report page opens next to this tab and asks this script for the page copy.
    onSaveReport: () =>
      browser.runtime.sendMessage(REPORT_OPEN).then(
        (opened) => opened === true,
        () => false,
      ),
    // The side panel opens next to this tab (Chrome); Firefox's worker cannot, the label names the shortcut.
    onOpenChart: () => void browser.runtime.sendMessage(SIDEPANEL_OPEN).catch(() => undefined),
  };
}
