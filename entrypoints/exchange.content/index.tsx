import { render } from 'preact';
import { browser } from 'wxt/browser';
// The stylesheet as text, put into the shadow root directly: no fetch before the first paint and
// no web-accessible file a page could probe for.
import overlayCss from '@/components/overlay/overlay.css?inline';
import { contentScriptMatches, venueForPageHost } from '@/core/venues/registry';
import { LIVE_PORT } from '@/core/messages/protocol';
import { createClient } from '@/core/messages/client';
import { marketFromUrl } from '@/core/page/market-from-url';
import { takeFirstAnswer } from '@/core/overlay/first-answer';
import { computeLiquidation } from '@/core/liquidation/engine';
import { createOverlaySession } from '@/core/overlay/session';
import { createStore } from '@/core/overlay/observable';
import { firstPaintSignal, startOverlay, type StartEnv } from '@/core/overlay/start';
import { createShadowHost, UNTRUSTED_REFUSED } from '@/components/overlay/shadow-host';
import { TEST_BUILD } from '@/core/build';
import { createOverlayLook } from '@/components/overlay/overlay-look';
import { OverlayRoot } from '@/components/overlay/OverlayRoot';
import { createOverlayFocus } from '@/components/overlay/overlay-focus';
import { createLivePort } from '@/components/shared/live-port';
import { connectPage, guardScriptStartedEvent, orderFormRect, pageForReport } from './page-bridge';
import { REPORT_OPEN } from '@/core/overlay/tab-messages';
import { SIDEPANEL_OPEN } from '@/core/chart/open-chart';

export default defineContentScript({
  matches: contentScriptMatches(),
  // The overlay's CSS is inlined (see the import above); WXT injects nothing.
  cssInjectionMode: 'manual',
  // WXT would also window.postMessage a "script started" note, which tells every page script that
  // LiqLens is installed and costs ≈10 ms before main() runs. Its DOM event still stops an old copy.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const startedAt = performance.now();
    guardScriptStartedEvent(ctx, window);
    // Taken at once, so it never lingers on the global, whatever happens next.
    const handedOver = takeFirstAnswer(globalThis as unknown as Record<string, unknown>, location.href);
    const market = marketFromUrl(location.href);
    const venue = market?.venue ?? venueForPageHost(location.hostname);
    if (!venue) return;
    const request = createClient((message) => browser.runtime.sendMessage(message));
    const firstPaint = firstPaintSignal();
    const session = createOverlaySession({
      request,
      afterFirstPaint: (task) => void firstPaint.promise.then(task),
      compute: computeLiquidation,
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as number),
    });
    const look = createOverlayLook(request, browser.i18n.getUILanguage(), () => matchMedia('(prefers-color-scheme: dark)').matches);
    const visible = createStore(true);
    const focus = createOverlayFocus(document, visible);
    const ui = createShadowHost(document, {
      name: 'liqlens-overlay',
      css: overlayCss,
      // Typing in the calculator must not reach the exchange's hotkeys or input listeners.
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'change'],
      // Closed: page scripts cannot reach the overlay's DOM. Open only in the E2E build.
      mode: TEST_BUILD ? 'open' : 'closed',
      // Events a page script makes up never drive the overlay's controls.
      refuseUntrusted: UNTRUSTED_REFUSED,
    });
    const onMove = (p: { x: number; y: number }) => void request('overlay.position', { venue, x: p.x, y: p.y }).catch(() => undefined);
    // The report page opens next to this tab and asks this script for the page copy.
    const onSaveReport = () =>
      browser.runtime.sendMessage(REPORT_OPEN).then(
        (opened) => opened === true,
        () => false,
      );
    // The side panel opens next to this tab (Chrome); Firefox's worker cannot, the label names the shortcut.
    const onOpenChart = () => void browser.runtime.sendMessage(SIDEPANEL_OPEN).catch(() => undefined);
    const unrender = () => render(null, ui.container);
    ctx.onInvalidated(() => {
      unrender();
      ui.remove();
    });
    await startOverlay({
      market,
      venue,
      handedOver,
      request,
      session,
      firstPaint,
      look,
      visible,
      shortcut: focus.shortcut,
      ui: {
        render: (position, expanded) =>
          render(
            <OverlayRoot
              look={look.store}
              session={session}
              compute={computeLiquidation}
              initialExpanded={expanded}
              position={position}
              visible={visible}
              focus={focus}
              onMove={onMove}
              onSaveReport={onSaveReport}
              onOpenChart={onOpenChart}
            />,
            ui.container,
          ),
        unrender,
        mount: () => ui.mount(),
      },
      doc: document,
      win: window,
      orderFormRect: () => orderFormRect(document, venue),
      watchPage: () => connectPage(document, window, venue, session),
      capturePage: () => pageForReport(document, venue, session.data.get().market),
      connectLive: () =>
        createLivePort(
          () => browser.runtime.connect({ name: LIVE_PORT }),
          (fn, ms) => ctx.setTimeout(fn, ms),
        ),
      startedAt,
      now: () => performance.now(),
      ctx: ctx as unknown as StartEnv['ctx'],
      runtime: browser.runtime as unknown as StartEnv['runtime'],
    });
  },
});
