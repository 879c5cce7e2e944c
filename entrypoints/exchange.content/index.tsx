import { browser } from 'wxt/browser';
import { contentScriptMatches, venueForPageHost } from '@/core/venues/registry';
import { LIVE_PORT } from '@/core/messages/protocol';
import { createClient } from '@/core/messages/client';
import { marketFromUrl } from '@/core/page/market-from-url';
import { takeFirstAnswer } from '@/core/overlay/first-answer';
import { computeLiquidation } from '@/core/liquidation/engine';
import { createOverlaySession } from '@/core/overlay/session';
import { createStore } from '@/core/overlay/observable';
import { firstPaintSignal, startOverlay, type StartEnv } from '@/core/overlay/start';
import { createOverlayLook } from '@/components/overlay/overlay-look';
import { createOverlayFocus } from '@/components/overlay/overlay-focus';
import { createLivePort } from '@/components/shared/live-port';
import { guardScriptStartedEvent, pageHooks } from './page-bridge';
import { createOverlayUi, overlayActions } from './overlay-ui';

export default defineContentScript({
  matches: contentScriptMatches(),
  // The overlay's CSS is inlined (overlay-ui.tsx); WXT injects nothing.
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
    const ui = createOverlayUi(document, { look: look.store, session, compute: computeLiquidation, visible, focus }, overlayActions(request, venue));
    ctx.onInvalidated(() => {
      ui.unrender();
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
      ui,
      doc: document,
      win: window,
      ...pageHooks(document, window, venue, session),
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
